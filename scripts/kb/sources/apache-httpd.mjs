/**
 * Apache HTTP Server advisories from the httpd web site's own records (apache/httpd-site,
 * `content/security/json/*.json`, the files the site's vulnerabilities_*.html pages are generated
 * from by content/security/cvejsontohtml.py). Facts only: ids, Apache's impact word, CWEs,
 * affected versions, the publication day. Titles are read to pick a weakness class, never kept.
 *
 * The records come in two schemas.
 *
 * CVE JSON 4.0 (most records, up to 2022): affects.vendor.vendor_data[].product.product_data[]
 * .version.version_data[] = { version_value, version_affected }, the operator meaning:
 *   "="   this exact version is affected (the usual form: every affected release is listed);
 *   "?="  possibly affected, nobody checked (cvejsontohtml.py prints "2.0.35?"): NOT counted, a
 *         finding from a guess is not one; the records concerned are named in one note;
 *   "<=", "<"   affected up to and including / below the version;
 *   ">=", ">"   affected from / above the version;
 *   "!<"  not affected below the version, i.e. affected from it (CVE-2021-33193: "<= 2.4.48" and
 *         "!< 2.4.17" = 2.4.17 through 2.4.48); "!<=" from above it; "!>" up to it; "!>=" below it;
 *   "!"   this exact version is not affected.
 * The data holds "=", "?=", "<=", ">=" and "!<"; the others are read the same way should they come.
 *
 * CVE 5 (from 2022): containers.cna.affected[].versions[] = { version, lessThan | lessThanOrEqual,
 * status, changes }: version "0" means no lower bound, a version with neither bound is that version
 * alone, `changes` switch the status from a version on. Only status "affected" counts; the
 * defaultStatus ("unaffected", "unknown") adds nothing.
 *
 * The fixed release of each branch is in the record's timeline ("2.4.39 released", "released in
 * 2.4.54"; "2.2.35-never released" and "1.3-never released" say no fix will come). An upper bound
 * becomes `below` = that fix when no version Apache's records know lies between the last affected
 * one and the fix; otherwise the bound stays `atMost`.
 *
 * Enumerated ("=") versions become ranges, exactly: the versions of a branch are ordered as the
 * whole data set knows them (every version any record lists, plus every released fix), and a run
 * of listed versions becomes one range. A version the records know but this one does not list
 * inside a run (mostly tags that were never released, 2.4.5, 2.4.30, 2.4.32, 2.4.40, …) is an
 * `excludes` entry when the hole is small (at most MAX_HOLE versions), else the run is split; no
 * unlisted known version is ever made affected. Versions nobody lists (2.4.8, 2.4.31: never tagged)
 * fall inside ranges: nobody runs them.
 *
 * Every record is for "Apache HTTP Server" (the modules Apache packages separately, such as
 * mod_http2's own releases, have no records here); a record for another product is skipped with a
 * note. Apache rates impact in words (content/security/impact_levels.md): critical, important →
 * high, moderate → medium, low; anything else ("n/a") gives severityUnknown. No CVSS is stated.
 *
 * The site's pages carry `license: https://www.apache.org/licenses/LICENSE-2.0` in their front
 * matter and the repository has no licence file of its own: it is the ASF's, Apache-2.0.
 */
import { weaknessOf } from '../weakness.mjs';
import { compareVersions } from '../versions.mjs';

export const SOURCE_ID = 'apache-httpd';
export const COMPONENT = 'apache';
const REPOSITORY = 'apache/httpd-site';
const FOLDER = 'content/security/json/';
const PRODUCT = /^apache http server$/i;
/** The largest hole of known-but-unlisted versions kept inside one range as `excludes`. */
const MAX_HOLE = 3;

const SEVERITY = { critical: 'critical', important: 'high', high: 'high', moderate: 'medium', medium: 'medium', low: 'low' };
/** The branches the site has a vulnerabilities page for, newest first (content/security/vulnerabilities_*.sh). */
const PAGES = ['2.4', '2.2', '2.0', '1.3'];

// ---- versions ----
/** "2.4.29" → { nums: [2, 4, 29], pre: '' }; "2.3.4-alpha" → pre "alpha". */
const isVersion = (v) => typeof v === 'string' && /^\d+(\.\d+)+(-[0-9A-Za-z.]+)?$/.test(v.trim());
/** "2.4" → "2.4.0" (a branch as lower bound); full versions unchanged. */
const full = (v) => (/^\d+\.\d+$/.test(v) ? `${v}.0` : v);
/** The branch of a version: its first two numbers. */
const branchOf = (v) => (/^(\d+)(?:\.(\d+))?/.exec(String(v).trim()) ?? []).slice(1).filter((n) => n !== undefined).join('.');
const byVersion = (a, b) => compareVersions(a, b);
const iso = (t) => (typeof t === 'string' && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : undefined);

// ---- reading one record ----
/** The record's timeline entries, either schema. */
const timelineOf = (r) => (Array.isArray(r.v5 ? r.json.containers?.cna?.timeline : r.json.timeline) ? (r.v5 ? r.json.containers.cna.timeline : r.json.timeline) : []);

/** Released fixes named by the timeline ("2.4.39 released", "released in 2.4.54", "2.4.49 release"), never "…-never released". */
function fixesOf(timeline) {
  const fixes = [];
  for (const t of timeline) {
    const value = String(t?.value ?? '').trim();
    if (/never/i.test(value)) continue;
    const m = /^(?:released in )?(\d+\.\d+\.\d+)(?: released?)?$/i.exec(value);
    if (m) fixes.push({ version: m[1], date: iso(t.time) });
  }
  return fixes;
}

function severityOf(word) {
  const key = String(word ?? '').trim().toLowerCase();
  return SEVERITY[key] ? { severity: SEVERITY[key] } : { severity: 'medium', severityUnknown: true };
}

/** CWE numbers ("CWE-22 Improper …" or a cweId) and the other problem-type words (for the classifier only). */
function problemsOf(entries) {
  const cwes = [];
  const words = [];
  for (const entry of entries) {
    const text = String(entry?.cweId ?? '') + ' ' + String(entry?.value ?? entry?.description ?? '');
    const m = /CWE-(\d+)/i.exec(text);
    if (m) cwes.push(m[1]);
    else words.push(text.trim());
  }
  return { cwes: [...new Set(cwes)], text: words.join(' ') };
}

/** Reads one parsed record into the fields every schema shares; a string when it is skipped. */
function readRecord(path, json) {
  const dataVersion = String(json.dataVersion ?? json.data_version ?? '4.0');
  if (dataVersion.startsWith('5')) {
    const cna = json.containers?.cna;
    const id = json.cveMetadata?.cveId;
    if (!cna || typeof id !== 'string') return `${path}: CVE 5 record without cveMetadata.cveId or containers.cna: skipped`;
    const affected = Array.isArray(cna.affected) ? cna.affected : [];
    const products = affected.filter((a) => PRODUCT.test(String(a?.product ?? '').trim()));
    const others = affected.filter((a) => !products.includes(a)).map((a) => String(a?.product ?? '?'));
    const problems = problemsOf((cna.problemTypes ?? []).flatMap((p) => p?.descriptions ?? []));
    return {
      path, id, v5: true, json, products, others,
      impact: (cna.metrics ?? []).map((m) => m?.other?.content?.text).find(Boolean),
      title: String(cna.title ?? ''),
      ...problems,
      published: iso(json.cveMetadata?.datePublished) ?? iso(cna.datePublic),
    };
  }
  if (dataVersion !== '4.0') return `${path}: unknown data version ${dataVersion}: skipped`;
  const id = json.CVE_data_meta?.ID;
  if (typeof id !== 'string') return `${path}: CVE 4.0 record without CVE_data_meta.ID: skipped`;
  const products = [];
  const others = [];
  for (const vendor of json.affects?.vendor?.vendor_data ?? []) {
    for (const product of vendor?.product?.product_data ?? []) {
      if (PRODUCT.test(String(product?.product_name ?? '').trim())) products.push(product);
      else others.push(String(product?.product_name ?? '?'));
    }
  }
  const problems = problemsOf((json.problemtype?.problemtype_data ?? []).flatMap((p) => p?.description ?? []));
  return {
    path, id, v5: false, json, products, others,
    impact: (json.impact ?? []).map((i) => (typeof i?.other === 'string' ? i.other : i?.other?.content?.text)).find(Boolean),
    title: String(json.CVE_data_meta?.TITLE ?? ''),
    ...problems,
    published: iso(json.CVE_data_meta?.DATE_PUBLIC),
  };
}

// ---- ranges ----
/**
 * Known versions strictly between `low` and `high` in one branch (`known` sorted).
 * @param {string[]} known
 */
const knownBetween = (known, low, high) => known.filter((v) => compareVersions(v, low) > 0 && compareVersions(v, high) < 0);

/**
 * The upper end of a range whose last affected version is `last`: `below` the branch's fix when
 * only a few known versions (then excluded) lie between, else `atMost`.
 */
function upperEnd(last, fix, known) {
  if (fix && compareVersions(fix, last) > 0) {
    const between = knownBetween(known, last, fix);
    if (between.length <= MAX_HOLE) return { below: fix, excludes: between };
  }
  return { atMost: last, excludes: [] };
}

function makeRange(from, upper, excludes = [], fromExclusive = false) {
  const ex = [...new Set(excludes)].sort(byVersion);
  return {
    ...(from ? { from } : {}),
    ...(from && fromExclusive ? { fromExclusive: true } : {}),
    ...upper,
    ...(ex.length ? { excludes: ex } : {}),
  };
}

/**
 * Listed ("=") versions of one branch → ranges, exact over the known versions of that branch.
 * @param {string[]} listed sorted, one branch
 * @param {string[]} known sorted, the same branch, a superset of `listed`
 */
function runsToRanges(listed, known, fix) {
  const index = new Map(known.map((v, i) => [v, i]));
  const runs = [];
  for (const v of listed) {
    const run = runs.at(-1);
    const hole = run ? index.get(v) - index.get(run.last) - 1 : Infinity;
    if (run && hole <= MAX_HOLE) {
      run.excludes.push(...known.slice(index.get(run.last) + 1, index.get(v)));
      run.last = v;
    } else runs.push({ first: v, last: v, excludes: [] });
  }
  return runs.map((run, i) => {
    const last = i === runs.length - 1;
    const upper = last ? upperEnd(run.last, fix, known) : { atMost: run.last, excludes: [] };
    return makeRange(run.first, upper.below ? { below: upper.below } : { atMost: upper.atMost }, [...run.excludes, ...upper.excludes]);
  });
}

/** Ranges of a CVE JSON 4.0 product entry. */
/**
 * The line a CVE 4.0 entry's name scopes it to ("Apache HTTP Server 2.4" → "2.4"), when the bound
 * is in that line; undefined for a name without a line ("Apache HTTP Server").
 */
function lineNamed(name, value) {
  const line = /\b(\d+\.\d+)\s*$/.exec(String(name ?? '').trim())?.[1];
  return line && branchOf(value) === line ? line : undefined;
}

function rangesV4(product, fixes, knownOf, problems) {
  const listed = new Set();
  const lowers = [];
  const uppers = [];
  const notAffected = new Set();
  const maybe = [];
  for (const entry of product?.version?.version_data ?? []) {
    const op = String(entry?.version_affected ?? '').trim();
    const value = String(entry?.version_value ?? '').trim();
    if (!isVersion(value)) {
      problems.push(`version "${value}" (${op}) is not a version: ignored`);
      continue;
    }
    if (op.startsWith('?')) maybe.push(value);
    else if (op === '=') listed.add(value);
    else if (op === '!') notAffected.add(value);
    else if (op === '>=' || op === '!<') lowers.push({ v: full(value), exclusive: false });
    else if (op === '>' || op === '!<=') lowers.push({ v: full(value), exclusive: true });
    else if (op === '<=' || op === '!>') uppers.push({ v: value, inclusive: true, line: lineNamed(entry?.version_name, value) });
    else if (op === '<' || op === '!>=') uppers.push({ v: value, inclusive: false, line: lineNamed(entry?.version_name, value) });
    else problems.push(`operator "${op}" unknown: ${value} ignored`);
  }
  for (const v of notAffected) listed.delete(v);
  const ranges = [];
  const fixOf = (branch) => fixes.filter((f) => branchOf(f.version) === branch).map((f) => f.version).sort(byVersion)[0];
  for (const branch of [...new Set([...listed].map(branchOf))].sort(byVersion)) {
    const inBranch = [...listed].filter((v) => branchOf(v) === branch).sort(byVersion);
    const fix = fixOf(branch);
    if (fix && compareVersions(fix, inBranch.at(-1)) <= 0) problems.push(`lists ${inBranch.at(-1)} as affected though ${fix} is said to fix it: kept as listed`);
    ranges.push(...runsToRanges(inBranch, knownOf(branch), fixOf(branch)));
  }
  // Bounds: each upper bound with the greatest lower bound below it; a lower bound left alone runs to its branch's fix.
  lowers.sort((a, b) => compareVersions(a.v, b.v));
  uppers.sort((a, b) => compareVersions(a.v, b.v));
  const used = new Set();
  for (const upper of uppers) {
    let lower = [...lowers].reverse().find((l) => !used.has(l) && compareVersions(l.v, upper.v) <= 0);
    if (lower) used.add(lower);
    // "<= 2.4.48" named "Apache HTTP Server 2.4" is about the 2.4 line only: it starts at 2.4.0.
    else if (upper.line) lower = { v: `${upper.line}.0`, exclusive: false };
    const bound = upper.inclusive ? upperEnd(upper.v, fixOf(branchOf(upper.v)), knownOf(branchOf(upper.v))) : { below: upper.v, excludes: [] };
    const excludes = [...bound.excludes, ...[...notAffected].filter((v) => (!lower || compareVersions(v, lower.v) >= 0) && compareVersions(v, upper.v) <= 0)];
    ranges.push(makeRange(lower?.v, bound.below ? { below: bound.below } : { atMost: bound.atMost }, excludes, lower?.exclusive));
  }
  for (const lower of lowers.filter((l) => !used.has(l))) {
    const fix = fixOf(branchOf(lower.v));
    ranges.push(makeRange(lower.v, fix ? { below: fix } : {}, [...notAffected].filter((v) => compareVersions(v, lower.v) >= 0), lower.exclusive));
  }
  return { ranges, maybe };
}

/** Ranges of a CVE 5 affected[] entry. */
function rangesV5(product, fixes, knownOf, problems) {
  const ranges = [];
  const fixOf = (branch) => fixes.filter((f) => branchOf(f.version) === branch).map((f) => f.version).sort(byVersion)[0];
  for (const entry of product?.versions ?? []) {
    const version = String(entry?.version ?? '').trim();
    const status = String(entry?.status ?? '').trim();
    const from = version === '0' || version === '*' || version === '' ? undefined : version;
    if (from !== undefined && !isVersion(from)) {
      problems.push(`version "${version}" is not a version: entry ignored`);
      continue;
    }
    const lessThan = entry?.lessThan !== undefined ? String(entry.lessThan).trim() : undefined;
    const lessThanOrEqual = entry?.lessThanOrEqual !== undefined ? String(entry.lessThanOrEqual).trim() : undefined;
    const badBound = [lessThan, lessThanOrEqual].find((bound) => bound !== undefined && bound !== '*' && !isVersion(bound));
    if (badBound !== undefined) {
      problems.push(`bound "${badBound}" is not a version: entry ignored`);
      continue;
    }
    const single = lessThan === undefined && lessThanOrEqual === undefined;
    if (single && !from) {
      problems.push('version entry without a version: ignored');
      continue;
    }
    // Status from `version` on, switched by each change, up to the entry's upper end.
    const segments = [];
    let start = from ? full(from) : undefined;
    let current = status;
    const changes = (Array.isArray(entry?.changes) ? entry.changes : [])
      .filter((c) => isVersion(String(c?.at ?? '')))
      .sort((a, b) => compareVersions(a.at, b.at));
    for (const change of changes) {
      if (current === 'affected') segments.push({ from: start, below: String(change.at) });
      start = String(change.at);
      current = String(change.status ?? '');
    }
    if (current !== 'affected') continue;
    if (single) {
      segments.push({ from: start, exact: from });
    } else if (lessThan !== undefined && lessThan !== '*') {
      segments.push({ from: start, below: lessThan });
    } else if (lessThanOrEqual !== undefined && lessThanOrEqual !== '*') {
      segments.push({ from: start, atMost: lessThanOrEqual });
    } else {
      segments.push({ from: start });
    }
    for (const s of segments) {
      const last = s.exact ?? s.atMost;
      if (last !== undefined) {
        const branch = branchOf(last);
        const end = upperEnd(last, fixOf(branch), knownOf(branch));
        ranges.push(makeRange(s.exact ?? s.from, end.below ? { below: end.below } : { atMost: end.atMost }, end.excludes));
      } else ranges.push(makeRange(s.from, s.below ? { below: s.below } : {}));
    }
  }
  return { ranges, maybe: [] };
}

const rangeKey = (r) => `${r.from ?? ''}`;
function sortRanges(ranges) {
  const seen = new Set();
  return ranges
    .filter((r) => {
      const key = JSON.stringify(r);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.from === undefined ? -1 : b.from === undefined ? 1 : compareVersions(rangeKey(a), rangeKey(b))) || compareVersions(a.below ?? a.atMost ?? '999999', b.below ?? b.atMost ?? '999999'));
}

/**
 * @param {{ repository?: string, commit: string, date: string, list(prefix?: string): string[], readAll(paths: string[]): Map<string, string> }} repo
 * @param {{ checked: string }} options
 * @returns {import('../types').KbExtract}
 */
export function extract(repo, { checked }) {
  const notes = [];
  const paths = repo.list(FOLDER).filter((p) => p.endsWith('.json')).sort();
  const texts = repo.readAll(paths);
  const records = [];
  for (const path of paths) {
    const name = path.slice(FOLDER.length);
    const text = texts.get(path);
    if (text === undefined) {
      notes.push(`${name}: could not be read: skipped`);
      continue;
    }
    let json;
    try {
      json = JSON.parse(text);
    } catch (error) {
      notes.push(`${name}: not JSON (${String(error.message).split('\n')[0]}): skipped`);
      continue;
    }
    const record = readRecord(name, json);
    if (typeof record === 'string') notes.push(record);
    else records.push(record);
  }

  // Every version the records know, per branch: listed ones (any operator) and released fixes.
  const known = new Map();
  const addKnown = (v) => {
    if (!isVersion(v)) return;
    const b = branchOf(v);
    if (!known.has(b)) known.set(b, new Set());
    known.get(b).add(v);
  };
  for (const r of records) {
    for (const f of fixesOf(timelineOf(r))) addKnown(f.version);
    if (!r.v5) for (const p of r.products) for (const e of p?.version?.version_data ?? []) if (String(e?.version_affected ?? '').includes('=')) addKnown(String(e?.version_value ?? '').trim());
  }
  const sortedKnown = new Map([...known].map(([b, set]) => [b, [...set].sort(byVersion)]));
  const knownOf = (branch) => sortedKnown.get(branch) ?? [];

  const advisories = [];
  const maybeRecords = [];
  const seen = new Set();
  for (const r of records) {
    if (!/^CVE-\d{4}-\d{4,}$/.test(r.id)) {
      notes.push(`${r.path}: id "${r.id}" is not a CVE id: skipped`);
      continue;
    }
    if (seen.has(r.id)) {
      notes.push(`${r.path}: ${r.id} stated twice: the first record kept`);
      continue;
    }
    if (!r.products.length) {
      notes.push(`${r.id}: product ${r.others.map((o) => `"${o}"`).join(', ') || 'none'} is not Apache HTTP Server: skipped`);
      continue;
    }
    if (r.others.length) notes.push(`${r.id}: product ${r.others.map((o) => `"${o}"`).join(', ')} is not Apache HTTP Server: its versions ignored`);
    const timeline = timelineOf(r);
    const fixes = fixesOf(timeline);
    const problems = [];
    const ranges = [];
    const maybe = [];
    let windows = r.products.length > 0;
    for (const product of r.products) {
      const got = r.v5 ? rangesV5(product, fixes, knownOf, problems) : rangesV4(product, fixes, knownOf, problems);
      ranges.push(...got.ranges);
      maybe.push(...got.maybe);
      const platforms = r.v5
        ? (product.platforms ?? []).map(String)
        : (product?.version?.version_data ?? []).map((e) => String(e?.platform ?? ''));
      if (!platforms.length || !platforms.every((p) => /^windows$/i.test(p.trim()))) windows = false;
    }
    for (const p of problems) notes.push(`${r.id}: ${p}`);
    if (!ranges.length) {
      notes.push(`${r.id}: no confirmed affected version${maybe.length ? ` (only "?=", possibly affected: ${maybe.length} versions)` : ''}: skipped`);
      continue;
    }
    if (maybe.length) maybeRecords.push(r.id);
    seen.add(r.id);
    const { severity, severityUnknown } = severityOf(r.impact);
    const publicDay = timeline.find((t) => /^public$/i.test(String(t?.value ?? '').trim()))?.time;
    const released = fixes.map((f) => f.date).filter(Boolean).sort()[0];
    const published = r.published ?? iso(publicDay) ?? released;
    const page = PAGES.find((b) => fixes.some((f) => branchOf(f.version) === b));
    advisories.push({
      id: r.id,
      aliases: [],
      severity,
      weakness: weaknessOf({ cwes: r.cwes, text: `${r.title} ${r.text}` }),
      cwes: r.cwes,
      ranges: sortRanges(ranges),
      ...(published ? { published } : {}),
      url: page ? `https://httpd.apache.org/security/vulnerabilities_${page.replace('.', '')}.html#${r.id}` : '',
      source: SOURCE_ID,
      ...(windows ? { platform: 'windows' } : {}),
      ...(severityUnknown ? { severityUnknown: true } : {}),
    });
  }
  if (maybeRecords.length) {
    notes.push(`versions only possibly affected ("?=", unverified) not counted in ${maybeRecords.length} records: ${maybeRecords.sort().join(' ')}`);
  }
  advisories.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return {
    source: {
      id: SOURCE_ID,
      name: 'Apache HTTP Server security advisories',
      repository: repo.repository ?? REPOSITORY,
      commit: repo.commit,
      date: repo.date,
      checked,
      licence: 'Apache-2.0',
    },
    advisories: advisories.length ? { [COMPONENT]: advisories } : {},
    notes: notes.sort(),
  };
}
