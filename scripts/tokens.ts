/**
 * Writes assets/tokens.css from lib/design/tokens.ts (`npm run tokens`). The pages import the CSS;
 * tests/unit/design-tokens.test.ts fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tokensCss } from '../lib/design/tokens';

const out = fileURLToPath(new URL('../assets/tokens.css', import.meta.url));
writeFileSync(out, tokensCss());
console.log(`Wrote ${out}`);
