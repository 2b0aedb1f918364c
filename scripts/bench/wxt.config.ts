/**
 * The benchmark's builds: the project's configuration (published, or test with VIGIE_TEST_BUILD=1)
 * built into bench-results/build/<variant>/ so that a benchmark never overwrites the shared
 * .output folders, with the bundle analysis kept as raw data (per-module sizes of every chunk).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import base from '../../wxt.config';

const variant = process.env.VIGIE_TEST_BUILD === '1' ? 'test' : 'published';
const outDir = `bench-results/build/${variant}`;

export default defineConfig({
  ...base,
  outDir,
  analysis: { enabled: true, open: false, template: 'raw-data', outputFile: resolve(outDir, 'stats.json'), keepArtifacts: true },
});
