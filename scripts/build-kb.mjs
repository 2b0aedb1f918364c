#!/usr/bin/env node
/**
 * Builds Vigie's component knowledge base (lib/kb/data/*.ts) from the dated facts in ../shared/data
 * and the npm registry's release dates (`npm view <package> time --json`). The generated files are
 * committed; the extension never reads ../shared or the registry at run time.
 *
 *   node scripts/build-kb.mjs [--data ../shared/data] [--offline]
 *
 * --offline reuses the release dates already in lib/kb/data/releases.ts (no registry call).
 * See docs/knowledge-base.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dataDir = resolve(root, args.includes('--data') ? args[args.indexOf('--data') + 1] : '../shared/data');
const offline = args.includes('--offline');
const outDir = join(root, 'lib/kb/data');
const today = new Date().toISOString().slice(0, 10);

/**
 * Component id → where its facts live: Retire.js keys (advisories), npm package (release dates),
 * endoflife.date product (cycles). Ids match lib/kb/components.ts.
 */
const SOURCES = {
  jquery: { retire: ['jquery'], npm: 'jquery', eol: 'jquery' },
  'jquery-ui': { retire: ['jquery-ui', 'jquery-ui-dialog', 'jquery-ui-tooltip', 'jquery-ui-autocomplete'], npm: 'jquery-ui', eol: 'jquery-ui' },
  'jquery-migrate': { retire: ['jquery-migrate'], npm: 'jquery-migrate' },
  'jquery-validation': { retire: ['jquery-validation'], npm: 'jquery-validation' },
  'jquery-mobile': { retire: ['jquery-mobile'] },
  datatables: { retire: ['jquery.datatables'], npm: 'datatables.net' },
  bootstrap: { retire: ['bootstrap'], npm: 'bootstrap', eol: 'bootstrap' },
  angularjs: { retire: ['angularjs'], npm: 'angular', eol: 'angularjs' },
  angular: { retire: ['@angular/core'], npm: '@angular/core', eol: 'angular' },
  react: { retire: ['react'], npm: 'react', eol: 'react' },
  'react-dom': { retire: ['react-dom'], npm: 'react-dom', eol: 'react' },
  vue: { retire: ['vue'], npm: 'vue', eol: 'vue' },
  lodash: { retire: ['lodash'], npm: 'lodash' },
  underscore: { retire: ['underscore.js'], npm: 'underscore' },
  moment: { retire: ['moment.js'], npm: 'moment' },
  handlebars: { retire: ['handlebars'], npm: 'handlebars' },
  mustache: { retire: ['mustache.js'], npm: 'mustache' },
  dompurify: { retire: ['DOMPurify'], npm: 'dompurify' },
  axios: { retire: ['axios'], npm: 'axios' },
  chartjs: { retire: ['chart.js'], npm: 'chart.js' },
  knockout: { retire: ['knockout'], npm: 'knockout' },
  backbone: { retire: ['backbone.js'], npm: 'backbone' },
  ember: { retire: ['ember'], npm: 'ember-source' },
  prototype: { retire: ['prototypejs'] },
  mootools: { retire: ['mootools'] },
  dojo: { retire: ['dojo'], npm: 'dojo' },
  select2: { retire: ['select2'], npm: 'select2' },
  swiper: { retire: ['swiper'], npm: 'swiper' },
  gsap: { npm: 'gsap' },
  d3: { retire: ['d3'], npm: 'd3' },
  modernizr: {},
  'core-js': { npm: 'core-js' },
  nextjs: { retire: ['nextjs'], npm: 'next', eol: 'nextjs' },
  nuxt: { npm: 'nuxt', eol: 'nuxt' },
  gatsby: {},
  svelte: { retire: ['svelte'], npm: 'svelte' },
  alpinejs: { retire: ['alpinejs'], npm: 'alpinejs' },
  tinymce: { retire: ['tinyMCE'], npm: 'tinymce' },
  ckeditor: { retire: ['ckeditor'], eol: 'ckeditor' },
  highcharts: { retire: ['highcharts'], npm: 'highcharts' },
  videojs: { retire: ['video.js'], npm: 'video.js' },
  threejs: { retire: ['threejs'] },
  pdfjs: { retire: ['pdf.js'], npm: 'pdfjs-dist' },
  highlightjs: { retire: ['highlightjs'], npm: 'highlight.js' },
  yui: { retire: ['YUI'] },
  extjs: { retire: ['ExtJS'] },
  leaflet: { npm: 'leaflet' },
  wordpress: { eol: 'wordpress' },
  drupal: { eol: 'drupal' },
  joomla: { eol: 'joomla' },
  magento: { eol: 'magento' },
  typo3: { eol: 'typo3' },
  shopware: { eol: 'shopware' },
  contao: { eol: 'contao' },
  umbraco: { eol: 'umbraco' },
  nginx: { eol: 'nginx' },
  apache: { eol: 'apache-http-server' },
  tomcat: { eol: 'tomcat' },
  php: { eol: 'php' },
  express: { eol: 'express' },
  laravel: { eol: 'laravel' },
  django: { eol: 'django' },
  nodejs: { eol: 'nodejs' },
};

const readJson = (name) => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));

// ---- versions (same rules as lib/version, kept minimal here: release numbers only) ----
const STABLE = /^\d+\.\d+\.\d+$/;
/** Release numbers first, then a release sorts after its prereleases ("1.4.0" > "1.4.0-beta.2", "1.9.0b1" < "1.9.0"). */
const cmp = (a, b) => {
  const split = (v) => {
    const m = /^v?(\d+(?:\.\d+)*)(.*)$/.exec(v) ?? ['', '0', v];
    return { nums: m[1].split('.').map(Number), pre: m[2].replace(/^[-.]/, '') };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d) return d;
  }
  if (!x.pre || !y.pre) return x.pre ? -1 : y.pre ? 1 : 0;
  return x.pre.localeCompare(y.pre, 'en', { numeric: true });
};
const dayOf = (iso) => Math.floor(Date.parse(iso) / 86_400_000);

// ---- advisories ----
const retire = readJson('js-vulnerabilities.json');
const SEV = { critical: 'c', high: 'h', medium: 'm', low: 'l', info: 'i' };
const advisories = {};
let advisoryCount = 0;
const dropped = [];
for (const [id, src] of Object.entries(SOURCES)) {
  const list = [];
  const seen = new Set();
  for (const key of src.retire ?? []) {
    const lib = retire.libraries[key];
    if (!lib) throw new Error(`Retire.js key not found: ${key}`);
    for (const adv of lib.vulnerabilities) {
      const valid = adv.ranges.filter((r) => {
        // An empty range in the source (lower bound not below the upper one) matches nothing: dropped, reported.
        const empty = r.atOrAbove && r.atOrAbove !== '0' && cmp(r.atOrAbove, r.below) >= 0;
        if (empty) dropped.push(`${key} ${adv.cve[0] ?? adv.ghsa ?? ''} ${r.atOrAbove}..${r.below}`);
        return !empty;
      });
      if (!valid.length) continue;
      const ranges = valid.map((r) => {
        const from = r.atOrAbove && r.atOrAbove !== '0' ? r.atOrAbove : '';
        return `${from}..${r.below}${(r.excludes ?? []).map((e) => `!${e}`).join('')}`;
      });
      const ids = [...adv.cve, ...(adv.ghsa ? [adv.ghsa] : [])];
      const highestFix = valid.map((r) => r.below).sort(cmp).at(-1);
      let advId = ids[0] ?? `${id.toUpperCase()}-${adv.issue ?? adv.bug ?? `FIX-${highestFix}`}`;
      if (ids.length === 0) {
        let n = 2;
        const base = advId;
        while (seen.has(advId)) advId = `${base}-${n++}`;
      }
      const dedupeKey = `${advId}|${ranges.join(' ')}`;
      if (seen.has(advId) || seen.has(dedupeKey)) {
        // The same advisory listed under two Retire.js keys (e.g. jquery-ui and jquery-ui-dialog).
        continue;
      }
      seen.add(advId);
      seen.add(dedupeKey);
      const url = adv.ghsa ? '' : adv.cve[0] ? '' : adv.references[0] ?? '';
      const cwe = (adv.cwe ?? []).map((c) => c.replace('CWE-', '')).join(',');
      // [ids (space-separated, first is the display id), severity, CWE numbers, ranges, url when not derivable from the ids]
      list.push([[advId, ...ids.filter((x) => x !== advId)].join(' '), SEV[adv.severity] ?? 'm', cwe, ranges.join(' '), url]);
    }
  }
  if (list.length) {
    advisories[id] = list;
    advisoryCount += list.length;
  }
}

// ---- end of life cycles ----
const eolData = readJson('end-of-life.json');
const eol = {};
for (const [id, src] of Object.entries(SOURCES)) {
  if (!src.eol) continue;
  const product = eolData.products[src.eol];
  if (!product) throw new Error(`endoflife.date product not found: ${src.eol}`);
  // [cycle, releaseDate, eol (date | 1 = yes | 0 = no), latest, latestReleaseDate]
  eol[id] = product.releases.map((r) => [
    String(r.releaseCycle), r.releaseDate ?? '', r.eol === true ? 1 : r.eol === false || r.eol == null ? 0 : String(r.eol), r.latest ?? '', r.latestReleaseDate ?? '',
  ]);
}

// ---- release dates from npm: for each stable version, the day a newer release first existed ----
let releases = {};
let releasesChecked = today;
const rejected = [];
const cacheDir = join(process.env.TMPDIR ?? '/tmp', `vigie-npm-time-${today}`);
if (offline && existsSync(join(outDir, 'releases.ts'))) {
  const text = readFileSync(join(outDir, 'releases.ts'), 'utf8');
  releases = JSON.parse(text.slice(text.indexOf('/*json*/') + 8, text.lastIndexOf('/*end*/')));
  releasesChecked = /checked: '([\d-]+)'/.exec(text)?.[1] ?? today;
} else {
  mkdirSync(cacheDir, { recursive: true });
  for (const [id, src] of Object.entries(SOURCES)) {
    if (!src.npm) continue;
    const cacheFile = join(cacheDir, `${src.npm.replace('/', '__')}.json`);
    const raw = existsSync(cacheFile)
      ? readFileSync(cacheFile, 'utf8')
      : execFileSync('npm', ['view', src.npm, 'time', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    writeFileSync(cacheFile, raw);
    const time = JSON.parse(raw);
    const versions = Object.keys(time).filter((v) => STABLE.test(v)).sort(cmp);
    const days = versions.map((v) => dayOf(time[v]));
    // Plausibility: real release dates mostly grow with the version inside a major. A registry mirror that
    // re-dated every version (seen on some machines) breaks this; its dates are then not used at all.
    let pairs = 0;
    let inversions = 0;
    for (let i = 1; i < versions.length; i++) {
      if (versions[i].split('.')[0] !== versions[i - 1].split('.')[0]) continue;
      pairs++;
      if (days[i] < days[i - 1] - 1) inversions++;
    }
    const plausible = pairs === 0 || inversions / pairs <= 0.1;
    if (!plausible) {
      rejected.push(`${src.npm} (${inversions}/${pairs} out-of-order dates)`);
      releases[id] = { npm: src.npm, latest: versions.at(-1), rows: '' };
      continue;
    }
    // superseded[v] = first day a greater version of the same major existed after v; else of any major.
    const rows = [];
    for (let i = 0; i < versions.length; i++) {
      const v = versions[i];
      const major = v.split('.')[0];
      let sameMajor = Infinity;
      let anyMajor = Infinity;
      for (let j = i + 1; j < versions.length; j++) {
        if (days[j] < days[i]) continue; // an older branch's later patch does not supersede a newer line
        if (versions[j].split('.')[0] === major) sameMajor = Math.min(sameMajor, days[j]);
        anyMajor = Math.min(anyMajor, days[j]);
      }
      const superseded = sameMajor !== Infinity ? sameMajor : anyMajor;
      rows.push(superseded === Infinity ? v : `${v}:${superseded}`);
    }
    releases[id] = { npm: src.npm, latest: versions.at(-1), rows: rows.join(' ') };
    process.stderr.write(`${id}: ${versions.length} releases\n`);
  }
}

// ---- write ----
mkdirSync(outDir, { recursive: true });
const header = (what) => `// GENERATED by scripts/build-kb.mjs on ${today} — do not edit by hand. ${what}\n`;
writeFileSync(join(outDir, 'advisories.ts'), `${header('Vulnerable version ranges, one tuple per advisory.')}
import type { KbSource } from '../types';

export const ADVISORY_SOURCE: KbSource = ${JSON.stringify({ name: retire.source, commit: retire.commit, checked: retire.date })};

/**
 * [ids, severity (c|h|m|l), CWE numbers, ranges, url]. ids: the display id first (CVE, else GHSA, else ours),
 * space-separated. ranges: "from..below!excluded" space-separated, an empty "from" meaning every older version.
 * url: empty when derived from the GHSA or CVE id.
 */
export const ADVISORIES: Record<string, [string, string, string, string, string][]> = ${JSON.stringify(advisories, null, 0).replace(/\],\[/g, '],\n  [').replace(/\],"/g, '],\n "')};
`);
writeFileSync(join(outDir, 'eol.ts'), `${header('Release cycles and end of life.')}
import type { KbSource } from '../types';

export const EOL_SOURCE: KbSource = ${JSON.stringify({ name: eolData.source, commit: eolData.commit, checked: eolData.date })};

/** [cycle, releaseDate, eol (ISO date, 1 = ended, 0 = supported), latest in cycle, latest's release date], newest cycle first. */
export const EOL_CYCLES: Record<string, [string, string, string | number, string, string][]> = ${JSON.stringify(eol).replace(/\]\],"/g, ']],\n "')};
`);
writeFileSync(join(outDir, 'releases.ts'), `${header('Stable npm releases.')}
import type { KbSource } from '../types';

export const RELEASES_SOURCE: KbSource = { name: 'npm registry (npm view <package> time --json)', commit: '', checked: '${releasesChecked}' };

/**
 * Per component: npm package, latest stable version, and space-separated rows "version:day" where day
 * (days since 1970-01-01) is when a newer release (same major first) became available; a row without
 * ":day" is the newest release.
 */
export const RELEASES: Record<string, { npm: string; latest: string; rows: string }> = /*json*/${JSON.stringify(releases).replace(/\},"/g, '},\n "')}/*end*/;
`);
if (dropped.length) process.stderr.write(`empty ranges dropped: ${dropped.join(', ')}\n`);
if (rejected.length) process.stderr.write(`release dates rejected as implausible: ${rejected.join(', ')}\n`);
process.stderr.write(`advisories: ${advisoryCount} for ${Object.keys(advisories).length} components; eol: ${Object.keys(eol).length}; releases: ${Object.keys(releases).length}\n`);
