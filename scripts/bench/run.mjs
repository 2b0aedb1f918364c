#!/usr/bin/env node
/**
 * `npm run bench`: builds the published and test Chrome variants into bench-results/build/, then
 * measures scan latency, the injected code on a large page, bundle sizes, the history page at
 * 10,000 audits, and CLI throughput and memory. Prints a table against the budgets
 * (scripts/bench/budgets.mjs) and writes bench-results/latest.json.
 *
 * Options: --skip-build (reuse bench-results/build), --runs N (scans per figure, default 20),
 * --cli-sites N (default 400), --only sizes,browser,cli,peers. The peers part (scripts/bench/peers.mjs)
 * times Retire.js's CLI and Lighthouse on the same page as Vigie's scan, installing them into
 * scripts/bench/peers/ on first use; it is not part of --only browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUDGETS, figure, meets } from './budgets.mjs';
import { measureInChromium } from './browser.mjs';
import { measureCli } from './cli.mjs';
import { measurePeers } from './peers.mjs';
import { measureSizes } from './sizes.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT = join(ROOT, 'bench-results');
const BUILD = join(OUT, 'build');

const { values: args } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '20' },
    'cli-sites': { type: 'string', default: '400' },
    only: { type: 'string', default: 'sizes,browser,cli,peers' },
  },
});
const runs = Math.max(3, Number(args.runs) || 20);
const only = new Set(String(args.only).split(','));

function buildVariant(/** @type {'published' | 'test'} */ variant) {
  const dir = join(BUILD, variant, 'chrome-mv3');
  if (args['skip-build'] && existsSync(join(dir, 'manifest.json'))) return dir;
  process.stderr.write(`Building the ${variant} variant into ${dir}…\n`);
  try {
    execFileSync('npx', ['wxt', 'build', '-c', 'scripts/bench/wxt.config.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VIGIE_TEST_BUILD: variant === 'test' ? '1' : '' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = /** @type {{ stdout?: Buffer, stderr?: Buffer }} */ (error);
    process.stderr.write(String(stdout) + String(stderr));
    throw new Error(`The ${variant} build failed (output above).`);
  }
  return dir;
}

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
function show(/** @type {number | undefined} */ value, /** @type {string} */ unit) {
  if (value === undefined || Number.isNaN(value)) return 'not measured';
  if (unit === 'B') return value >= 10 * 1024 * 1024 ? mb(value) : kb(value);
  return `${value} ${unit}`;
}

/** @type {Record<string, any>} */
const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryBytes: totalmem() },
};

if (only.has('sizes') || only.has('browser')) {
  const published = buildVariant('published');
  if (only.has('sizes')) {
    process.stderr.write('Measuring bundle sizes…\n');
    results.bundles = await measureSizes(published, join(BUILD, 'published'), ROOT);
  }
}
if (only.has('browser')) {
  const testBuild = buildVariant('test');
  process.stderr.write(`Measuring in Chromium (${runs} scans per figure)…\n`);
  const browser = await measureInChromium({ testBuildDir: testBuild, runs, historyAudits: 10_000, historyDomains: 500 });
  results.scan = browser.scan;
  results.injected = browser.injected;
  results.history = browser.history;
}
if (only.has('cli')) {
  if (!existsSync(join(ROOT, 'dist/cli/vigie.mjs'))) execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  process.stderr.write('Measuring the CLI…\n');
  results.cli = await measureCli({ root: ROOT, sites: Math.max(16, Number(args['cli-sites']) || 400), concurrency: 16 });
}

if (only.has('peers')) {
  const testBuild = buildVariant('test');
  process.stderr.write('Timing the peers (Retire.js CLI, Lighthouse js-libraries) against Vigie\'s scan on the same page…\n');
  results.peers = await measurePeers({ runs, extensionDir: testBuild });
}

results.budgets = BUDGETS.map((budget) => {
  const value = figure(results, budget.key);
  return { ...budget, value: value ?? null, met: typeof value === 'number' ? meets(value, budget) : null };
});

// The table: every budget, then the other figures worth reading.
const rows = results.budgets.map((/** @type {any} */ b) => [b.label, show(b.value ?? undefined, b.unit), `${b.kind === 'max' ? '≤' : '≥'} ${show(b.limit, b.unit)}`, b.met === null ? '-' : b.met ? 'ok' : 'MISSED']);
const extra = [];
if (results.scan) {
  extra.push(['vigie:scan p95 (weak + strong)', `${results.scan.message.p95Ms} ms`]);
  extra.push(['vigie:scan weak.test median / p95', `${results.scan.weak.medianMs} / ${results.scan.weak.p95Ms} ms`]);
  extra.push(['vigie:scan strong.test median / p95', `${results.scan.strong.medianMs} / ${results.scan.strong.p95Ms} ms`]);
  extra.push(['first scan after start (weak, strong)', `${results.scan.weak.firstScanMs}, ${results.scan.strong.firstScanMs} ms`]);
  if (results.scan.coldWorker) extra.push(['scan after a stopped service worker (reads the knowledge base), median', `${results.scan.coldWorker.medianMs} ms`]);
  extra.push(['click to result p95', `${results.scan.click.p95Ms} ms`]);
}
if (results.injected) extra.push(['injected code, small page (weak.test)', `${results.injected.weakPage.mainThreadMs} ms (${results.injected.weakPage.elementCount} elements)`]);
if (results.history) extra.push(['history first render p95', `${results.history.p95Ms} ms (${results.history.rowsRendered} rows)`]);
if (results.bundles) {
  const b = results.bundles;
  for (const page of ['report', 'history', 'options']) if (b[page]) extra.push([`${page} page script, gzipped`, kb(b[page].jsGzipBytes)]);
  extra.push(['background, gzipped', kb(b.background.jsGzipBytes)]);
  extra.push(['injected content script, gzipped', kb(b.injected.jsGzipBytes)]);
  extra.push(['knowledge base data files (public/kb), gzipped', kb(b.knowledgeBase.gzipBytes)]);
  extra.push(['unpacked Chrome build', kb(b.unpackedBytes)]);
}
if (results.peers) {
  const p = results.peers;
  extra.push([`Vigie scan of the peers page (${p.page.scripts.length} old libraries)`, `${p.vigie.medianMs} ms median, ${p.vigie.vulnerableLibraries} vulnerable found`]);
  if (p.retire.notMeasured) extra.push(['Retire.js CLI, same files', `not measured: ${p.retire.notMeasured}`]);
  else extra.push(['Retire.js CLI, same files', `${p.retire.medianMs} ms median, ${p.retire.vulnerableLibraries} vulnerable found — ×${p.ratios.retireOverVigie} Vigie's time`]);
  extra.push([`Lighthouse ${p.lighthouse.version} js-libraries, same page`, `${p.lighthouse.medianMs} ms median, ${p.lighthouse.librariesListed} libraries listed (not judged) — ×${p.ratios.lighthouseOverVigie} Vigie's time`]);
}
if (results.cli) extra.push(['CLI run', `${results.cli.sites} sites in ${results.cli.seconds} s, ${results.cli.failed} failed`]);

const widths = [0, 1, 2, 3].map((i) => Math.max(...[['figure', 'measured', 'budget', ''], ...rows].map((r) => String(r[i]).length)));
const line = (/** @type {string[]} */ r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
console.log(line(['figure', 'measured', 'budget', '']));
for (const row of rows) console.log(line(row));
console.log('');
for (const [label, value] of extra) console.log(`${label.padEnd(widths[0])}  ${value}`);

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nWrote ${join('bench-results', 'latest.json')}`);
