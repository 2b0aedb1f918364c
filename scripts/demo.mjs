#!/usr/bin/env node
/**
 * The demo: builds Vigie, starts the bundled demo site (a deliberately neglected shop, plus a
 * well-configured site to compare with), then
 * - with a display (DISPLAY or WAYLAND_DISPLAY): opens Chromium with the extension loaded on the
 *   demo site; click the Vigie icon (or press Alt+Shift+V) to scan. Close the browser to stop.
 * - without one (or with --print): says so, scans the demo site from a headless Chromium with the
 *   extension, and prints the audit.
 * Everything stays on this machine: the sites listen on 127.0.0.1 only.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH, PUBLISHED_BUILD_DIR, QUIET_FLAGS, ROOT, TEST_BUILD_DIR, launchVigie } from '../tests/e2e/harness.mjs';
import { HOST_RESOLVER_RULES, startSites } from '../tests/sites/index.mjs';

const forcePrint = process.argv.includes('--print');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function say(line = '') {
  process.stdout.write(`${line}\n`);
}

function build(testBuild) {
  say(testBuild ? '» Building the extension (test variant, for the headless scan)…' : '» Building the extension…');
  try {
    execFileSync('npm', ['run', '--silent', testBuild ? 'build:test' : 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, VIGIE_TEST_BUILD: testBuild ? '1' : '' },
    });
  } catch (error) {
    // Quiet on success; everything the build said when it fails.
    process.stderr.write(String(error.stdout ?? '') + String(error.stderr ?? ''));
    throw new Error('The extension build failed (output above).');
  }
}

/** The UI catalogues are TypeScript modules; jiti (a dependency of WXT) loads them as they are. */
async function loadTranslator() {
  try {
    const { createJiti } = await import('jiti');
    const i18n = await createJiti(import.meta.url).import(join(ROOT, 'lib/i18n/index.ts'));
    return (key, params) => i18n.translate('en', key, params);
  } catch {
    return (key) => key;
  }
}

async function headful(sites) {
  build(false);
  const profile = mkdtempSync(join(tmpdir(), 'vigie-demo-'));
  const weak = sites.urls['weak.test'].http;
  const strong = sites.urls['strong.test'].https;
  say(`» Opening Chromium with Vigie loaded on the demo site: ${weak}`);
  say('  Click the Vigie icon (in the puzzle-piece menu) or press Alt+Shift+V to scan the page.');
  say(`  For comparison, a well-configured site is open in the second tab: ${strong}`);
  say('  Close the browser window to end the demo.');
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${PUBLISHED_BUILD_DIR}`,
    `--load-extension=${PUBLISHED_BUILD_DIR}`,
    // Google Chrome 137+ ignores --load-extension unless this is said.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    `--host-resolver-rules=${HOST_RESOLVER_RULES}`,
    '--ignore-certificate-errors',
    '--no-first-run',
    '--no-default-browser-check',
    weak,
    strong,
  ];
  const startedAt = Date.now();
  const browser = spawn(CHROMIUM_PATH, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  browser.stderr.on('data', (chunk) => {
    if (errors.length < 4000) errors += chunk;
  });
  const stop = () => browser.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await new Promise((resolve) => browser.once('exit', (c, signal) => resolve(signal ? 0 : c ?? 0)));
  rmSync(profile, { recursive: true, force: true });
  // A window that could not open (a DISPLAY without a server behind it) fails within seconds.
  if (code !== 0 && Date.now() - startedAt < 15_000) {
    const reason = /Missing X server|cannot open display|Failed to connect to Wayland/i.exec(errors)?.[0] ?? `exit code ${code}`;
    say(`» Chromium could not open a window (${reason}): the display is not usable. Printing the audit of the demo site instead.`);
    return printed(sites);
  }
  return 0;
}

async function printed(sites) {
  build(true);
  const t = await loadTranslator();
  const url = sites.urls['weak.test'].http;
  say(`» Scanning the demo site ${url} from a headless Chromium with Vigie…`);
  const vigie = await launchVigie({ extensionDir: TEST_BUILD_DIR, headless: true });
  try {
    const { tabId } = await vigie.openTab(url);
    const response = await vigie.scan(tabId);
    if (!response?.ok) {
      say(`Vigie could not scan the demo site: ${response?.error?.message ?? 'no answer'}`);
      return 1;
    }
    const { audit } = response;
    say('');
    say(`Vigie audit of ${audit.url}`);
    say('─'.repeat(72));
    say(`Grade ${audit.score.grade} — ${t('score.value', { value: audit.score.value })}   ·   ${t('popup.duration', { ms: Math.round(audit.durationMs) })}`);
    say(`${t('report.headerSource')}: ${t(`headerSource.${audit.headerSource}`)}`);
    say('');
    say(`${audit.findings.length} finding${audit.findings.length === 1 ? '' : 's'}, most serious first:`);
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    const findings = [...audit.findings].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
    for (const f of findings) {
      say(`  [${t(`severity.${f.severity}`)} · ${f.priority}] ${f.title}`);
      for (const e of f.evidence.slice(0, 3)) say(`      ${t(e.label)}: ${e.value.slice(0, 160)}`);
    }
    if (audit.technologies.length) {
      say('');
      say(`${t('report.technologies')}: ${audit.technologies.map((x) => (x.version ? `${x.name} ${x.version}` : x.name)).join(', ')}`);
    }
    if (audit.notMeasured.length) {
      say('');
      say(`${t('report.notMeasured')}:`);
      for (const n of audit.notMeasured) say(`  - ${t(`measure.${n.what}`)}: ${t(n.reason.key, n.reason.params)}`);
    }
    say('');
    say(`In the browser, the popup shows this audit grouped by severity, and its report page shows it in full and exports it (JSON schemaVersion ${audit.schemaVersion}).`);
    return 0;
  } finally {
    await vigie.close();
  }
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    say(`Chromium was not found at ${CHROMIUM_PATH}.`);
    say('Install it first (as root): apt-get update && apt-get install -y chromium — or set CHROMIUM_PATH.');
    return 1;
  }
  const sites = await startSites();
  say(`» Demo site running: ${sites.urls['weak.test'].http} (and over HTTPS: ${sites.urls['weak.test'].https})`);
  try {
    if (hasDisplay && !forcePrint) return await headful(sites);
    if (!hasDisplay) say('» No display is available (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open. Printing the audit of the demo site instead.');
    return await printed(sites);
  } finally {
    await sites.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
