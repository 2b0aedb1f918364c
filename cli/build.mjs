/**
 * Builds the command-line scanner into one ES module for Node 20: dist/cli/vigie.mjs (the `bin`
 * of package.json). Run by `npm run build:cli` and by `prepare`, so `npm ci` leaves a working `vigie`
 * and `npm pack` packs a fresh build.
 *
 * dist/cli/ is exactly what the packed CLI ships (the `files` list of package.json), so it is emptied
 * first: nothing left over from an older build can end up in the tarball. Data files the CLI reads at
 * run time (the knowledge base, public/kb/) belong in dist/cli/data/, copied here, and are
 * read relative to the module: `new URL('./data/x.json', import.meta.url)`.
 */
import { build } from 'esbuild';
import { chmod, cp, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = process.env.VIGIE_CLI_OUTFILE ?? join(root, 'dist', 'cli', 'vigie.mjs');
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
if (!process.env.VIGIE_CLI_OUTFILE) await rm(dirname(outfile), { recursive: true, force: true });

await build({
  entryPoints: [join(root, 'cli', 'vigie.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __VIGIE_VERSION__: JSON.stringify(version), __VIGIE_TEST_BUILD__: 'false' },
  // Bundled CommonJS dependencies may call require() on Node built-ins.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __vigieRequire } from 'node:module';\nconst require = __vigieRequire(import.meta.url);" },
});
await chmod(outfile, 0o755);
// The knowledge base travels as data next to the bundle (cli/kb.ts reads it relative to itself).
await cp(join(root, 'public', 'kb'), join(dirname(outfile), 'data', 'kb'), { recursive: true });
