/**
 * The peers, side by side in the same run (`npm run bench -- --only peers`): what a user would run
 * instead of Vigie's one-click scan, on the same local page and the same script files.
 *
 * - Retire.js's CLI (npm `retire`, in scripts/bench/peers/, never a dependency of Vigie) on the
 *   script files the page loads, with `--jsrepo` pointing at `repository/jsrepository-v5.json`
 *   taken from the local mirror of RetireJS/retire.js (the CLI downloads it otherwise);
 * - Lighthouse 12.2.3 with `--only-audits=js-libraries`, on Debian's Chromium, on the page;
 * - Vigie: the scan of the same page in Chromium with the extension's test build (the published one has no access to loopback hosts) (the message the
 *   popup's button sends, answered by the service worker: headers, page, components, diagnosis).
 *
 * Each tool is timed over several runs (median, range), and what it found is counted, so that the
 * ratio compares tools that looked at the same thing. Nothing reaches the network: the page and
 * the files are served on loopback, Retire's repository is a local file, Lighthouse runs headless
 * against the local page.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchVigie, CHROMIUM_PATH } from '../../tests/e2e/harness.mjs';
import { startSites, HOST_RESOLVER_RULES } from '../../tests/sites/index.mjs';
import { librarySite } from '../../tests/sites/libraries.mjs';
import { mirrorDir } from '../kb/mirror.mjs';
import { summary } from './stats.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PEERS = join(ROOT, 'scripts', 'bench', 'peers');
const HOST = 'peers.test';

/** Old libraries with known advisories, served under their usual names (real files from node_modules). */
const FILES = {
  '/js/jquery.min.js': 'jquery-1.12.4/dist/jquery.min.js',
  '/js/bootstrap.min.js': 'bootstrap-3.3.7/dist/js/bootstrap.min.js',
  '/js/lodash.min.js': 'lodash-4.17.4/lodash.min.js',
  '/js/moment.min.js': 'moment-2.18.1/min/moment.min.js',
  '/js/angular.min.js': 'angular-1.5.8/angular.min.js',
  '/js/handlebars.min.js': 'handlebars-4.0.11/dist/handlebars.min.js',
};

/** Installs the peers from their lockfile when they are not there yet (npm registry only). */
function ensurePeers() {
  const bin = (name) => join(PEERS, 'node_modules', '.bin', name);
  if (!existsSync(bin('retire')) || !existsSync(bin('lighthouse'))) {
    process.stderr.write('Installing the peers (retire, lighthouse) into scripts/bench/peers…\n');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: PEERS, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { retire: bin('retire'), lighthouse: bin('lighthouse') };
}

/** Runs a command and resolves with its wall time in ms; rejects with its output when it fails. */
function timed(command, args, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolvePromise(ms);
      else reject(new Error(`${basename(command)} exited with ${code}: ${output.slice(-2000)}`));
    });
  });
}

/** The Retire.js repository file from the mirror, written to a temporary file; null without a mirror. */
function retireRepository(dir) {
  const mirror = mirrorDir('RetireJS/retire.js');
  if (!mirror) return null;
  const file = join(dir, 'jsrepository-v5.json');
  writeFileSync(file, execFileSync('git', ['--git-dir', mirror, 'show', 'HEAD:repository/jsrepository-v5.json'], { maxBuffer: 64 * 1024 * 1024 }));
  const commit = execFileSync('git', ['--git-dir', mirror, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  return { file, commit };
}

/**
 * @param {{ runs: number, extensionDir: string }} options
 * @returns {Promise<Record<string, unknown>>}
 */
export async function measurePeers({ runs, extensionDir }) {
  const n = Math.max(3, Math.min(runs, 10));
  const bins = ensurePeers();
  const work = mkdtempSync(join(tmpdir(), 'vigie-peers-'));
  const filesDir = join(work, 'js');
  mkdirSync(filesDir);
  const files = {};
  for (const [path, rel] of Object.entries(FILES)) {
    const source = join(ROOT, 'node_modules', rel);
    files[path] = source;
    copyFileSync(source, join(filesDir, basename(path)));
  }
  const sites = await startSites({ sites: [librarySite({ host: HOST, pages: { '/': Object.keys(FILES) }, files })] });
  const url = sites.url(HOST, 'http', '/');
  /** @type {Record<string, unknown>} */
  const out = { page: { url: url.replace(/:\d+\//, ':PORT/'), scripts: Object.values(FILES) }, runs: n };
  try {
    // Vigie: the scan of the open page, answered by the service worker.
    const vigie = await launchVigie({ extensionDir });
    try {
      const { tabId } = await vigie.openTab(url);
      const times = [];
      let found = 0;
      await vigie.scan(tabId); // warm: the first scan also loads the knowledge base
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        const result = /** @type {any} */ (await vigie.scan(tabId));
        times.push(performance.now() - started);
        found = (result.audit?.technologies ?? []).filter((t) => (t.vulnerabilities ?? []).length > 0).length;
      }
      out.vigie = { ...summary(times), vulnerableLibraries: found, what: 'vigie:scan of the open page (warm service worker)' };
    } finally {
      await vigie.close();
    }

    // Retire.js CLI on the same files.
    const repo = retireRepository(work);
    if (!repo) {
      out.retire = { notMeasured: 'no mirror of RetireJS/retire.js (fetch it, or set VIGIE_MIRRORS)' };
    } else {
      const report = join(work, 'retire.json');
      const args = ['--path', filesDir, '--jsrepo', repo.file, '--outputformat', 'json', '--outputpath', report, '--exitwith', '0', '--cachedir', join(work, 'retire-cache')];
      const times = [];
      for (let i = 0; i < n; i++) times.push(await timed(bins.retire, args));
      const parsed = JSON.parse(readFileSync(report, 'utf8'));
      const found = (parsed.data ?? []).flatMap((f) => f.results ?? []).filter((r) => (r.vulnerabilities ?? []).length > 0).length;
      out.retire = { ...summary(times), vulnerableLibraries: found, repository: { file: 'repository/jsrepository-v5.json', commit: repo.commit } };
    }

    // Lighthouse, js-libraries audit only, on Debian's Chromium.
    const lhReport = join(work, 'lighthouse.json');
    const lhArgs = [url, '--only-audits=js-libraries', '--output=json', `--output-path=${lhReport}`, '--quiet',
      `--chrome-flags=--headless=new --no-sandbox --no-first-run --host-resolver-rules="${HOST_RESOLVER_RULES}"`];
    const lhTimes = [];
    for (let i = 0; i < Math.min(n, 5); i++) lhTimes.push(await timed(bins.lighthouse, lhArgs, { CHROME_PATH: CHROMIUM_PATH }));
    const lh = JSON.parse(readFileSync(lhReport, 'utf8'));
    out.lighthouse = {
      ...summary(lhTimes),
      version: lh.lighthouseVersion,
      librariesListed: lh.audits?.['js-libraries']?.details?.items?.length ?? 0,
      note: 'js-libraries lists the libraries and versions it detects; it does not say which have known vulnerabilities',
    };
    const ratio = (peer) => (peer && typeof peer.medianMs === 'number' ? Math.round((peer.medianMs / /** @type {any} */ (out.vigie).medianMs) * 10) / 10 : null);
    out.ratios = { retireOverVigie: ratio(out.retire), lighthouseOverVigie: ratio(out.lighthouse) };
  } finally {
    await sites.stop();
  }
  return out;
}

// Run alone: node scripts/bench/peers.mjs <extension dir>
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const extensionDir = process.argv[2] ?? join(ROOT, '.output-test', 'chrome-mv3');
  console.log(JSON.stringify(await measurePeers({ runs: 5, extensionDir }), null, 2));
}
