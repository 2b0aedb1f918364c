/**
 * Writes THIRD-PARTY-NOTICES.txt: the licence of every package whose code ships inside the
 * extension or the CLI bundle (minified bundles drop the packages' own licence comments, so the
 * texts travel in this file instead). `--check` only compares, and fails when the file is stale.
 *
 * The list is checked against what the bundles really hold by tests/unit/licences.test.ts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const NOTICES_FILE = join(ROOT, 'THIRD-PARTY-NOTICES.txt');

/**
 * Packages bundled into what we distribute. `via` is the package that depends on it when npm
 * installed it nested (htmlparser2's own entities), `note` says which part of it ships, and
 * `declaredOnly` marks a package that declares its licence in package.json but ships no text.
 * @type {{ name: string, ships: ('extension' | 'cli')[], via?: string, note?: string, declaredOnly?: boolean }[]}
 */
export const BUNDLED = [
  { name: 'preact', ships: ['extension'] },
  { name: 'zod', ships: ['extension', 'cli'] },
  { name: 'idb', ships: ['extension'] },
  { name: 'structured-headers', ships: ['extension', 'cli'] },
  { name: 'csp_evaluator', ships: ['extension', 'cli'] },
  { name: 'webextension-polyfill', ships: ['extension'] },
  { name: '@wxt-dev/webextension-polyfill', ships: ['extension'] },
  { name: 'wxt', ships: ['extension'], note: 'its runtime helpers (browser, defineBackground, defineContentScript)', declaredOnly: true },
  { name: 'htmlparser2', ships: ['cli'] },
  { name: 'domhandler', ships: ['cli'] },
  { name: 'domutils', ships: ['cli'] },
  { name: 'domelementtype', ships: ['cli'] },
  { name: 'dom-serializer', ships: ['cli'] },
  { name: 'entities', ships: ['cli'], via: 'htmlparser2' },
  { name: 'entities', ships: ['cli'] },
];

/** The folder npm installed `name` in: nested under `via` when that holds its own copy. */
export function packageDir(name, via) {
  const nested = via ? join(ROOT, 'node_modules', via, 'node_modules', name) : null;
  return nested && existsSync(nested) ? nested : join(ROOT, 'node_modules', name);
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : null;
}

export function renderNotices() {
  const parts = [
    'Third-party software in Vigie',
    '=============================',
    '',
    'The extension and the command-line scanner bundle the code of the packages below. Each is',
    'distributed under its own licence, reproduced here. The knowledge-base data sources are',
    'credited in NOTICE.',
  ];
  for (const entry of BUNDLED) {
    const dir = packageDir(entry.name, entry.via);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const text = entry.declaredOnly
      ? `The package declares the ${pkg.license} licence in its package.json and ships no licence text. The terms of the ${pkg.license} licence: https://spdx.org/licenses/${pkg.license}.html`
      : licenceText(dir);
    if (!text) throw new Error(`${entry.name} ships no licence file: mark it declaredOnly after checking its package.json.`);
    const ships = entry.ships.map((s) => (s === 'cli' ? 'the command-line scanner' : 'the extension')).join(' and ');
    parts.push('', '-'.repeat(78), `${pkg.name} ${pkg.version} — ${pkg.license} — in ${ships}${entry.note ? `: ${entry.note}` : ''}`, pkg.homepage ? String(pkg.homepage) : '', '-'.repeat(78), '', text);
  }
  return `${parts.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderNotices();
  if (process.argv.includes('--check')) {
    const current = existsSync(NOTICES_FILE) ? readFileSync(NOTICES_FILE, 'utf8') : '';
    if (current !== text) {
      console.error('THIRD-PARTY-NOTICES.txt is out of date: run node scripts/third-party-notices.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(NOTICES_FILE, text);
    console.log(`Wrote ${NOTICES_FILE} (${BUNDLED.length} packages).`);
  }
}
