/**
 * Drupal core and contributed-project advisories from the Drupal Security Team's OSV database
 * (DrupalSecurityTeam/drupal-advisory-database, advisories/<project>/DRUPAL-{CORE,CONTRIB}-*.json,
 * MIT). Facts kept: ids, affected ranges, CVSS when stated, the weakness class, the publication day
 * and the drupal.org SA page. The records' `details` prose is read only to pick the weakness class.
 *
 * Components: drupal/core (and drupal/drupal) → 'drupal'; any other drupal/<project> (modules and
 * themes alike) → 'drupal-module:<project>'.
 *
 * Versions are the records' composer-normalised ones: contrib "8.x-5.11" is written "5.11.0"
 * (packages.drupal.org/8), so a detector reading a contrib project's "8.x-5.11" must drop the
 * "8.x-" core prefix. Core is written as Drupal writes it ("8.5.1", "7.58").
 *
 * Drupal 7: the OSV ranges describe Packagist's drupal/core, which starts at 8.0.0, so they leave
 * out the 7.x lines the SA states; each record's `database_specific.affected_versions` (the SA's own
 * constraint, e.g. ">=7.0 <7.58 || >= 8.0.0 <8.3.9") still has them. Its 7.x parts are added to
 * core records ("7.96.0" written "7.96", as Drupal 7 numbers its releases); any other part the
 * ranges lack is reported in the notes, not added.
 *
 * Ids: display id = the smallest CVE alias, else Drupal's SA id (SA-CORE-2018-002, SA-CONTRIB-2022-008,
 * from the drupal.org reference or the OSV id); aliases = the other CVE/GHSA aliases, the SA id
 * and the OSV id (DRUPAL-CORE-2018-002). Severity: the CVSS v3 base score computed from a
 * `severity[]` vector when there is one (none at the time of writing), else the CVSS score newer
 * SAs state in their details ("CVSS risk score (experimental) 6.3 / Medium", CVSS 4.0, 5 records);
 * otherwise 'medium' with `severityUnknown` (the records carry no Drupal risk label).
 */
import { weaknessOf, severityOfCvss } from '../weakness.mjs';
import { compareVersions } from '../versions.mjs';

export const SOURCE_ID = 'drupal';
const CORE_PACKAGES = new Set(['drupal/core', 'drupal/drupal']);
const ECOSYSTEMS = new Set(['Packagist', 'Packagist:https://packages.drupal.org/8', 'Packagist:https://packages.drupal.org/7']);

/** Component id for a Packagist package name, or undefined when it is not a Drupal project. */
export function componentOf(name) {
  if (CORE_PACKAGES.has(name)) return 'drupal';
  const m = /^drupal\/([a-z0-9_]+)$/.exec(name);
  return m ? `drupal-module:${m[1]}` : undefined;
}

// ---- CVSS v3.x base score (FIRST specification, section 7.1) ----
const W = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
};
const roundUp = (x) => {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
};
/** The base score of a CVSS:3.0/3.1 vector, or undefined when it is not one. */
export function cvss3Score(vector) {
  const m = /^CVSS:3\.[01]\/(.*)$/.exec(String(vector).trim());
  if (!m) return undefined;
  const v = Object.fromEntries(m[1].split('/').map((p) => p.split(':')));
  const scope = v.S;
  const pr = { N: 0.85, L: scope === 'C' ? 0.68 : 0.62, H: scope === 'C' ? 0.5 : 0.27 }[v.PR];
  const [av, ac, ui, c, i, a] = [W.AV[v.AV], W.AC[v.AC], W.UI[v.UI], W.C[v.C], W.C[v.I], W.C[v.A]];
  if ([av, ac, ui, c, i, a, pr].some((x) => x === undefined) || (scope !== 'U' && scope !== 'C')) return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15;
  if (impact <= 0) return 0;
  const exploitability = 8.22 * av * ac * pr * ui;
  return roundUp(Math.min((scope === 'U' ? 1 : 1.08) * (impact + exploitability), 10));
}

// ---- ranges ----
/** OSV range events (in order) → KbRanges; introduced "0" is no lower bound. */
function rangesOfEvents(events) {
  const out = [];
  let open;
  for (const e of events ?? []) {
    if (e.introduced !== undefined) {
      if (open) out.push(open);
      open = e.introduced === '0' ? {} : { from: String(e.introduced) };
    } else if (e.fixed !== undefined || e.last_affected !== undefined) {
      const r = open ?? {};
      if (e.fixed !== undefined) r.below = String(e.fixed);
      else r.atMost = String(e.last_affected);
      out.push(r);
      open = undefined;
    }
  }
  if (open) out.push(open);
  return out;
}

/** A composer constraint as the records write it (">=7.0 <7.58 || 3.0.0 || 11.0.* || *") → KbRanges, or null when unreadable. */
export function parseConstraint(text) {
  const out = [];
  for (const raw of String(text).split('||')) {
    const part = raw.trim().replace(/(>=|<=|>|<)\s+/g, '$1');
    if (part === '*' || part === '') { out.push({}); continue; }
    const star = /^(\d+)\.(\d+)\.\*$/.exec(part);
    if (star) { out.push({ from: `${star[1]}.${star[2]}.0`, below: `${star[1]}.${Number(star[2]) + 1}.0` }); continue; }
    if (/^\d[\w.-]*$/.test(part)) { out.push({ from: part, atMost: part }); continue; }
    const r = {};
    for (const token of part.split(/\s+/)) {
      const m = /^(>=|<=|>|<)(\d[\w.-]*)$/.exec(token);
      if (!m) return null;
      if (m[1] === '>=') r.from = m[2];
      else if (m[1] === '>') Object.assign(r, { from: m[2], fromExclusive: true });
      else if (m[1] === '<') r.below = m[2];
      else r.atMost = m[2];
    }
    out.push(r);
  }
  return out;
}

/** "7.58" and "7.58.0" compare equal: padded to three numbers for equality only. */
const pad = (v) => {
  if (v === undefined) return '';
  const [nums, ...pre] = v.split('-');
  const parts = nums.split('.');
  while (parts.length < 3) parts.push('0');
  return [parts.join('.'), ...pre].join('-');
};
const rangeKey = (r) => [r.fromExclusive ? '>' : '', pad(r.from), pad(r.below), pad(r.atMost)].join('|');
const majorOf = (v) => (v === undefined ? undefined : Number(v.split('.')[0]));
/** Drupal 7 numbers its releases with two numbers: "7.96.0" → "7.96". */
const d7 = (v) => (v && /^7\.\d+\.0$/.test(v) ? v.slice(0, -2) : v);

// ---- weakness ----
/** Drupal SA wording weakness.mjs does not know ("doesn't sufficiently check access"). */
const DRUPAL_WORDING = [
  ['command-injection', /underlying shell|shell command/i],
  ['sqli', /\bsql\b|database quer/i],
  ['xss', /malicious javascript|javascript (injection|code)|inject\w* (arbitrary )?javascript|cross scripting/i],
  // "doesn't sufficiently filter / sanitize / escape …" is the SA template's wording for XSS.
  ['xss', /\b(doesn't|does not|didn't|did not|not)\s+(sufficiently\s+|properly\s+|correctly\s+|always\s+)?(sanitize|escape|filter)/i],
  ['auth-bypass', /brute[- ]force/i],
  ['access-control', /(check|checking|validate|verify|protect|restrict|respect)\w*\s+(\w+\s+){0,3}(access|authori[sz]ation|permissions?)\b|access (check|validation|restriction)|bypass(ed|es)? access/i],
];
/** A sentence that only presents the project ("This module enables you to build forms."). */
const PRESENTS = /\b(module|modules|theme|distribution|project|library)\b/i;
const FLAW = /vulnerab|doesn't|does not|did not|didn't|not sufficiently|fails?\b|failed|attacker|malicious|bypass|insecure/i;

/**
 * The weakness class from an SA's details. Drupal's details open by presenting the project, whose
 * words ("enables file uploads") would be read as the flaw: those sentences and what follows the
 * flaw (mitigations, cross-references) are left out; weakness.mjs's patterns, then Drupal's own
 * wording are tried on the rest, then weakness.mjs's on the text before the mitigations. The
 * details being prose, the class is a best effort ('other' when nothing matches).
 */
export function drupalWeakness(cwes, text) {
  const full = String(text).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/https?:\/\/\S+/g, ' ').replace(/[*_\\`]/g, '');
  // The flaw is stated before the mitigations and the cross-references.
  const plain = full.split(/\b(?:is|are) mitigated\b|\bmitigated by\b|This advisory is not covered|\bAlso see\b/i)[0];
  const sentences = plain.split(/(?<=[.!?])\s+/);
  let start = 0;
  while (start < sentences.length - 1 && PRESENTS.test(sentences[start]) && !FLAW.test(sentences[start])) start++;
  const flaw = sentences.slice(start).join(' ');
  const byDefault = weaknessOf({ cwes, text: flaw });
  if (byDefault !== 'other') return byDefault;
  const own = DRUPAL_WORDING.find(([, pattern]) => pattern.test(flaw));
  return own ? own[0] : weaknessOf({ text: plain });
}

/** CVSS score Drupal's newer SAs state in their details ("CVSS risk score (experimental) 6.3 / Medium"). */
export function statedRiskScore(text) {
  const m = /CVSS risk score\b[^\n]{0,200}?\)\)?\s*(\d{1,2}(?:\.\d)?)\s*\/\s*(critical|high|medium|low|none)\b/i.exec(String(text));
  const score = m ? Number(m[1]) : NaN;
  return score >= 0 && score <= 10 ? score : undefined;
}


/** Each range once, in the order of their bounds (no lower bound first). */
export function sortRanges(ranges) {
  const seen = new Set();
  const bound = (r) => r.from ?? '0';
  return ranges.filter((r) => !seen.has(rangeKey(r)) && seen.add(rangeKey(r)))
    .sort((a, b) => compareVersions(bound(a), bound(b)) || compareVersions(a.below ?? a.atMost ?? '999999', b.below ?? b.atMost ?? '999999'));
}

/** @returns {import('../types').KbExtract} */
export function extract(repo, { checked }) {
  const notes = [];
  const advisories = {};
  const paths = repo.list('advisories/').filter((p) => p.endsWith('.json')).sort();
  const texts = repo.readAll(paths);
  const skipped = { unreadable: [], withdrawn: [], ecosystem: [], package: [], noRange: [], rangeType: [] };
  let drupal7 = 0;
  let unsupported = 0;

  for (const path of paths) {
    let record;
    try {
      record = JSON.parse(texts.get(path) ?? '');
    } catch {
      skipped.unreadable.push(path);
      continue;
    }
    const osvId = String(record.id ?? '');
    if (record.withdrawn) { skipped.withdrawn.push(osvId); continue; }

    const refs = (record.references ?? []).map((r) => String(r.url ?? ''));
    const saUrl = refs.find((u) => /^https?:\/\/(www\.)?drupal\.org\/sa-(core|contrib)-\d{4}-\d+$/i.test(u)) ?? '';
    const saFromUrl = /sa-(core|contrib)-(\d{4})-(\d+)$/i.exec(saUrl);
    const saFromId = /^DRUPAL-(CORE|CONTRIB)-(\d{4})-(\d+)$/.exec(osvId);
    const sa = saFromUrl ? `SA-${saFromUrl[1]}-${saFromUrl[2]}-${saFromUrl[3]}`.toUpperCase()
      : saFromId ? `SA-${saFromId[1]}-${saFromId[2]}-${saFromId[3]}` : undefined;
    const aliases = (record.aliases ?? []).map((a) => String(a).trim()).filter(Boolean);
    const cves = aliases.filter((a) => /^CVE-\d{4}-\d+$/.test(a));
    const id = [...cves].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0] ?? sa ?? osvId;
    const otherIds = [...new Set([...aliases, sa, osvId].filter((x) => x && x !== id))];

    // Severity: a CVSS v3 vector (record- or package-level) when stated.
    const vectors = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])];
    const cvss = vectors.map((s) => (/^CVSS_V3/.test(s.type) ? cvss3Score(s.score) : undefined)).find((x) => x !== undefined)
      ?? statedRiskScore(record.details);
    const cwes = [
      ...(record.database_specific?.cwe_ids ?? record.database_specific?.cwes ?? []),
      ...(record.affected ?? []).flatMap((a) => a.database_specific?.cwe_ids ?? a.database_specific?.cwes ?? []),
    ].map((c) => String(c).replace(/^CWE-/i, '')).filter((c) => /^\d+$/.test(c));
    const weakness = drupalWeakness(cwes, `${record.summary ?? ''} ${record.details ?? ''}`.trim());
    const published = /^\d{4}-\d{2}-\d{2}/.exec(String(record.published ?? ''))?.[0];

    // Ranges per component (a record names one package at the time of writing).
    const byComponent = new Map();
    for (const affected of record.affected ?? []) {
      const pkg = affected.package ?? {};
      if (!ECOSYSTEMS.has(pkg.ecosystem)) { skipped.ecosystem.push(`${osvId} (${pkg.ecosystem})`); continue; }
      const component = componentOf(pkg.name);
      if (!component) { skipped.package.push(`${osvId} (${pkg.name})`); continue; }
      const ranges = [];
      for (const range of affected.ranges ?? []) {
        if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER') { skipped.rangeType.push(`${osvId} (${range.type})`); continue; }
        ranges.push(...rangesOfEvents(range.events));
      }
      for (const v of affected.versions ?? []) ranges.push({ from: String(v), atMost: String(v) });
      const stated = affected.database_specific?.affected_versions;
      if (stated !== undefined) {
        const parsed = parseConstraint(stated);
        if (!parsed) notes.push(`${osvId}: affected_versions "${stated}" unreadable; the OSV ranges alone are used`);
        else {
          const known = new Set(ranges.map(rangeKey));
          const missing = parsed.filter((r) => !known.has(rangeKey(r)));
          const isD7 = (r) => majorOf(r.below ?? r.atMost) === 7 && (r.from === undefined || majorOf(r.from) === 7);
          if (component === 'drupal' && missing.some(isD7)) drupal7++;
          for (const r of missing) {
            if (component === 'drupal' && isD7(r)) ranges.push(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? d7(v) : v])));
            else notes.push(`${osvId}: affected_versions part not in the OSV ranges, not added: ${JSON.stringify(r)}`);
          }
        }
      }
      if (stated === '*' || ranges.some((r) => Object.keys(r).length === 0)) unsupported++;
      byComponent.set(component, [...(byComponent.get(component) ?? []), ...ranges]);
    }

    for (const [component, list] of byComponent) {
      const ranges = sortRanges(list);
      if (!ranges.length) { skipped.noRange.push(osvId); continue; }
      const advisory = {
        id,
        aliases: otherIds,
        severity: cvss !== undefined ? severityOfCvss(cvss) : 'medium',
        ...(cvss !== undefined ? { cvss } : { severityUnknown: true }),
        weakness,
        cwes: [...new Set(cwes)],
        ranges,
        ...(published ? { published } : {}),
        url: saUrl.replace(/^http:/, 'https:'),
        source: SOURCE_ID,
      };
      (advisories[component] ??= []).push(advisory);
    }
  }

  const sorted = {};
  for (const component of Object.keys(advisories).sort()) sorted[component] = advisories[component].sort((a, b) => a.id.localeCompare(b.id));

  const listed = (label, items) => {
    if (items.length) notes.push(`${items.length} ${label}${items.length <= 10 ? `: ${items.join(', ')}` : ''}`);
  };
  listed('records unreadable (not JSON), skipped', skipped.unreadable);
  listed('withdrawn records skipped', skipped.withdrawn);
  listed('affected packages of another ecosystem skipped', skipped.ecosystem);
  listed('affected packages that are not Drupal projects skipped', skipped.package);
  listed('ranges of a type other than ECOSYSTEM/SEMVER skipped', skipped.rangeType);
  listed('records without any range skipped', skipped.noRange);
  if (drupal7) notes.push(`${drupal7} core records: Drupal 7 ranges taken from affected_versions (the OSV ranges start at 8.0)`);
  if (unsupported) notes.push(`${unsupported} records affect every version (unsupported projects, "*")`);

  return {
    source: {
      id: SOURCE_ID,
      name: 'Drupal security advisories (OSV)',
      repository: repo.repository,
      commit: repo.commit,
      date: repo.date,
      checked,
      licence: licenceOf(repo),
    },
    advisories: sorted,
    notes,
  };
}

/** SPDX id of the repository's LICENSE file ('none' without one). */
export function licenceOf(repo) {
  const text = repo.readAll(['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'COPYING']);
  const licence = [...text.values()][0];
  if (licence === undefined) return 'none';
  if (/\bMIT License\b|Permission is hereby granted, free of charge/i.test(licence)) return 'MIT';
  if (/free and unencumbered software released into the public domain/i.test(licence)) return 'Unlicense';
  if (/Apache License,?\s+Version 2\.0/i.test(licence)) return 'Apache-2.0';
  if (/Creative Commons Attribution 4\.0/i.test(licence)) return 'CC-BY-4.0';
  return 'unknown';
}
