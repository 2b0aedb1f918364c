/**
 * Writes docs/audit.schema.json from the zod Audit schema.
 * Run: `npx jiti scripts/gen-json-schema.ts` (tests/export/json.test.ts fails when it is stale).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditJsonSchemaText } from '../lib/export/json-schema';

const target = fileURLToPath(new URL('../docs/audit.schema.json', import.meta.url));
writeFileSync(target, auditJsonSchemaText());
console.log(`wrote ${target}`);
