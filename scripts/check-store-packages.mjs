#!/usr/bin/env node
/**
 * Checks the store packages the way a store reviewer would meet them:
 *
 * 1. `wxt zip` and `wxt zip -b firefox` (skipped with --no-zip: the zips already in .output/ are used);
 * 2. neither package carries the test build (no host access, no optional permission granted up
 *    front, no loopback test host, no test-only code);
 * 3. every file of the Firefox sources zip is tracked by git;
 * 4. the sources zip, unpacked in a temporary folder, rebuilds both packages file for file with the
 *    commands of SOURCE_CODE_REVIEW.md (`npm ci`, `npm run build:firefox`, and `npm run build`) —
 *    skipped with --no-rebuild (it needs the npm registry and takes a minute or two);
 * 5. `web-ext lint` of the unpacked Firefox package: no error (warnings and notices are listed).
 *
 *   node scripts/check-store-packages.mjs [--no-zip] [--no-rebuild] [--keep]
 *
 * Exits 1 when a check fails. Never run by the unit tests (it builds, and step 4 needs the network).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const out = join(root, '.output');
// JSZip is what WXT writes the zips with: resolved through WXT, not a dependency of its own.
const JSZip = createRequire(join(root, 'node_modules', 'wxt', 'package.json'))('jszip');

const env = { ...process.env, NO_UPDATE_NOTIFIER: '1' };
delete env.VIGIE_TEST_BUILD;

let failures = 0;
const fail = (message) => {
  failures++;
  console.log(`  FAIL ${message}`);
};
const ok = (message) => console.log(`  ok   ${message}`);

function run(cmd, argv, cwd = root) {
  const result = spawnSync(cmd, argv, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${cmd} ${argv.join(' ')} failed in ${cwd} (exit ${result.status})`);
  }
  return result.stdout;
}

async function unzip(zipPath, dest) {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const files = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(dest, entry.name);
    if (relative(dest, target).startsWith('..')) throw new Error(`${zipPath}: entry outside the folder: ${entry.name}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
    files.push(entry.name);
  }
  return files.sort();
}

function hashes(dir) {
  const result = new Map();
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else result.set(relative(dir, path).split('\\').join('/'), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return result;
}

function compareTrees(label, expectedDir, actualDir) {
  const expected = hashes(expectedDir);
  const actual = hashes(actualDir);
  const missing = [...expected.keys()].filter((f) => !actual.has(f));
  const extra = [...actual.keys()].filter((f) => !expected.has(f));
  const differ = [...expected.keys()].filter((f) => actual.has(f) && actual.get(f) !== expected.get(f));
  if (missing.length + extra.length + differ.length === 0) ok(`${label}: ${expected.size} files, identical`);
  else fail(`${label}: missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}, different ${JSON.stringify(differ)}`);
}

/** What only the test build (VIGIE_TEST_BUILD=1) has. Derived from the manifest itself, not a fixed list. */
function checkPublished(label, dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const text = JSON.stringify(manifest);
  const optional = new Set([...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])]);
  const problems = [];
  if (manifest.host_permissions !== undefined) problems.push(`host_permissions ${JSON.stringify(manifest.host_permissions)}`);
  const upFront = (manifest.permissions ?? []).filter((p) => optional.has(p) || /:\/\/|<all_urls>/.test(p));
  if (upFront.length) problems.push(`optional or host permissions granted at install: ${upFront.join(', ')}`);
  if (/\*\.test\/|127\.0\.0\.1|localhost/.test(text)) problems.push('a loopback test host in the manifest');
  // The test build's driver page (Firefox) and its popup?tabId=N target are compiled out of the published build.
  const bundles = [...hashes(dir).keys()].filter((f) => f.endsWith('.js'));
  const testOnly = bundles.filter((f) => readFileSync(join(dir, f), 'utf8').includes('harness'));
  if (testOnly.length) problems.push(`test-only code in ${testOnly.join(', ')}`);
  if (problems.length) fail(`${label}: ${problems.join('; ')}`);
  else ok(`${label}: published build (install: ${(manifest.permissions ?? []).join(', ')}; optional: ${[...optional].join(', ')})`);
  return manifest;
}

const work = mkdtempSync(join(tmpdir(), 'vigie-store-'));
try {
  if (!args.has('--no-zip')) {
    console.log('Zipping (wxt zip, wxt zip -b firefox)');
    run('npx', ['wxt', 'zip']);
    run('npx', ['wxt', 'zip', '-b', 'firefox']);
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const zips = {
    chrome: join(out, `vigie-${version}-chrome-mv3.zip`),
    firefox: join(out, `vigie-${version}-firefox-mv2.zip`),
    sources: join(out, `vigie-${version}-firefox-mv2-sources.zip`),
  };
  const dirs = { chrome: join(work, 'chrome'), firefox: join(work, 'firefox'), sources: join(work, 'sources') };
  const listed = {};
  for (const key of Object.keys(zips)) listed[key] = await unzip(zips[key], dirs[key]);

  console.log('Packages');
  checkPublished(relative(root, zips.chrome), dirs.chrome);
  checkPublished(relative(root, zips.firefox), dirs.firefox);

  console.log('Sources zip');
  const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean));
  const untracked = listed.sources.filter((f) => !tracked.has(f));
  if (untracked.length) fail(`files not tracked by git: ${untracked.join(', ')}`);
  else ok(`${listed.sources.length} files, all tracked by git`);
  for (const required of ['SOURCE_CODE_REVIEW.md', 'package.json', 'package-lock.json', 'wxt.config.ts']) {
    if (!listed.sources.includes(required)) fail(`${required} is missing`);
  }

  if (!args.has('--no-rebuild')) {
    console.log('Rebuild from the sources zip (npm ci, npm run build:firefox, npm run build)');
    run('npm', ['ci', '--no-audit', '--no-fund'], dirs.sources);
    run('npm', ['run', 'build:firefox'], dirs.sources);
    run('npm', ['run', 'build'], dirs.sources);
    compareTrees('Firefox package rebuilt from sources', dirs.firefox, join(dirs.sources, '.output', 'firefox-mv2'));
    compareTrees('Chrome package rebuilt from sources', dirs.chrome, join(dirs.sources, '.output', 'chrome-mv3'));
  }

  console.log('web-ext lint -s <unpacked Firefox package>');
  const lint = spawnSync(join(root, 'node_modules', '.bin', 'web-ext'), ['lint', '--no-config-discovery', '--output', 'json', '-s', dirs.firefox], { cwd: root, env, encoding: 'utf8' });
  const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{')));
  for (const kind of ['errors', 'warnings', 'notices']) {
    for (const m of report[kind]) console.log(`       ${kind.slice(0, -1)} ${m.code} ${m.file ?? ''} — ${m.message}`);
  }
  if (report.summary.errors > 0) fail(`web-ext lint: ${report.summary.errors} error(s)`);
  else ok(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
} finally {
  if (args.has('--keep')) console.log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(failures ? `${failures} check(s) failed` : 'All store package checks passed');
process.exit(failures ? 1 : 0);
