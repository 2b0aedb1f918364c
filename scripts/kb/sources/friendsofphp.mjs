/**
 * PHP CMS and framework advisories from FriendsOfPHP/security-advisories (<vendor>/<package>/<id>.yaml,
 * Unlicense): one file per advisory and composer package, with `title`, `link`, `cve` and
 * `branches: { <name>: { time, versions: ['>=1.0.0', '<1.2.3'] } }`. Facts kept: ids, ranges,
 * the publication day, the link; titles are read only to pick the weakness class (and, for Drupal,
 * the SA's risk label) and are never kept.
 *
 * Only the composer packages of components Vigie names are read (PACKAGES); the others are counted
 * in one note. Not mapped on purpose: the Joomla Framework packages (joomla/session, joomla/archive…:
 * their own version numbers, not the CMS's), magento/magento1ee (Enterprise Edition numbers, 1.14.x,
 * would be read as Community Edition ones), typo3/cms-form and other system extensions,
 * illuminate/* and symfony/* components other than http-kernel (their advisories are filed under
 * laravel/framework and symfony/symfony too, Symfony UX apart).
 *
 * Ids: the CVE when there is one (the smallest when merged); else the vendor's own id the link names
 * (SA-CORE-2020-013, TYPO3-CORE-SA-2018-007, GHSA-…, see linkedId); else
 * "FOP-<vendor>/<package>/<file name without .yaml>" (e.g. FOP-laravel/framework/2020-07-27-1),
 * stable as long as the file keeps its path (the smallest when merged). The CVE and the vendor id
 * are also aliases of each other, so the same advisory filed under two packages of a component
 * (drupal/core and drupal/drupal, typo3/cms and typo3/cms-core), or one SA filed once per CVE, is
 * one record with every file's ranges, and the build recognises the Drupal source's SA ids.
 *
 * Severity: none is stated, so 'medium' with `severityUnknown`, except Drupal core advisories whose
 * title has the SA's risk label ("Highly critical - Remote Code Execution"): highly critical →
 * critical, critical → high, moderately critical → medium, less critical → low, not critical → info.
 */
import { weaknessOf } from '../weakness.mjs';
import { compareVersions } from '../versions.mjs';

export const SOURCE_ID = 'friendsofphp';

/** Composer package → Vigie component id (lib/kb/components.ts). */
export const PACKAGES = {
  'drupal/core': 'drupal',
  'drupal/drupal': 'drupal',
  'joomla/joomla-cms': 'joomla',
  'typo3/cms': 'typo3',
  'typo3/cms-core': 'typo3',
  'magento/product-community-edition': 'magento',
  'magento/community-edition': 'magento',
  'magento/magento2-base': 'magento',
  'magento/magento1ce': 'magento',
  'prestashop/prestashop': 'prestashop',
  'laravel/framework': 'laravel',
  'symfony/symfony': 'symfony',
  'symfony/http-kernel': 'symfony',
  'contao/core': 'contao',
  'contao/core-bundle': 'contao',
  'contao/contao': 'contao',
  'shopware/shopware': 'shopware',
  'shopware/platform': 'shopware',
  'shopware/core': 'shopware',
};

// ---- a YAML subset: nested block mappings, one-line flow sequences, quoted and plain scalars ----

/** Reads a scalar starting at `s[at]`; returns [value, index after it]. Plain scalars stop at `stops` or " #". */
function scalar(s, at, stops = '') {
  const q = s[at];
  if (q === "'") {
    let out = '';
    let i = at + 1;
    for (;;) {
      const j = s.indexOf("'", i);
      if (j < 0) throw new Error('unterminated quote');
      out += s.slice(i, j);
      if (s[j + 1] === "'") { out += "'"; i = j + 2; continue; }
      return [out, j + 1];
    }
  }
  if (q === '"') {
    let out = '';
    const escapes = {
      n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', 0: '\0', ' ': ' ', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v',
      _: '\u00a0', N: '\u0085', L: '\u2028', P: '\u2029', '\t': '\t',
    };
    for (let i = at + 1; i < s.length; i++) {
      const c = s[i];
      if (c === '"') return [out, i + 1];
      if (c !== '\\') { out += c; continue; }
      const e = s[++i];
      if (e === 'u' || e === 'x' || e === 'U') {
        const n = { x: 2, u: 4, U: 8 }[e];
        out += String.fromCodePoint(parseInt(s.slice(i + 1, i + 1 + n), 16));
        i += n;
      } else if (e in escapes) out += escapes[e];
      else throw new Error(`unknown escape \\${e}`);
    }
    throw new Error('unterminated quote');
  }
  let i = at;
  while (i < s.length && !stops.includes(s[i]) && !(s[i] === '#' && /\s/.test(s[i - 1] ?? ' '))) i++;
  const text = s.slice(at, i).trim();
  return [text === '~' || text === 'null' || text === '' ? null : text === 'true' ? true : text === 'false' ? false : text, i];
}

/** What may follow a value on its line: spaces and a comment. */
function rest(s, at) {
  const tail = s.slice(at);
  if (!/^\s*(#.*)?$/.test(tail)) throw new Error(`unexpected "${tail.trim()}"`);
}

function value(s) {
  const at = s.search(/\S/);
  if (at < 0 || s[at] === '#') return undefined; // a nested block follows
  if (s[at] === '|' || s[at] === '>' || s[at] === '{' || s[at] === '&' || s[at] === '*' || s[at] === '!') throw new Error(`unsupported YAML "${s.trim()}"`);
  if (s[at] !== '[') {
    const [v, end] = scalar(s, at);
    rest(s, end);
    return v;
  }
  const items = [];
  let i = at + 1;
  for (;;) {
    while (/\s/.test(s[i] ?? '')) i++;
    if (s[i] === ']') { rest(s, i + 1); return items; }
    if (i >= s.length) throw new Error('unterminated [');
    const [v, end] = scalar(s, i, ',]');
    items.push(v);
    i = end;
    while (/\s/.test(s[i] ?? '')) i++;
    if (s[i] === ',') i++;
    else if (s[i] !== ']') throw new Error(`unexpected "${s.slice(i)}"`);
  }
}

/**
 * Parses the small YAML files of this repository (block mappings nested by indentation, scalar
 * values, one-line flow sequences, comments). Values stay strings (no dates, no numbers), `~` and
 * `null` are null, `true`/`false` booleans. Anything else throws.
 */
export function parseYaml(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
    .map((line, n) => ({ n: n + 1, indent: line.search(/\S/), line }))
    .filter((l) => l.indent >= 0 && l.line[l.indent] !== '#' && l.line.trim() !== '---');
  let at = 0;
  function block(indent) {
    const out = {};
    while (at < lines.length && lines[at].indent === indent) {
      const { n, line } = lines[at];
      if (/\t/.test(line.slice(0, indent))) throw new Error(`line ${n}: tab indentation`);
      if (line[indent] === '-') throw new Error(`line ${n}: block sequences are not supported`);
      let key;
      let end;
      try {
        [key, end] = /['"]/.test(line[indent]) ? scalar(line, indent) : [line.slice(indent, line.indexOf(':', indent)).trim(), line.indexOf(':', indent)];
      } catch (error) {
        throw new Error(`line ${n}: ${error.message}`);
      }
      if (end < 0 || line[end] !== ':' || !/^(\s|$)/.test(line.slice(end + 1))) throw new Error(`line ${n}: not a "key: value" line`);
      at++;
      let v;
      try {
        v = value(line.slice(end + 1));
      } catch (error) {
        throw new Error(`line ${n}: ${error.message}`);
      }
      if (v === undefined) v = at < lines.length && lines[at].indent > indent ? block(lines[at].indent) : null;
      out[String(key)] = v;
    }
    if (at < lines.length && lines[at].indent > indent) throw new Error(`line ${lines[at].n}: unexpected indentation`);
    return out;
  }
  const doc = block(lines.length ? lines[0].indent : 0);
  if (at < lines.length) throw new Error(`line ${lines[at].n}: unexpected indentation`);
  return doc;
}

// ---- ranges ----

/**
 * Magento's patch releases ("2.4.4-p9": after 2.4.4, before 2.4.5) as a fourth number, "2.4.4.9",
 * the only form the build and the runtime order correctly (both read "-p9" as a prerelease or a
 * build suffix). A detector reading "2.4.4-p9" must write it the same way.
 */
export const magentoVersion = (v) => v.replace(/^(\d+\.\d+\.\d+)-p(\d+)$/, '$1.$2');

/** A branch's constraints (['>=1.0.0', '<1.2.3']) → one KbRange, or null when one is unreadable. */
export function rangeOf(constraints, version = (v) => v) {
  const r = {};
  for (const raw of constraints ?? []) {
    const m = /^\s*(>=|<=|>|<|==?)?\s*v?(\d[\w.+-]*)\s*$/.exec(String(raw ?? ''));
    if (!m) return null;
    const op = m[1] ?? '=';
    const v = version(m[2]);
    if (op === '>=') r.from = v;
    else if (op === '>') Object.assign(r, { from: v, fromExclusive: true });
    else if (op === '<') r.below = v;
    else if (op === '<=') r.atMost = v;
    else Object.assign(r, { from: v, atMost: v });
  }
  if (r.below !== undefined && r.atMost !== undefined) return null;
  return r;
}

const byNumber = (a, b) => a.localeCompare(b, 'en', { numeric: true });
const rangeKey = (r) => [r.fromExclusive ? '>' : '', r.from ?? '', r.below ?? '', r.atMost ?? ''].join('|');


function sortRanges(ranges) {
  const seen = new Set();
  const upper = (r) => r.below ?? r.atMost ?? '999999';
  return ranges.filter((r) => !seen.has(rangeKey(r)) && seen.add(rangeKey(r)))
    .sort((a, b) => compareVersions(a.from ?? '0', b.from ?? '0') || compareVersions(upper(a), upper(b)) || rangeKey(a).localeCompare(rangeKey(b)));
}

// ---- ids ----

/** The vendor's own advisory id a link names, when it names one. */
export function linkedId(link) {
  const url = String(link ?? '');
  let m = /drupal\.org\/sa-(core-|contrib-)?(\d{4}-\d+)\b/i.exec(url);
  // drupal.org/SA-2017-001 is SA-CORE-2017-001 (the core SAs of 2017 linked without "core").
  if (m) return `SA-${(m[1] ?? 'core-').toUpperCase()}${m[2]}`;
  m = /(typo3-(?:core|ext|psa)-sa-\d{4}-\d+)\b/i.exec(url);
  if (m) return m[1].toUpperCase();
  m = /\b(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/i.exec(url);
  if (m) return `GHSA${m[1].slice(4).toLowerCase()}`;
  return undefined;
}

const RISK = { 'highly critical': 'critical', critical: 'high', 'moderately critical': 'medium', 'less critical': 'low', 'not critical': 'info' };

/**
 * Drupal's risk label in a title, as one of its " - " parts ("Highly critical - Remote Code
 * Execution", "Drupal core - Less critical - Access bypass - SA-CORE-2020-006") → severity.
 */
export function drupalRisk(title) {
  for (const part of String(title ?? '').split(/\s+-\s+/)) {
    const risk = RISK[part.trim().toLowerCase()];
    if (risk) return risk;
  }
  return undefined;
}

/** @returns {import('../types').KbExtract} */
export function extract(repo, { checked }) {
  const notes = [];
  const all = repo.list('').filter((p) => /^[^./][^/]*\/[^/]+\/[^/]+\.ya?ml$/.test(p)).sort();
  const byPackage = new Map();
  for (const path of all) {
    const pkg = path.split('/').slice(0, 2).join('/');
    byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), path]);
  }
  const wanted = all.filter((p) => PACKAGES[p.split('/').slice(0, 2).join('/')]);
  const others = [...byPackage.keys()].filter((pkg) => !PACKAGES[pkg]);
  notes.push(`${all.length - wanted.length} advisories of ${others.length} packages Vigie does not name skipped (read: ${Object.keys(PACKAGES).filter((p) => byPackage.has(p)).join(', ')})`);
  const absent = Object.keys(PACKAGES).filter((p) => !byPackage.has(p));
  if (absent.length) notes.push(`packages mapped but not in the repository: ${absent.join(', ')}`);

  const texts = repo.readAll(wanted);
  /** component → advisories being merged, with their ids' index. */
  const merged = {};
  const unreadable = [];
  const noRange = [];
  const badBranch = [];
  let referenceMismatch = 0;
  let patchLevels = 0;

  for (const path of wanted) {
    const pkg = path.split('/').slice(0, 2).join('/');
    const component = PACKAGES[pkg];
    let doc;
    try {
      doc = parseYaml(texts.get(path) ?? '');
    } catch (error) {
      unreadable.push(`${path} (${error.message})`);
      continue;
    }
    const reference = typeof doc.reference === 'string' ? doc.reference.replace(/^composer:\/\//, '') : pkg;
    if (reference !== pkg) referenceMismatch++;

    const ranges = [];
    const days = [];
    const branches = doc.branches && typeof doc.branches === 'object' ? doc.branches : {};
    for (const [name, branch] of Object.entries(branches)) {
      const range = Array.isArray(branch?.versions) ? rangeOf(branch.versions, component === 'magento' ? magentoVersion : undefined) : null;
      if (component === 'magento' && branch.versions.some((v) => /-p\d+\s*$/.test(String(v)))) patchLevels++;
      if (!range) { badBranch.push(`${path} ${name}`); continue; }
      ranges.push(range);
      // Some times are written loosely ("2017-11-1 19:02:00").
      const t = /^(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(String(branch.time ?? ''));
      if (t) days.push(`${t[1]}-${t[2].padStart(2, '0')}-${t[3].padStart(2, '0')}`);
    }
    if (!ranges.length) { noRange.push(path); continue; }

    const cve = typeof doc.cve === 'string' && /^CVE-\d{4}-\d+$/.test(doc.cve.trim()) ? doc.cve.trim() : undefined;
    const own = `FOP-${path.replace(/\.ya?ml$/, '')}`;
    const link = typeof doc.link === 'string' ? doc.link.trim() : '';
    const vendorId = linkedId(link);
    const title = typeof doc.title === 'string' ? doc.title : '';
    const risk = component === 'drupal' ? drupalRisk(title) : undefined;
    const entry = {
      ids: new Set([cve, vendorId].filter(Boolean)),
      cves: new Set(cve ? [cve] : []),
      own,
      ranges,
      published: days.sort()[0],
      url: cve && /^https?:\/\/(nvd\.nist\.gov\/vuln\/detail\/|cve\.mitre\.org\/cgi-bin\/cvename\.cgi\?name=)CVE-/i.test(link) && link.endsWith(cve) ? '' : link,
      weakness: weaknessOf({ text: title }),
      risk,
    };
    // The same advisory under another package of the component (or one SA filed once per CVE).
    const list = (merged[component] ??= []);
    const same = list.find((e) => [...entry.ids].some((id) => e.ids.has(id)));
    if (!same) { list.push(entry); continue; }
    for (const id of entry.ids) same.ids.add(id);
    for (const id of entry.cves) same.cves.add(id);
    if (entry.own < same.own) same.own = entry.own;
    same.ranges.push(...entry.ranges);
    if (entry.published && (!same.published || entry.published < same.published)) same.published = entry.published;
    if (!same.url) same.url = entry.url;
    if (same.weakness === 'other') same.weakness = entry.weakness;
    same.risk ??= entry.risk;
  }

  const advisories = {};
  for (const component of Object.keys(merged).sort()) {
    advisories[component] = merged[component].map((e) => {
      const id = [...e.cves].sort(byNumber)[0] ?? [...e.ids].sort(byNumber)[0] ?? e.own;
      return {
        id,
        aliases: [...e.ids].filter((x) => x !== id).sort(byNumber),
        severity: e.risk ?? 'medium',
        ...(e.risk ? {} : { severityUnknown: true }),
        weakness: e.weakness,
        cwes: [],
        ranges: sortRanges(e.ranges),
        ...(e.published ? { published: e.published } : {}),
        url: e.url,
        source: SOURCE_ID,
      };
    }).sort((a, b) => a.id.localeCompare(b.id));
  }

  const listed = (label, items) => {
    if (items.length) notes.push(`${items.length} ${label}${items.length <= 10 ? `: ${items.join(', ')}` : ''}`);
  };
  listed('files unreadable, skipped', unreadable);
  listed('branches with unreadable versions skipped', badBranch);
  listed('files without any readable branch skipped', noRange);
  if (patchLevels) notes.push(`${patchLevels} Magento branches with patch releases ("2.4.4-p9") written with a fourth number ("2.4.4.9")`);
  if (referenceMismatch) notes.push(`${referenceMismatch} files whose reference names another package than their folder (the folder was used)`);

  return {
    source: {
      id: SOURCE_ID,
      name: 'FriendsOfPHP security advisories',
      repository: repo.repository,
      commit: repo.commit,
      date: repo.date,
      checked,
      licence: licenceOf(repo),
    },
    advisories,
    notes,
  };
}

/** SPDX id of the repository's LICENSE file ('none' without one). */
export function licenceOf(repo) {
  const licence = [...repo.readAll(['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'COPYING']).values()][0];
  if (licence === undefined) return 'none';
  if (/free and unencumbered software released into the public domain/i.test(licence)) return 'Unlicense';
  if (/\bMIT License\b|Permission is hereby granted, free of charge/i.test(licence)) return 'MIT';
  if (/Apache License,?\s+Version 2\.0/i.test(licence)) return 'Apache-2.0';
  return 'unknown';
}
