/**
 * WordPress core, plugin and theme advisories from Wordfence Intelligence, as the nuclei templates of
 * topscoder/nuclei-wordfence-cve state them (one YAML file per vulnerability and affected software,
 * generated from Wordfence's production and scanner feeds; see the repository's
 * src/lib/wordfence_api_parser.py and src/base_templates/).
 *
 * Read per template, with a few anchored patterns rather than a YAML parser (80,000 files):
 *   - the Wordfence id: the UUID of the reference https://www.wordfence.com/threat-intel/vulnerabilities/id/<uuid>
 *     (else the UUID that ends the template id);
 *   - `classification.cve-id` and `classification.cvss-score` (often empty: the scanner feed has neither);
 *   - the software: `tags` says wp-core / wp-plugin / wp-theme; the slug is the one of
 *     `metadata.fofa-query` ("wp-content/plugins/<slug>/"), else of the `words` matcher. Never the
 *     file name, which writes every run of "-" or "_" as "_";
 *   - the affected range: the quoted comparisons of the DSL matcher, compare_versions(version, '<= 1.2.3')
 *     or compare_versions(version, '>= 1.0', '< 1.2'); a bare version ('1.2.3') is that version only,
 *     '<= *' every version;
 *   - `info.severity`, used only without a CVSS score (the repository recomputes that word from the
 *     title: "authenticated" becomes low), and `info.name`, never kept: read to classify the weakness
 *     and, for WordPress core only, for the version bound it states (coreRange: the generator keeps
 *     one branch of a core record's ranges).
 * The templates state no CWE and no publication day. Plugins' records with several ranges are also
 * cut to their last range by the generator; nothing here can restore them.
 *
 * The same vulnerability of the same software is often in two files (the CVE's year folder, from the
 * production feed, and cve-less/, from the scanner feed): they are merged by Wordfence UUID and
 * component, the production record's facts first. One vulnerability may affect many components
 * (Freemius SDK: 1,240 plugins): it is then one advisory in each.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { severityOfCvss, weaknessOf } from '../weakness.mjs';

/**
 * The credit line for the NOTICE. The mirror states no credit line of its own; Wordfence's feed
 * documentation puts the data under the Wordfence Intelligence Terms and Conditions, which ask that
 * Defiant, Inc.'s copyright designation be reproduced with copies of the data.
 */
export const WORDFENCE_ATTRIBUTION =
  'Vulnerability data from Wordfence Intelligence, copyright Defiant, Inc., used under the Wordfence Intelligence Terms and Conditions (https://www.wordfence.com/wordfence-intelligence-terms-and-conditions/).';

const TERMS =
  'Facts derived from Wordfence Intelligence vulnerability data (copyright Defiant, Inc.), which Wordfence makes available under the Wordfence Intelligence Terms and Conditions (https://www.wordfence.com/wordfence-intelligence-terms-and-conditions/); the repository (MIT) states no terms of its own for that data.';

const ROOT = 'nuclei-templates/';
const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const REF_UUID = /wordfence\.com\/threat-intel\/vulnerabilities\/id\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** A version the packaged format can carry: no space, "!", "..", "=" or ">" (encodeRange). */
const VERSION = /^\d[0-9A-Za-z.+_~-]*$/;
const KINDS = { 'wp-core': 'core', 'wp-plugin': 'plugin', 'wp-theme': 'theme' };
const SEVERITIES = new Set(['critical', 'high', 'medium', 'low', 'info']);
/** Above this many skipped templates, notes count them by reason with a few examples. */
const NOTE_EACH_UP_TO = 100;

/**
 * Path → text of every template. A real mirror is read by blob id: `cat-file --batch` given
 * "HEAD:<path>" resolves each path through its folder's tree again, which over folders of 38,000
 * files takes minutes; by blob id it takes seconds. A fixture repository goes through readAll.
 */
function readTemplates(repo) {
  if (repo.dir && existsSync(repo.dir)) {
    const git = (args, input) => execFileSync('git', ['--git-dir', repo.dir, ...args], { input, maxBuffer: 1024 * 1024 * 1024 });
    const entries = git(['ls-tree', '-r', 'HEAD', '--', ROOT]).toString('utf8').split('\n')
      .map((line) => /^\d+ blob ([0-9a-f]+)\t(.*\.yaml)$/.exec(line))
      .filter(Boolean)
      .map((m) => ({ sha: m[1], path: m[2] }));
    const out = new Map();
    if (!entries.length) return out;
    const buffer = git(['cat-file', '--batch'], entries.map((e) => e.sha).join('\n') + '\n');
    let at = 0;
    for (const { path } of entries) {
      const eol = buffer.indexOf(10, at);
      const header = buffer.subarray(at, eol).toString();
      at = eol + 1;
      if (header.endsWith(' missing')) continue;
      const size = Number(header.split(' ')[2]);
      out.set(path, buffer.subarray(at, at + size).toString('utf8'));
      at += size + 1;
    }
    return out;
  }
  const paths = repo.list(ROOT).filter((p) => p.endsWith('.yaml'));
  return repo.readAll(paths);
}

/** "v1.2", ".51", "5.8 beta 1", "44.0 (17-08-2023)" → "1.2", "0.51", "5.8-beta1", "44.0"; null when not a version. */
export function cleanVersion(text) {
  let v = text.trim().replace(/^[vV]\.?(?=\d)/, '').replace(/^\.(?=\d)/, '0.');
  v = v.replace(/\s+(alpha|beta|rc)\s*(\d*)/i, (_, tag, n) => `-${tag.toLowerCase()}${n}`);
  v = v.split(/[\s(]/)[0].replace(/\.+$/, ''); // "4.1.1." is 4.1.1
  return VERSION.test(v) && !v.includes('..') ? v : null;
}

/**
 * The range of a compare_versions argument list ("'>= 1.0', '<= 1.2'"), or { reason } saying why not.
 * @returns {{ range: import('../types').KbRange } | { reason: string }}
 */
export function parseComparison(args) {
  const parts = [...args.matchAll(/'([^']*)'/g)].map((m) => m[1].trim());
  if (!parts.length) return { reason: 'no quoted comparison' };
  /** @type {import('../types').KbRange} */
  const range = {};
  for (const part of parts) {
    const m = /^(<=|<|>=|>|==|=)?\s*(.*)$/.exec(part);
    const op = m[1] ?? '';
    if (m[2] === '*') {
      if (op === '<=' || op === '<' || op === '>=' || op === '>' || op === '') continue; // unbounded on that side
    }
    const version = cleanVersion(m[2]);
    if (!version) return { reason: `unparseable version '${part}'` };
    if (op === '<' || op === '<=') {
      if (range.below || range.atMost) return { reason: 'two upper bounds' };
      range[op === '<' ? 'below' : 'atMost'] = version;
    } else if (op === '>' || op === '>=') {
      if (range.from) return { reason: 'two lower bounds' };
      range.from = version;
      if (op === '>') range.fromExclusive = true;
    } else {
      if (range.from || range.below || range.atMost) return { reason: 'exact version with other bounds' };
      range.from = version;
      range.atMost = version;
    }
  }
  // Key order fixed: from, fromExclusive, below, atMost.
  return { range: Object.fromEntries(['from', 'fromExclusive', 'below', 'atMost'].filter((k) => range[k] !== undefined).map((k) => [k, range[k]])) };
}

/**
 * The facts of one template, or { skip: reason, detail? }.
 * @param {string} text
 */
export function parseTemplate(text) {
  // The description (prose, 4-space indented, any words) is cut out before anything is matched.
  let head = text;
  const d = text.indexOf('\n  description:');
  if (d >= 0) {
    const next = /\n {2}[A-Za-z][\w-]*:/g;
    next.lastIndex = d + 1;
    const end = next.exec(text);
    head = text.slice(0, d) + (end ? text.slice(end.index) : '');
  }
  const field = (re) => re.exec(head)?.[1]?.trim() ?? '';

  const templateId = field(/^id:[ \t]*(.*)$/m);
  const uuid = (REF_UUID.exec(head)?.[1] ?? (UUID_RE.exec(templateId)?.[0] ?? '')).toLowerCase();
  if (!uuid) return { skip: 'no Wordfence id' };

  // tags: cve,wordpress,<wp-core|wp-plugin|wp-theme>,[<slug>,]<severity>,<feed>
  const tags = field(/^ {2}tags:[ \t]*(.*)$/m).split(',').map((t) => t.trim());
  const category = KINDS[tags[2]] ? tags[2] : tags.find((t) => KINDS[t]);
  const kind = KINDS[category];
  if (!kind) return { skip: 'not tagged wp-core, wp-plugin or wp-theme', uuid };

  let component = 'wordpress';
  if (kind === 'core') {
    // Core templates name the software only in their id, "[CVE-…-]<software>-<uuid>": "wordpress", or "wpmu" (WordPress MU, another product).
    const software = templateId.replace(/^CVE-\d+-\d+-/i, '').replace(UUID_RE, '').replace(/-$/, '');
    if (software !== 'wordpress') return { skip: 'core software other than WordPress', detail: `'${software}'`, uuid };
  } else {
    const fofa = /^ {4}fofa-query:[ \t]*"wp-content\/(plugins|themes)\/(.*)\/"[ \t]*$/m.exec(head);
    let slug = '';
    if (fofa) {
      if (fofa[1] !== `${kind}s`) return { skip: `tagged wp-${kind} but the query names ${fofa[1]}`, uuid };
      slug = fofa[2];
    } else {
      slug = /^ {6}- type: word\n {8}words:\n {10}- "(.*)"$/m.exec(head)?.[1] ?? '';
    }
    if (!slug) return { skip: 'no slug', uuid };
    if (!SLUG.test(slug)) return { skip: 'invalid slug', detail: `'${slug}'`, uuid };
    if (/^UNKNOWN-/.test(slug)) return { skip: 'placeholder slug (UNKNOWN-…): the software is not known', uuid };
    component = `wp-${kind}:${slug}`;
  }

  const comparisons = [...new Set([...head.matchAll(/^\s*- compare_versions\([A-Za-z_]\w*,\s*(.*)\)[ \t]*$/gm)].map((m) => m[1].trim()))];
  if (!comparisons.length) return { skip: 'no version comparison', uuid };
  if (comparisons.length > 1) return { skip: 'differing version comparisons', uuid };
  const parsed = parseComparison(comparisons[0]);
  if ('reason' in parsed) return { skip: 'unparseable range', detail: parsed.reason, uuid };
  let { range } = parsed;

  const cveText = field(/^ {4}cve-id:[ \t]*(.*)$/m).toUpperCase();
  const cve = /^CVE-\d{4}-\d{4,}$/.test(cveText) ? cveText : '';
  const score = Number(field(/^ {4}cvss-score:[ \t]*(.*)$/m) || NaN);
  const cvss = score > 0 && score <= 10 ? Math.round(score * 10) / 10 : undefined;
  const word = field(/^ {2}severity:[ \t]*(.*)$/m).toLowerCase();
  const severity = SEVERITIES.has(word) ? word : '';
  if (!cvss && !severity) return { skip: 'no CVSS score nor severity', uuid };

  // info.name, folded (">") or inline: only to classify.
  const folded = /^ {2}name:[ \t]*>-?[ \t]*\n((?: {4}.*(?:\n|$))+)/m.exec(head);
  const title = folded ? folded[1].split('\n').map((l) => l.trim()).filter(Boolean).join(' ') : field(/^ {2}name:[ \t]*(.*)$/m);
  const production = /[?&]source=api-prod\b/.test(head) || tags.includes('production');

  const widened = kind === 'core' ? coreRange(range, title) : null;
  if (widened) range = widened;
  return { uuid, component, range, cve, cvss, severity, title, production, widened: !!widened };
}

const numeric = (v) => (/^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : null);
/** Compares dotted numeric versions; null when either is not one. */
function compareNumeric(a, b) {
  const x = numeric(a);
  const y = numeric(b);
  if (!x || !y) return null;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * WordPress core's range, when the template's is one branch of it. Wordfence states a core
 * vulnerability as one range per maintained branch (3.7–3.7.38, …, 6.0–6.0.2), and its title as the
 * whole ("WordPress Core < 6.0.3"); the generator keeps only the last range of the record
 * (src/lib/wordfence_api_parser.py, the loop over affected_versions), so a template says
 * ">= 6.0, <= 6.0.2" where every version below 6.0.3 is meant. When the title states that upper
 * bound, and it is at or above the template's, the range is "below (or at most) the title's
 * version": the build's backport rule for 'wordpress' (a release of an older branch published on or
 * after the fix is patched) then stands for the per-branch ranges. Only the version number is read
 * from the title; nothing of it is kept.
 * @returns {import('../types').KbRange | null} null when the template's range stands
 */
export function coreRange(range, title) {
  if (!range.from) return null;
  const m = /^WordPress(?: Core)?(?: & WordPress MU)? (<=?) (\d+(?:\.\d+)*)(?=\s|$)/.exec(title);
  if (!m) return null;
  const upper = range.below ?? range.atMost;
  const c = upper === undefined ? null : compareNumeric(m[2], upper);
  if (c === null || c < 0) return null;
  // "< 6.0.3" over "<= 6.0.2" is the same bound: nothing to widen but the lower bound.
  return m[1] === '<' ? { below: m[2] } : { atMost: m[2] };
}

const rangeKey = (r) => `${r.fromExclusive ? '>' : ''}${r.from ?? ''}..${r.atMost ? `=${r.atMost}` : r.below ?? ''}`;

/**
 * @param {{ commit: string, date: string, repository?: string, dir?: string, list(prefix?: string): string[], readAll(paths: string[]): Map<string, string> }} repo
 * @param {{ checked: string }} options
 * @returns {import('../types').KbExtract}
 */
export function extract(repo, { checked }) {
  const texts = readTemplates(repo);
  const paths = [...texts.keys()].sort();

  /** component \0 uuid → parsed templates with their paths */
  const groups = new Map();
  /** reason → paths */
  const skipped = new Map();
  for (const path of paths) {
    const facts = parseTemplate(texts.get(path));
    if (facts.skip) {
      if (!skipped.has(facts.skip)) skipped.set(facts.skip, []);
      skipped.get(facts.skip).push({ path, detail: facts.detail });
      continue;
    }
    const key = `${facts.component}\u0000${facts.uuid}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push({ ...facts, path });
  }

  const notes = [];
  /** @type {Record<string, import('../types').KbAdvisory[]>} */
  const byComponent = {};
  let merged = 0;
  let widened = 0;
  const conflicts = [];
  for (const records of groups.values()) {
    // Production records first (they carry the CVE and CVSS), then by path: deterministic.
    records.sort((a, b) => Number(b.production) - Number(a.production) || Number(!!b.cve) - Number(!!a.cve) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    merged += records.length - 1;
    const first = records[0];
    if (records.some((r) => r.widened)) widened++;
    const cves = [...new Set(records.map((r) => r.cve).filter(Boolean))];
    if (cves.length > 1) conflicts.push(`${first.component} ${first.uuid}: CVEs ${cves.join(', ')} (kept ${cves[0]})`);
    const cve = cves[0] ?? '';
    const cvss = records.find((r) => r.cvss)?.cvss;
    const severity = cvss ? severityOfCvss(cvss) : records.find((r) => r.severity)?.severity;
    const ranges = [];
    const seenRanges = new Set();
    for (const r of records) {
      const k = rangeKey(r.range);
      if (seenRanges.has(k)) continue;
      seenRanges.add(k);
      ranges.push(r.range);
    }
    /** @type {import('../types').KbAdvisory} */
    const advisory = {
      id: cve || first.uuid,
      aliases: cve ? [first.uuid] : [],
      severity,
      ...(cvss ? { cvss } : {}),
      weakness: weaknessOf({ cwes: [], text: records.find((r) => r.title)?.title ?? '' }),
      cwes: [],
      ranges,
      // The record's page, https://www.wordfence.com/threat-intel/vulnerabilities/id/<uuid>, is derived from the alias by the build.
      url: '',
      source: 'wordfence',
    };
    (byComponent[first.component] ??= []).push(advisory);
  }

  const advisories = {};
  for (const component of Object.keys(byComponent).sort()) {
    advisories[component] = byComponent[component].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  const total = [...skipped.values()].reduce((n, list) => n + list.length, 0);
  notes.push(`${paths.length} templates read, ${merged} duplicates merged (same Wordfence id and component), ${total} skipped.`);
  if (widened) notes.push(`${widened} WordPress core advisories: the template's one-branch range widened to the bound its title states (see coreRange).`);
  const reasons = [...skipped.keys()].sort();
  const one = ({ path, detail }) => (detail ? `${path} (${detail})` : path);
  if (total <= NOTE_EACH_UP_TO) {
    for (const reason of reasons) for (const item of skipped.get(reason)) notes.push(`${item.path}: skipped, ${reason}${item.detail ? ` (${item.detail})` : ''}`);
  } else {
    for (const reason of reasons) {
      const list = skipped.get(reason);
      notes.push(`${list.length} template(s) skipped, ${reason}: e.g. ${list.slice(0, 3).map(one).join(', ')}`);
    }
  }
  const licence = repo.readAll(['LICENSE']).get('LICENSE');
  if (licence !== undefined && !/^\s*MIT License/.test(licence)) notes.push('LICENSE is no longer the MIT licence: check the licence recorded for this source.');
  for (const line of conflicts.sort().slice(0, NOTE_EACH_UP_TO)) notes.push(`conflicting ids, ${line}`);
  if (conflicts.length > NOTE_EACH_UP_TO) notes.push(`… and ${conflicts.length - NOTE_EACH_UP_TO} more conflicting ids`);

  return {
    source: {
      id: 'wordfence',
      name: 'Wordfence Intelligence vulnerability data (via topscoder/nuclei-wordfence-cve)',
      repository: 'topscoder/nuclei-wordfence-cve',
      commit: repo.commit,
      date: repo.date,
      checked,
      licence: 'MIT',
      terms: TERMS,
    },
    advisories,
    notes,
  };
}
