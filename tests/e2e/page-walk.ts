/**
 * What a person reads on an extension page must be words, not machine values: no rule or finding
 * id, no raw message key, no ISO duration or timestamp, no raw evidence key, no redaction marker,
 * no `undefined` / `null` / `NaN` / `[object Object]`, and on a French page no English sentence.
 * Pure (no browser): every-page.test.ts collects the text of each page and passes it here, and its
 * self-check runs the same matcher on sample strings.
 */
import { en } from '../../lib/i18n/en';

export type Lang = 'en' | 'fr';

export interface Offence {
  pattern: string;
  match: string;
  /** About 60 characters around the match. */
  context: string;
}

/** A piece of text a person reads, and where it comes from (body text, an attribute, the title). */
export interface ReadText {
  where: string;
  text: string;
}

const KEYS = Object.keys(en);
/** Rule families, from the rule messages (`rule.<family>.<name>.title`). */
export const RULE_FAMILIES = [...new Set(KEYS.filter((k) => k.startsWith('rule.')).map((k) => k.split('.')[1]!))].sort();
/** First segments of the message keys (`report`, `tech`, `history`, …). */
export const KEY_PREFIXES = [...new Set(KEYS.map((k) => k.split('.')[0]!))].sort();
const KEY_SET = new Set(KEYS);

const alt = (words: readonly string[]) => words.map((w) => w.replace(/[-.]/g, '\\$&')).join('|');

/** URLs (and extension addresses) are quoted values, not words: masked before matching. */
const URL_RE = /\b(?:https?|wss?|ftp|chrome-extension|moz-extension|file):\/\/[^\s<>"'«»]*/gi;

/** Last segments that make a dotted token a host name or a file name, not an identifier. */
const FILE_OR_HOST_END = /\.(?:js|mjs|cjs|ts|css|php|txt|html?|json|xml|map|svg|png|jpe?g|gif|webp|ico|woff2?|ttf|pdf|zip|gz|md|ya?ml|toml|test|com|org|net|fr|eu|io|dev|app|local|localhost|example|invalid|min)$/;

interface Pattern {
  name: string;
  re: RegExp;
  /** Return false to drop a match (e.g. a file name that looks like a dotted identifier). */
  keep?: (match: string) => boolean;
  /** Checked on pages in these languages only (all when absent). */
  langs?: readonly Lang[];
  /** Skipped on these sources (e.g. placeholders show the format a field takes). */
  skipWhere?: RegExp;
}

/**
 * English words that French interface text never uses. Matched as whole words (letters, digits,
 * hyphens and apostrophes count as word characters), case-insensitive unless the entry starts with
 * `=`. Left out on purpose, because French uses them too: score, grade, page, version, options,
 * plugin(s), checklist, export, compare, info, via, on, an, a, or, scan (« le scan »), none and
 * Server (CSP / SameSite / header values), Policy / Security (header names spelled out).
 */
export const ENGLISH_WORDS = [
  'the', 'and', 'of', 'with', 'without', 'for', 'this', 'that', 'these', 'is', 'are', 'was', 'were', 'has', 'have', 'been', 'will',
  'not', 'to', 'if', 'can', 'could', 'should', 'must', 'which', 'when', 'your', 'you', 'our', 'there', 'here', 'only', 'than', 'more',
  'missing', 'found', 'since', 'behind', 'by', 'ago', 'yes', 'days', 'months', 'years', 'last', 'newer', 'older', 'latest',
  'scanned', 'scanning', '=Scan', '=Rescan', 'report', 'reports', 'finding', 'findings', 'severity', 'measured', 'history', 'settings',
  'save', 'saved', 'delete', 'open', 'show', 'loading', 'error', 'warning', 'update', 'updated', 'updates', 'available',
  'fixed', 'unchanged', 'appeared', 'before', 'after', 'back', 'language', 'month', 'monthly', 'print', 'summary', 'full',
  'download', 'copy', 'release', 'releases', 'vulnerability', 'vulnerabilities', 'advisory', 'component', 'components',
  'high', 'medium', 'low', 'critical', 'allows', 'attackers', 'remote', 'arbitrary',
];

const ENGLISH_CI = ENGLISH_WORDS.filter((w) => !w.startsWith('='));
const ENGLISH_CS = ENGLISH_WORDS.filter((w) => w.startsWith('=')).map((w) => w.slice(1));
const WORD_EDGE_L = "(?<![\\p{L}\\p{N}_'’-])";
const WORD_EDGE_R = "(?![\\p{L}\\p{N}_'’-])";

export const PATTERNS: readonly Pattern[] = [
  // `components.eol:jquery@1.12.4`: a rule id and its subject.
  { name: 'finding-id', re: new RegExp(`(?<![\\w.:/@-])(?:${alt(RULE_FAMILIES)})\\.[a-z0-9][a-z0-9-]*:[^\\s,;)»]+`, 'g') },
  // `csp.missing`, `transport.hsts-short`.
  { name: 'rule-id', re: new RegExp(`(?<![\\w.:/@-])(?:${alt(RULE_FAMILIES)})\\.[a-z0-9][a-z0-9-]*(?![\\w:-]|\\.[a-z0-9])`, 'g'), skipWhere: /^placeholder/ },
  // A raw message key: a known key, or two dots or more after a known first segment.
  {
    name: 'message-key',
    re: new RegExp(`(?<![\\w.:/@-])(?:${alt(KEY_PREFIXES)})(?:\\.[a-zA-Z0-9][\\w-]*)+(?![\\w-]|\\.[a-zA-Z0-9])`, 'g'),
    keep: (m) => KEY_SET.has(m) || ((m.match(/\./g)?.length ?? 0) >= 2 && !FILE_OR_HOST_END.test(m)),
  },
  // Any other lowercase identifier with two dots or more (`headers.csp.missing`), or one dot and a hyphen (`hsts.max-age`).
  {
    name: 'dotted-id',
    re: /(?<![\w.:/@-])[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*){2,}(?![\w-]|\.[a-z0-9])|(?<![\w.:/@-])[a-z][a-z0-9]*\.[a-z][a-z0-9]*-[a-z0-9-]+(?![\w.-])/g,
    keep: (m) => !FILE_OR_HOST_END.test(m),
  },
  // `P163M`, `P8Y9M`, `PT5S`, `P1DT2H`.
  { name: 'iso-duration', re: /(?<![\w-])(?:P(?:\d+[YMWD])+(?:T(?:\d+(?:[.,]\d+)?[HMS])+)?|PT(?:\d+(?:[.,]\d+)?[HMS])+)(?![\w-])/g },
  // `2026-05-01T10:00:00.000Z` (a day alone is a date written for people).
  { name: 'iso-timestamp', re: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g },
  // Evidence source keys as stored: `header:server`, `script-url:…`, `meta:generator`, `meta-generator`, `cookie:PHPSESSID`.
  {
    name: 'evidence-key',
    re: /(?<![\w-])(?:header|global|script-url|stylesheet-url|resource-url|script-file|cookie|readme|style|query-hint|extension-url|meta):(?=[\w*@./-])|(?<![\w-])meta-generator(?![\w-])/g,
  },
  // A message parameter left unfilled: `{domain}`, `{behind|duration}`.
  { name: 'unfilled-placeholder', re: /\{[a-zA-Z][\w]*(?:\|[\w:.-]+)?\}/g },
  { name: 'redaction-marker', re: /\[(?:redacted|masqué|caviardé|supprimé|expurgé|retiré)\]/gi },
  { name: 'js-value', re: /(?<![\w-])(?:undefined|null|NaN)(?![\w-])|\[object \w+\]/g },
  { name: 'english-on-french-page', re: new RegExp(`${WORD_EDGE_L}(?:${ENGLISH_CI.join('|')})${WORD_EDGE_R}`, 'giu'), langs: ['fr'] },
  { name: 'english-on-french-page', re: new RegExp(`${WORD_EDGE_L}(?:${ENGLISH_CS.join('|')})${WORD_EDGE_R}`, 'gu'), langs: ['fr'] },
];

/**
 * Technical names kept as they are in French text, masked before looking for English words only:
 * hyphenated header and directive names (`Strict-Transport-Security`, `X-Powered-By`,
 * `script-src`, `max-age`), quoted keywords (`'none'`, `'unsafe-inline'`), and the spelled-out
 * header names the score table uses.
 */
const TECHNICAL_NAMES = [
  /(?<![\p{L}\p{N}_])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+(?![\p{L}\p{N}_])/gu,
  /'[\w-]+'/g,
  /\b(?:Content Security Policy|Referrer Policy|Permissions Policy|HTTP Strict Transport Security|Subresource Integrity|Cross-Origin Resource Sharing)\b/g,
];

function contextOf(text: string, index: number, length: number): string {
  const room = Math.max(0, Math.floor((60 - length) / 2));
  const start = Math.max(0, index - room);
  const end = Math.min(text.length, index + length + room);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

/** URLs become `‹url›` (same length kept out: contexts stay readable). */
export function maskUrls(text: string): string {
  return text.replace(URL_RE, '‹url›');
}

function maskTechnicalNames(text: string): string {
  return TECHNICAL_NAMES.reduce((t, re) => t.replace(re, (m) => '·'.repeat(m.length)), text);
}

const ENGLISH = 'english-on-french-page';
/** Dotted tokens (versions, file names, identifiers): never English words, whatever their parts. */
const DOTTED = /[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+/gu;

/**
 * The machine values in one piece of text read on a page in `lang`. A span is reported once, by
 * the first pattern that matches it; English words are reported once per line, all together.
 */
export function findMachineText(text: string, lang: Lang, where = 'text'): Offence[] {
  const masked = maskUrls(text);
  const out: Offence[] = [];
  const taken: Array<[number, number]> = [];
  for (const pattern of PATTERNS) {
    if (pattern.langs && !pattern.langs.includes(lang)) continue;
    if (pattern.skipWhere?.test(where)) continue;
    if (pattern.name === ENGLISH) continue;
    for (const m of masked.matchAll(pattern.re)) {
      if (pattern.keep && !pattern.keep(m[0])) continue;
      const [start, end] = [m.index!, m.index! + m[0].length];
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      out.push({ pattern: pattern.name, match: m[0], context: contextOf(masked, start, m[0].length) });
    }
  }
  const english = PATTERNS.filter((p) => p.name === ENGLISH && (!p.langs || p.langs.includes(lang)));
  if (english.length) {
    for (const line of masked.split(/\n+/)) {
      const haystack = maskTechnicalNames(line).replace(DOTTED, (m) => '·'.repeat(m.length));
      const found = english.flatMap((p) => [...haystack.matchAll(p.re)]).sort((a, b) => a.index! - b.index!);
      if (!found.length) continue;
      const first = found[0]!.index!;
      const start = Math.max(0, first - 10);
      const context = `${start > 0 ? '…' : ''}${line.slice(start, start + 80).replace(/\s+/g, ' ').trim()}${start + 80 < line.length ? '…' : ''}`;
      out.push({ pattern: ENGLISH, match: [...new Set(found.map((m) => m[0]))].join(', '), context });
    }
  }
  return out;
}

/** Every offence of a page, one line each: `where · pattern · "match" in "context"`. */
export function offencesOf(texts: readonly ReadText[], lang: Lang): string[] {
  const lines = new Set<string>();
  for (const { where, text } of texts) {
    for (const o of findMachineText(text, lang, where)) lines.add(`${where} · ${o.pattern} · "${o.match}" in "${o.context}"`);
  }
  return [...lines];
}

export interface Heading {
  level: number;
  text: string;
}

/** Headings of the same level and the same text, shown more than once on a page. */
export function duplicateHeadings(headings: readonly Heading[]): string[] {
  const counts = new Map<string, number>();
  for (const h of headings) {
    const text = h.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const key = `h${h.level} "${text}"`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
}

/** A passage in another language than the page's, and the text just before it (its label). */
export interface ForeignPassage {
  tag: string;
  lang: string;
  text: string;
  label: string;
}

/** Languages' names in themselves: an option "English" marked lang="en" on a French page is right. */
const AUTONYMS: Record<string, string> = { en: 'English', fr: 'Français' };
/** What says that a passage is quoted as the source wrote it. */
const ORIGINAL_LABEL = /original|d['’]origine|en anglais|in French|in English|texte source|as published/i;

/**
 * Text in another language is allowed only as a labelled original (an advisory title quoted from
 * its source, say): the text just before it or its parent's says so. A language's own name is
 * allowed as it is.
 */
export function unlabelledForeign(passages: readonly ForeignPassage[]): string[] {
  return passages
    .filter((p) => {
      const base = p.lang.toLowerCase().split('-')[0]!;
      if (AUTONYMS[base] && p.text.trim() === AUTONYMS[base]) return false;
      return !ORIGINAL_LABEL.test(p.label);
    })
    .map((p) => `<${p.tag} lang="${p.lang}"> "${p.text.slice(0, 60)}" without a label saying it is the original (before it: "${p.label.slice(-60)}")`);
}
