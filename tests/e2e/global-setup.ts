/**
 * Builds both variants of the extension once before the end-to-end tests: the test build
 * (loopback host access, popup target from its URL) in .output-test/, the published one in .output/.
 * VIGIE_E2E_SKIP_BUILD=1 reuses existing builds (for quick reruns while developing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, PUBLISHED_BUILD_DIR, ROOT, TEST_BUILD_DIR } from './harness.mjs';

function run(args: string[], testBuild: boolean) {
  const env = { ...process.env, VIGIE_TEST_BUILD: testBuild ? '1' : '' };
  try {
    execFileSync('npm', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: Buffer | string; stderr?: Buffer | string };
    process.stderr.write(String(stdout) + String(stderr));
    throw new Error(`npm ${args.join(' ')} failed: the extension could not be built (output above).`);
  }
}

export default function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is needed for the end-to-end tests and was not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  if (process.env.VIGIE_E2E_SKIP_BUILD === '1' && existsSync(join(TEST_BUILD_DIR, 'manifest.json')) && existsSync(join(PUBLISHED_BUILD_DIR, 'manifest.json'))) return;
  process.stdout.write('Building the test and published variants of the extension…\n');
  run(['run', '--silent', 'build:test'], true);
  run(['run', '--silent', 'build'], false);
}
