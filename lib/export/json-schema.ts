/** The JSON Schema of the exported audit, generated from the zod schema (published as docs/audit.schema.json). */
import { z } from 'zod';
import { Audit, SCHEMA_VERSION } from '../audit/schema';

export function auditJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Audit, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://vigie.invalid/schema/audit-v${SCHEMA_VERSION}.json`,
    title: 'Vigie audit',
    description: `An audit exported by Vigie (schemaVersion ${SCHEMA_VERSION}). Generated from lib/audit/schema.ts by scripts/gen-json-schema.ts; do not edit.`,
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

export function auditJsonSchemaText(): string {
  return `${JSON.stringify(auditJsonSchema(), null, 2)}\n`;
}
