/**
 * Builds the Firefox end-to-end variant once (the test build plus what Firefox automation needs,
 * see wxt.config.ts here) into .output-test/firefox-e2e/. VIGIE_E2E_SKIP_BUILD=1 reuses it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX_E2E_BUILD_DIR, FIREFOX_PATH, ROOT } from './harness.mjs';

export default function setup() {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox ESR is needed for the Firefox end-to-end tests and was not found at ${FIREFOX_PATH}. Install it with: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  }
  if (process.env.VIGIE_E2E_SKIP_BUILD === '1' && existsSync(join(FIREFOX_E2E_BUILD_DIR, 'manifest.json'))) return;
  process.stdout.write('Building the Firefox end-to-end variant of the extension…\n');
  try {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '-c', 'tests/e2e-firefox/wxt.config.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VIGIE_TEST_BUILD: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: Buffer | string; stderr?: Buffer | string };
    process.stderr.write(String(stdout) + String(stderr));
    throw new Error('The Firefox end-to-end build failed (output above).');
  }
}
