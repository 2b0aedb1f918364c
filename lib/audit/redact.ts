/**
 * Evidence never keeps secrets: URL query strings and fragments, cookie values and token-like
 * strings are replaced before an audit is saved or exported.
 */
import type { Evidence } from '../evidence/schema';
import type { EvidenceItem, Finding } from './schema';

export const REDACTED = '[redacted]';

/** Drops the query string and fragment of a URL, keeping a marker that one was there. */
export function redactUrl(value: string): string {
  const cut = value.search(/[?#]/);
  if (cut < 0) return value;
  return `${value.slice(0, cut)}${value[cut] === '?' ? '?' : '#'}${REDACTED}`;
}

// JWTs, long hex or base64 runs, and key=value pairs whose key names a secret. Each pattern can
// only start where a word starts (lookbehind) and its repetitions are bounded, so page-supplied
// text of any shape is scanned in linear time (tests/fuzz/redact.property.test.ts).
const JWT = /(?<![\w-])eyJ[\w-]{5,4096}\.[\w-]{5,8192}\.[\w-]{5,4096}/g;
const LONG_TOKEN = /(?<![A-Za-z0-9+/_.=-])[A-Za-z0-9+/_-]{32,}={0,2}(?![\w/.-])/g;
const SECRET_PAIR = /(?<![\w-])([\w-]{0,64}?(?:token|secret|password|passwd|session|sessid|api[-_]?key|auth)[\w-]{0,64}\s{0,8}[=:]\s{0,8})([^;,\s&]{1,4096})/gi;

/** A long run counts as a token only when it mixes letters and digits (not a word, not a number). */
const tokenLike = (run: string) => (/\d/.test(run) && /[A-Za-z]/.test(run) ? REDACTED : run);

export function redactText(value: string): string {
  return value.replace(JWT, REDACTED).replace(SECRET_PAIR, `$1${REDACTED}`).replace(LONG_TOKEN, tokenLike);
}

/** A Set-Cookie or Cookie header keeps cookie names and attributes, never values. */
export function redactCookieHeader(value: string): string {
  return value
    .split(/,(?=\s*[^;,=\s]+=)/)
    .map((cookie) => {
      const [pair = '', ...attributes] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = eq >= 0 ? pair.slice(0, eq).trim() : pair.trim();
      return [`${name}=${REDACTED}`, ...attributes.map((a) => a.trim())].join('; ');
    })
    .join(', ');
}

const URL_HEADERS = new Set(['location', 'content-location', 'refresh', 'link']);

const MAX_VALUE = 16_384;

/** URLs inside free text (a Refresh header, a message parameter) lose their query and fragment. */
export function redactUrlsInText(value: string): string {
  // Commas and semicolons may sit inside a URL (a.js,b.js?id=…): only trailing punctuation is left out.
  return value.replace(/(?<![\w+.-])(?:https?|wss?|ftp):\/\/[^\s<>"'`]{1,8192}/gi, (match) => {
    // Already redacted ("…?[redacted]"): the closing bracket is part of the marker, not punctuation.
    const trailing = match.endsWith(REDACTED) ? '' : /[.,;:!?)\]]*$/.exec(match)![0];
    return redactUrl(match.slice(0, match.length - trailing.length)) + trailing;
  });
}

export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  // Redaction may lengthen a value ("[redacted]" replaces short values): keep it within the schema's bound.
  if (lower === 'set-cookie' || lower === 'cookie') return redactCookieHeader(value).slice(0, MAX_VALUE);
  if (URL_HEADERS.has(lower)) return redactText(redactUrlsInText(value)).slice(0, MAX_VALUE);
  return redactText(value).slice(0, MAX_VALUE);
}

/** Any message parameter or evidence value: URLs lose their query, secrets are replaced. */
export function redactValue(value: string): string {
  return redactText(redactUrlsInText(value)).slice(0, MAX_VALUE);
}

export function redactParams<T extends Record<string, string | number>>(params: T): T {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) out[key] = typeof value === 'string' ? redactValue(value) : value;
  return out as T;
}

export function redactEvidence(evidence: Evidence): Evidence {
  const page = evidence.page;
  return {
    ...evidence,
    url: redactUrl(evidence.url),
    headers: evidence.headers && {
      ...evidence.headers,
      url: redactUrl(evidence.headers.url),
      headers: evidence.headers.headers.map(([n, v]) => [n, redactHeader(n, v)] as [string, string]),
    },
    page: page && {
      ...page,
      url: redactUrl(page.url),
      title: redactText(page.title).slice(0, 1024),
      scripts: page.scripts.map((s) => ({ ...s, src: redactUrl(s.src) })),
      stylesheets: page.stylesheets.map((s) => ({ ...s, href: redactUrl(s.href) })),
      forms: page.forms.map((f) => ({ ...f, action: redactUrl(f.action) })),
      resources: page.resources.map((r) => ({ ...r, name: redactUrl(r.name) })),
      subresources: page.subresources.map((r) => ({ ...r, url: redactUrl(r.url) })),
      metaHttpEquiv: page.metaHttpEquiv.map((m) => ({ ...m, content: (m.name.toLowerCase() === 'set-cookie' ? redactCookieHeader(m.content) : redactText(m.content)).slice(0, MAX_VALUE) })),
    },
    cookies: evidence.cookies && { ...evidence.cookies, setCookieHeaders: evidence.cookies.setCookieHeaders.map(redactCookieHeader) },
    httpVariant: evidence.httpVariant && {
      ...evidence.httpVariant,
      url: redactUrl(evidence.httpVariant.url),
      ...(evidence.httpVariant.finalUrl ? { finalUrl: redactUrl(evidence.httpVariant.finalUrl) } : {}),
      hops: evidence.httpVariant.hops.map((h) => ({ ...h, url: redactUrl(h.url) })),
    },
    scriptFiles: evidence.scriptFiles && { files: evidence.scriptFiles.files.map((f) => ({ ...f, url: redactUrl(f.url), head: redactText(f.head).slice(0, 4096) })) },
    securityTxt: evidence.securityTxt && { ...evidence.securityTxt, url: redactUrl(evidence.securityTxt.url) },
    cors: evidence.cors && { ...evidence.cors, headers: evidence.cors.headers.map(([n, v]) => [n, redactHeader(n, v)] as [string, string]) },
  };
}

export function redactEvidenceItem(item: EvidenceItem): EvidenceItem {
  // An advisory is Vigie's own knowledge-base record (its id, its public page), not page content:
  // its identifiers are not secrets (a Wordfence id is a UUID, which the token pattern would hide).
  if (item.label === 'evidence.components.advisory') return { ...item, value: redactUrlsInText(item.value).slice(0, MAX_VALUE) };
  if (item.label === 'evidence.url' || item.label === 'evidence.script') return { ...item, value: redactUrl(item.value).slice(0, MAX_VALUE) };
  if (item.label === 'evidence.header') {
    const colon = item.value.indexOf(':');
    const name = colon > 0 ? item.value.slice(0, colon) : '';
    return { ...item, value: colon > 0 ? `${name}: ${redactHeader(name, item.value.slice(colon + 1).trim())}`.slice(0, MAX_VALUE) : redactValue(item.value) };
  }
  return { ...item, value: redactValue(item.value) };
}

/** A finding's message parameters and evidence: URLs lose their query, header lines and text lose secrets. */
export function redactFinding(finding: Finding): Finding {
  return {
    ...finding,
    ...(finding.subject !== undefined ? { subject: redactValue(finding.subject).slice(0, 300) } : {}),
    message: { ...finding.message, params: redactParams(finding.message.params) },
    title: redactValue(finding.title).slice(0, 2000),
    evidence: finding.evidence.map(redactEvidenceItem),
  };
}

/** Where a technology was seen: script URLs keep their path, never their query. */
export function redactTechnology<T extends { sources: string[] }>(tech: T): T {
  return { ...tech, sources: tech.sources.map((s) => redactValue(s).slice(0, 200)) };
}
