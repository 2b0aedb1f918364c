/**
 * Builds Vigie's knowledge base, the packaged data files public/kb/{meta,advisories,lifecycle}.json,
 * from local git mirrors of the upstream repositories (the search tool's `fetch`; see
 * scripts/kb/mirror.mjs), and prints what changed since the files in the repository. The files are
 * committed: CI, the extension and the CLI never read a mirror or the network.
 *
 *   npm run kb:update                 # every source, then the change report
 *   node scripts/build-kb.mjs --check # rebuild in memory and fail if the committed files differ
 *
 * Each source is an extractor in scripts/kb/sources/ returning facts in one shape
 * (scripts/kb/types.d.ts); this file merges them, encodes them compactly and writes them.
 * docs/knowledge-base.md describes the sources, the format and the rules the runtime applies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openMirror } from './kb/mirror.mjs';
import { compareVersions } from './kb/versions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const KB_DIR = join(root, 'public', 'kb');
const args = process.argv.slice(2);
const checked = new Date().toISOString().slice(0, 10);

/** The advisory extractors, in the order their records win when two sources state the same advisory. */
const ADVISORY_SOURCES = [
  { module: 'retirejs', repository: 'RetireJS/retire.js' },
  { module: 'apache-httpd', repository: 'apache/httpd-site' },
  { module: 'nginx', repository: 'nginx/nginx.org' },
  { module: 'wordfence', repository: 'topscoder/nuclei-wordfence-cve' },
  { module: 'drupal', repository: 'DrupalSecurityTeam/drupal-advisory-database' },
  { module: 'friendsofphp', repository: 'FriendsOfPHP/security-advisories' },
];

/**
 * Components whose advisories ignore branch backports: a release of an older branch published on
 * or after the fixing release is patched (lib/kb/advisories.ts). WordPress backports security fixes
 * to its old branches without saying so in the advisories' ranges.
 */
const BACKPORTS = ['wordpress'];

/**
 * JavaScript libraries release-data does not date: their versions (not their dates) from the npm
 * registry, so "latest" and "newer than the knowledge base" can be said; "behind" is then not
 * measured. The registry's dates are not used: on these machines a mirror re-dated every version.
 */
const NPM_VERSIONS = {
  'jquery-ui': 'jquery-ui', 'jquery-migrate': 'jquery-migrate', 'jquery-validation': 'jquery-validation', datatables: 'datatables.net',
  lodash: 'lodash', underscore: 'underscore', moment: 'moment', handlebars: 'handlebars', mustache: 'mustache', dompurify: 'dompurify',
  axios: 'axios', chartjs: 'chart.js', knockout: 'knockout', backbone: 'backbone', ember: 'ember-source', dojo: 'dojo', select2: 'select2',
  swiper: 'swiper', gsap: 'gsap', d3: 'd3', 'core-js': 'core-js', svelte: 'svelte', alpinejs: 'alpinejs', tinymce: 'tinymce',
  highcharts: 'highcharts', videojs: 'video.js', pdfjs: 'pdfjs-dist', highlightjs: 'highlight.js', leaflet: 'leaflet', 'react-dom': 'react-dom',
};

const SEVERITY = { critical: 'c', high: 'h', medium: 'm', low: 'l', info: 'i' };

// Versions are ordered by scripts/kb/versions.mjs (re-exported: the tests sort with it).
export { compareVersions };

// ---- encoding ----
export function encodeRange(r) {
  const from = r.from ? `${r.fromExclusive ? '>' : ''}${r.from}` : '';
  const upper = r.below ? r.below : r.atMost ? `=${r.atMost}` : '';
  return `${from}..${upper}${(r.excludes ?? []).map((e) => `!${e}`).join('')}`;
}

/** A range that matches no version (a lower bound at or above the upper one) is a data error. */
export function emptyRange(r) {
  const upper = r.below ?? r.atMost;
  if (!r.from || !upper) return false;
  const c = compareVersions(r.from, upper);
  return r.below ? c >= 0 : r.atMost && (c > 0 || (c === 0 && r.fromExclusive));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The URL the runtime derives from the ids (lib/kb/knowledge.ts advisoryUrl): not stored. */
function derivedUrl(ids, source) {
  const uuid = ids.find((id) => UUID.test(id));
  if (source === 'wordfence' && uuid) return `https://www.wordfence.com/threat-intel/vulnerabilities/id/${uuid.toLowerCase()}`;
  const ghsa = ids.find((id) => id.startsWith('GHSA-'));
  if (ghsa) return `https://github.com/advisories/${ghsa}`;
  const cve = ids.find((id) => id.startsWith('CVE-'));
  return cve ? `https://nvd.nist.gov/vuln/detail/${cve}` : '';
}

/** Merges the extractors' advisories per component; a record whose ids were already seen is dropped. */
export function mergeAdvisories(extracts) {
  const merged = {};
  const dropped = [];
  for (const extract of extracts) {
    for (const [key, list] of Object.entries(extract.advisories)) {
      // Extension slugs are matched without case (a theme folder may be "Avada", its records "avada").
      const component = key.includes(':') ? key.toLowerCase() : key;
      const into = (merged[component] ??= []);
      const seen = new Set(into.flatMap((a) => [a.id, ...a.aliases]));
      for (const advisory of list) {
        const ranges = advisory.ranges.filter((r) => !emptyRange(r));
        if (ranges.length < advisory.ranges.length) dropped.push(`${component} ${advisory.id}: ${advisory.ranges.length - ranges.length} empty range(s)`);
        if (!ranges.length) continue;
        if ([advisory.id, ...advisory.aliases].some((id) => seen.has(id))) continue;
        for (const id of [advisory.id, ...advisory.aliases]) seen.add(id);
        into.push({ ...advisory, ranges });
      }
    }
  }
  for (const list of Object.values(merged)) list.sort((a, b) => a.id.localeCompare(b.id));
  return { merged, dropped };
}

export function encodeAdvisories(merged) {
  const weaknesses = [...new Set(Object.values(merged).flat().map((a) => a.weakness))].sort();
  const sources = [...new Set(Object.values(merged).flat().map((a) => a.source))].sort();
  const components = {};
  for (const component of Object.keys(merged).sort()) {
    if (!merged[component].length) continue;
    components[component] = merged[component].map((a) => {
      // A Wordfence UUID next to a CVE only served to merge duplicates: the CVE names and links the
      // advisory (NVD), and 40,000 random ids would be most of the file's compressed size.
      const aliases = a.source === 'wordfence' && a.id.startsWith('CVE-') ? a.aliases.filter((x) => !UUID.test(x)) : a.aliases;
      const ids = [a.id, ...aliases];
      const url = a.url && a.url !== derivedUrl(ids, a.source) ? a.url : '';
      const flags = (a.platform === 'windows' ? 1 : 0) | (a.severityUnknown ? 2 : 0);
      // [id, aliases, severity, CVSS × 10 (0: none), weakness index, CWEs, ranges, published, url ('' when derivable), source index, flags]
      return [a.id, aliases.join(' '), SEVERITY[a.severity] ?? 'm', a.cvss ? Math.round(a.cvss * 10) : 0, weaknesses.indexOf(a.weakness), a.cwes.join(','),
        a.ranges.map(encodeRange).join(' '), a.published ?? '', url, sources.indexOf(a.source), flags];
    });
  }
  return { format: 2, weaknesses, sources, components };
}

export function encodeLifecycle(cycles, releases) {
  const encodedCycles = {};
  for (const component of Object.keys(cycles).sort()) {
    // [cycle, releaseDate, eol (ISO day | 1 = ended, day unknown | 0 = supported), latest, latestReleaseDate]
    encodedCycles[component] = cycles[component].map((c) => [String(c.cycle), c.releaseDate ?? '', c.eol === true ? 1 : c.eol === false || c.eol == null ? 0 : String(c.eol), c.latest ?? '', c.latestReleaseDate ?? '']);
  }
  const encodedReleases = {};
  for (const component of Object.keys(releases).sort()) {
    const versions = Object.entries(releases[component]).sort(([a], [b]) => compareVersions(a, b));
    // "version@ISO day", or the version alone when only the version is known.
    encodedReleases[component] = versions.map(([v, day]) => (day ? `${v}@${day}` : v)).join(' ');
  }
  return { format: 2, backports: BACKPORTS, cycles: encodedCycles, releases: encodedReleases };
}

function npmVersions(pkg, cacheDir) {
  const cacheFile = join(cacheDir, `${pkg.replace('/', '__')}.json`);
  const raw = existsSync(cacheFile) ? readFileSync(cacheFile, 'utf8') : execFileSync('npm', ['view', pkg, 'versions', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(cacheFile, raw);
  return JSON.parse(raw).filter((v) => /^\d+\.\d+\.\d+$/.test(v));
}

/** Extracts every source and returns the three files' contents plus the notes. */
export async function buildKnowledgeBase({ log = (line) => process.stderr.write(`${line}\n`), only } = {}) {
  const notes = [];
  const extracts = [];
  for (const { module, repository } of ADVISORY_SOURCES.filter((s) => !only || only.includes(s.module))) {
    const started = Date.now();
    const { extract } = await import(`./kb/sources/${module}.mjs`);
    const result = extract(openMirror(repository), { checked });
    const count = Object.values(result.advisories).reduce((n, l) => n + l.length, 0);
    log(`${module}: ${count} advisories for ${Object.keys(result.advisories).length} components (${Date.now() - started} ms)`);
    notes.push(...result.notes.map((n) => `${module}: ${n}`));
    extracts.push(result);
  }
  const { extractCycles } = await import('./kb/sources/endoflife.mjs');
  const cycles = extractCycles(openMirror('endoflife-date/endoflife.date'), { checked });
  notes.push(...cycles.notes.map((n) => `endoflife: ${n}`));
  const { extractReleases } = await import('./kb/sources/release-data.mjs');
  // The highest major each product's cycles know bounds its release list (stray upstream entries).
  const maxMajor = Object.fromEntries(Object.entries(cycles.cycles).map(([component, list]) => [component, Math.max(...list.map((c) => Number(c.cycle.split('.')[0])).filter(Number.isFinite))]));
  const releases = extractReleases(openMirror('endoflife-date/release-data'), { checked, maxMajor });
  notes.push(...releases.notes.map((n) => `release-data: ${n}`));

  const releaseMap = { ...releases.releases };
  const npmSource = { id: 'npm-registry', name: 'npm registry (version lists only)', repository: 'registry.npmjs.org', commit: '', date: checked, checked, licence: 'none' };
  const cacheDir = join(process.env.TMPDIR ?? '/tmp', `vigie-npm-versions-${checked}`);
  mkdirSync(cacheDir, { recursive: true });
  let npmUsed = 0;
  for (const [component, pkg] of Object.entries(NPM_VERSIONS)) {
    if (releaseMap[component]) continue;
    try {
      releaseMap[component] = Object.fromEntries(npmVersions(pkg, cacheDir).map((v) => [v, '']));
      npmUsed++;
    } catch (error) {
      notes.push(`npm: ${pkg}: ${String(error.message).split('\n')[0]}`);
    }
  }

  const { merged, dropped } = mergeAdvisories(extracts);
  notes.push(...dropped);
  const sources = [...extracts.map((e) => e.source), cycles.source, releases.source, ...(npmUsed ? [npmSource] : [])]
    .map(({ id, name, repository, commit, date, licence, terms }) => ({ id, name, repository, commit, date, licence, ...(terms ? { terms } : {}) }));
  const advisories = encodeAdvisories(merged);
  const lifecycle = encodeLifecycle(cycles.cycles, releaseMap);
  const meta = {
    format: 2,
    built: checked,
    // The knowledge base is as old as its oldest source.
    date: sources.map((s) => s.date).sort()[0],
    sources,
    counts: {
      advisories: Object.values(advisories.components).reduce((n, l) => n + l.length, 0),
      components: Object.keys(advisories.components).length,
      products: Object.keys(lifecycle.cycles).length,
      releaseLists: Object.keys(lifecycle.releases).length,
    },
  };
  return { meta, advisories, lifecycle, notes };
}

const stringify = (value) => `${JSON.stringify(value)}\n`;

/** What changed between two knowledge bases: advisories added and removed, products, versions. */
export function describeChanges(before, after) {
  const lines = [];
  const ids = (file) => new Map(Object.entries(file?.components ?? {}).map(([c, rows]) => [c, new Set(rows.map((r) => r[0]))]));
  const a = ids(before.advisories);
  const b = ids(after.advisories);
  let added = 0;
  let removed = 0;
  for (const component of new Set([...a.keys(), ...b.keys()])) {
    const was = a.get(component) ?? new Set();
    const is = b.get(component) ?? new Set();
    const plus = [...is].filter((id) => !was.has(id));
    const minus = [...was].filter((id) => !is.has(id));
    added += plus.length;
    removed += minus.length;
    if ((plus.length || minus.length) && !component.includes(':')) lines.push(`  ${component}: +${plus.length} −${minus.length}${plus.length && plus.length <= 5 ? ` (${plus.join(', ')})` : ''}`);
  }
  lines.unshift(`advisories: +${added} −${removed}`);
  const products = (file) => new Set(Object.keys(file?.cycles ?? {}));
  const newProducts = [...products(after.lifecycle)].filter((p) => !products(before.lifecycle).has(p));
  if (newProducts.length) lines.push(`new products: ${newProducts.join(', ')}`);
  for (const [component, text] of Object.entries(after.lifecycle?.releases ?? {})) {
    const was = new Set((before.lifecycle?.releases?.[component] ?? '').split(' ').map((r) => r.split('@')[0]));
    const fresh = text.split(' ').map((r) => r.split('@')[0]).filter((v) => v && !was.has(v));
    if (fresh.length && was.size > 1) lines.push(`  ${component}: new versions ${fresh.slice(-5).join(', ')}${fresh.length > 5 ? ` (+${fresh.length - 5})` : ''}`);
  }
  return lines;
}

function readCurrent() {
  const read = (name) => (existsSync(join(KB_DIR, name)) ? JSON.parse(readFileSync(join(KB_DIR, name), 'utf8')) : null);
  return { meta: read('meta.json'), advisories: read('advisories.json'), lifecycle: read('lifecycle.json') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const before = readCurrent();
  const built = await buildKnowledgeBase();
  for (const note of built.notes.slice(0, 200)) process.stderr.write(`note: ${note}\n`);
  if (built.notes.length > 200) process.stderr.write(`note: … ${built.notes.length - 200} more\n`);
  if (args.includes('--check')) {
    // The build day and the npm registry's "as of today" date change every day without the facts changing.
    const comparable = (meta) => meta && { ...meta, built: undefined, sources: meta.sources.map((s) => (s.id === 'npm-registry' ? { ...s, date: undefined } : s)) };
    const same = JSON.stringify(comparable(built.meta)) === JSON.stringify(comparable(before.meta))
      && ['advisories', 'lifecycle'].every((k) => JSON.stringify(built[k]) === JSON.stringify(before[k]));
    if (!same) {
      process.stderr.write('The committed knowledge base differs from the mirrors: run npm run kb:update.\n');
      process.exit(1);
    }
  } else {
    mkdirSync(KB_DIR, { recursive: true });
    writeFileSync(join(KB_DIR, 'meta.json'), `${JSON.stringify(built.meta, null, 2)}\n`);
    writeFileSync(join(KB_DIR, 'advisories.json'), stringify(built.advisories));
    writeFileSync(join(KB_DIR, 'lifecycle.json'), stringify(built.lifecycle));
    for (const line of describeChanges(before, built)) process.stdout.write(`${line}\n`);
    process.stdout.write(`knowledge base of ${built.meta.date}: ${built.meta.counts.advisories} advisories for ${built.meta.counts.components} components, ${built.meta.counts.products} products with cycles, ${built.meta.counts.releaseLists} release lists\n`);
  }
}
