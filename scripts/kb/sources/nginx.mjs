/**
 * nginx advisories from the nginx.org site's own list (nginx/nginx.org,
 * `xml/en/security_advisories.xml`, the source of https://nginx.org/en/security_advisories.html).
 * Facts only: ids, nginx's severity word, affected versions, the Windows-only flag. The item's
 * name is read to pick a weakness class, never kept.
 *
 * Each <item> states
 *   cve="2022-41741" (or core="CORE-2010-0121", cert="120541" for CERT VU#120541);
 *   severity="major" | "medium" | "low" | "minor" | "none";
 *   vulnerable="1.1.3-1.23.1, 1.0.7-1.0.15": inclusive intervals or single versions, "all" for
 *     every version, prefixed "nginx/Windows " when only the Windows build is affected;
 *   good (shown as "Not vulnerable") = "1.23.2+, 1.22.1+" or "none".
 *
 * "X.Y.Z+" means from X.Y.Z on within its branch. nginx numbers its branches by the minor number:
 * odd minors are mainline (1.23.x), even minors are stable (1.22.x, forked from the mainline when
 * it is declared stable and then only patched). A fix lands in the mainline and is backported to
 * the stable branch, so in "1.23.2+, 1.22.1+" the highest entry, the mainline's, covers every
 * later version (1.23.2, 1.24.0, 1.25.x, …), and each lower entry covers only the rest of its own
 * branch: 1.22.1+ is 1.22.1 up to, not including, 1.23.0. The old 0.x lines ("0.8.15+, 0.7.62+,
 * 0.6.39+, 0.5.38+") are read the same way, branch by branch. The affected ranges are the
 * vulnerable intervals minus these good intervals: "1.1.3-1.23.1" minus the above is 1.1.3 below
 * 1.22.1 and 1.23.0 below 1.23.2. An interval's inclusive end is written `below` the good version
 * that directly follows it in its branch (1.23.1 → below 1.23.2), otherwise `atMost` (1.0.15, the
 * last 1.0 release, has no good 1.0 version after it).
 *
 * Items nginx rates severity "none" (CVE-2009-4487, "vulnerable all, not vulnerable none": escape
 * sequences written to the error log, which nginx does not treat as its vulnerability) are skipped
 * with a note: every version would be affected with no fix to move to.
 *
 * The repository's root LICENSE is a link to text/LICENSE, nginx's 2-clause BSD licence
 * (© Igor Sysoev, © Nginx, Inc.): BSD-2-Clause.
 */
import { weaknessOf } from '../weakness.mjs';
import { compareVersions } from '../versions.mjs';

export const SOURCE_ID = 'nginx';
export const COMPONENT = 'nginx';
const REPOSITORY = 'nginx/nginx.org';
const FILE = 'xml/en/security_advisories.xml';
const PAGE = 'https://nginx.org/en/security_advisories.html';

const SEVERITY = { critical: 'critical', major: 'high', high: 'high', medium: 'medium', minor: 'low', low: 'low' };

/** nginx's item names the shared classifier leaves at 'other', by their technical words. */
const LOCAL_WEAKNESS = [
  ['memory-corruption', /over-?read|overwrite|underflow|pointer dereference/i],
  ['dos', /excessive (cpu|memory) usage|insufficient limits/i],
];

// ---- versions ----
const isVersion = (v) => /^\d+\.\d+\.\d+$/.test(v);
const nums = (v) => v.split('.').map(Number);
/** The first version of the next branch: 1.22.1 → 1.23.0. */
const nextBranch = (v) => `${nums(v)[0]}.${nums(v)[1] + 1}.0`;
/** The next patch release of the same branch: 1.23.1 → 1.23.2. */
const nextPatch = (v) => `${nums(v)[0]}.${nums(v)[1]}.${nums(v)[2] + 1}`;

// ---- reading the XML ----
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()]);

/** The attributes of every <item> of the <security> list, in file order. */
export function readItems(xml) {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const items = [];
  for (const m of text.matchAll(/<item\b([^>]*?)\/?>/g)) {
    const attrs = {};
    for (const a of m[1].matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attrs[a[1]] = unescape(a[3] ?? a[4]).trim();
    items.push(attrs);
  }
  return items;
}

// ---- intervals ----
/**
 * An interval of versions: `lo` inclusive (undefined: unbounded), `hi` inclusive when `hiIn`,
 * exclusive otherwise (undefined: unbounded).
 * @typedef {{ lo?: string, hi?: string, hiIn?: boolean }} Interval
 */

/** "1.1.3-1.23.1" → [1.1.3, 1.23.1]; "1.25.3" → [1.25.3, 1.25.3]; "all" → everything. Null when unreadable. */
function parseVulnerable(text) {
  if (/^all$/i.test(text)) return [{}];
  const out = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d+\.\d+\.\d+)(?:\s*-\s*(\d+\.\d+\.\d+))?$/.exec(part);
    if (!m || (m[2] && compareVersions(m[1], m[2]) > 0)) return null;
    out.push({ lo: m[1], hi: m[2] ?? m[1], hiIn: true });
  }
  return out.length ? out : null;
}

/** "1.23.2+, 1.22.1+" → [1.23.2, ∞), [1.22.1, 1.23.0); "none" → []. Null when unreadable. */
function parseGood(text) {
  if (!text || /^none$/i.test(text)) return [];
  const starts = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d+\.\d+\.\d+)\+$/.exec(part);
    if (!m) return null;
    starts.push(m[1]);
  }
  starts.sort(compareVersions);
  const highest = starts.at(-1);
  return starts.map((g) => (g === highest ? { lo: g } : { lo: g, hi: nextBranch(g), hiIn: false }));
}

/** a < b for interval ends: a lower bound `lo` against an upper bound. */
const loBeforeHi = (lo, hi, hiIn) => hi === undefined || lo === undefined || (hiIn ? compareVersions(lo, hi) <= 0 : compareVersions(lo, hi) < 0);

/** `v` minus `g`: zero, one or two intervals. */
function subtract(v, g) {
  // No overlap: g ends before v starts, or g starts after v ends.
  if (g.hi !== undefined && v.lo !== undefined && !loBeforeHi(v.lo, g.hi, g.hiIn)) return [v];
  if (g.lo !== undefined && v.hi !== undefined && !loBeforeHi(g.lo, v.hi, v.hiIn)) return [v];
  const out = [];
  // The part of v before g (g.lo is inclusive, so it ends exclusive at g.lo).
  if (g.lo !== undefined && (v.lo === undefined || compareVersions(v.lo, g.lo) < 0)) out.push({ lo: v.lo, hi: g.lo, hiIn: false });
  // The part of v after g (g.hi is exclusive, so it starts inclusive at g.hi).
  if (g.hi !== undefined && loBeforeHi(g.hi, v.hi, v.hiIn)) out.push({ lo: g.hi, hi: v.hi, hiIn: v.hiIn });
  return out;
}

/** Affected = vulnerable − good, as KbRanges (an inclusive end directly followed by a good version becomes `below` it). */
export function affectedRanges(vulnerable, good) {
  let parts = vulnerable;
  for (const g of good) parts = parts.flatMap((v) => subtract(v, g));
  const goodStarts = new Set(good.map((g) => g.lo));
  return parts
    .map((p) => {
      const range = p.lo !== undefined ? { from: p.lo } : {};
      if (p.hi === undefined) return range;
      if (!p.hiIn) return { ...range, below: p.hi };
      return goodStarts.has(nextPatch(p.hi)) ? { ...range, below: nextPatch(p.hi) } : { ...range, atMost: p.hi };
    })
    .sort((a, b) => (a.from === undefined ? -1 : b.from === undefined ? 1 : compareVersions(a.from, b.from)));
}

/**
 * @param {{ repository?: string, commit: string, date: string, read(path: string): string }} repo
 * @param {{ checked: string }} options
 * @returns {import('../types').KbExtract}
 */
export function extract(repo, { checked }) {
  const notes = [];
  const advisories = [];
  const seen = new Set();
  for (const item of readItems(repo.read(FILE))) {
    const cve = item.cve ? `CVE-${item.cve.replace(/^CVE-/i, '')}` : undefined;
    const core = item.core || undefined;
    const cert = item.cert ? `VU#${item.cert.replace(/^VU#/i, '')}` : undefined;
    const id = cve ?? core ?? cert;
    const label = id ?? `item "${item.vulnerable ?? '?'}"`;
    if (!id) {
      notes.push(`${label}: no CVE, CORE or CERT id: skipped`);
      continue;
    }
    if (cve && !/^CVE-\d{4}-\d{4,}$/.test(cve)) {
      notes.push(`${label}: not a CVE id: skipped`);
      continue;
    }
    const word = String(item.severity ?? '').toLowerCase();
    if (word === 'none') {
      notes.push(`${id}: severity "none" (nginx does not rate it a vulnerability), vulnerable "${item.vulnerable}", no fixed version: skipped`);
      continue;
    }
    let vulnerableText = String(item.vulnerable ?? '');
    const windowsPrefix = /^nginx\/windows\s+/i.test(vulnerableText);
    vulnerableText = vulnerableText.replace(/^nginx\/windows\s+/i, '');
    const vulnerable = parseVulnerable(vulnerableText);
    const good = parseGood(String(item.good ?? ''));
    if (!vulnerable || !good) {
      notes.push(`${id}: ${!vulnerable ? `vulnerable "${item.vulnerable}"` : `not vulnerable "${item.good}"`} unreadable: skipped`);
      continue;
    }
    const ranges = affectedRanges(vulnerable, good);
    if (!ranges.length) {
      notes.push(`${id}: every vulnerable version is also listed as not vulnerable: skipped`);
      continue;
    }
    if ([id, cve, core, cert].some((x) => x && seen.has(x))) {
      notes.push(`${id}: stated twice: the first item kept`);
      continue;
    }
    for (const x of [cve, core, cert]) if (x) seen.add(x);
    const known = Object.prototype.hasOwnProperty.call(SEVERITY, word);
    const name = String(item.name ?? '');
    let weakness = weaknessOf({ text: name });
    if (weakness === 'other') weakness = LOCAL_WEAKNESS.find(([, re]) => re.test(name))?.[0] ?? 'other';
    advisories.push({
      id,
      aliases: [cve, core, cert].filter((x) => x && x !== id).sort(),
      severity: known ? SEVERITY[word] : 'medium',
      weakness,
      cwes: [],
      ranges,
      url: item.advisory || item.href || (cve ? '' : PAGE),
      source: SOURCE_ID,
      ...(windowsPrefix || /\bwindows\b/i.test(name) ? { platform: 'windows' } : {}),
      ...(known ? {} : { severityUnknown: true }),
    });
  }
  advisories.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return {
    source: {
      id: SOURCE_ID,
      name: 'nginx security advisories',
      repository: repo.repository ?? REPOSITORY,
      commit: repo.commit,
      date: repo.date,
      checked,
      licence: 'BSD-2-Clause',
    },
    advisories: advisories.length ? { [COMPONENT]: advisories } : {},
    notes: notes.sort(),
  };
}
