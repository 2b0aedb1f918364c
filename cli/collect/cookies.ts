/**
 * Cookie flags from Set-Cookie headers (RFC 6265 attribute parsing). Values are never kept: only
 * the name and the attributes go into the items; the raw headers are redacted by buildAudit.
 */
import { LIMITS } from '../../lib/evidence/limits';
import type { CookiesEvidence } from '../../lib/evidence/schema';

type CookieItem = CookiesEvidence['items'][number];

function defaultPath(url: URL): string {
  const path = url.pathname;
  if (!path.startsWith('/') || path.lastIndexOf('/') === 0) return '/';
  return path.slice(0, path.lastIndexOf('/'));
}

export function parseSetCookie(header: string, requestUrl: URL, now: Date): CookieItem {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  const name = (eq === -1 ? '' : pair.slice(0, eq)).trim().slice(0, 256);
  let domain: string | null = null;
  let path: string | null = null;
  let secure = false;
  let httpOnly = false;
  let sameSite: CookieItem['sameSite'] = 'unspecified';
  let maxAge: number | null = null;
  let expires: number | null = null;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at === -1 ? '' : attribute.slice(at + 1).trim();
    if (key === 'domain' && value) domain = value.replace(/^\./, '').toLowerCase();
    else if (key === 'path') path = value.startsWith('/') ? value : null;
    else if (key === 'secure') secure = true;
    else if (key === 'httponly') httpOnly = true;
    else if (key === 'samesite') {
      const v = value.toLowerCase();
      sameSite = v === 'strict' ? 'strict' : v === 'lax' ? 'lax' : v === 'none' ? 'none' : 'unspecified';
    } else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires') {
      const parsed = Date.parse(value);
      if (!Number.isNaN(parsed)) expires = parsed;
    }
  }
  const expirationMs = maxAge !== null ? now.getTime() + maxAge * 1000 : expires;
  return {
    name,
    // Like the browser's cookie jar: a leading dot marks a cookie shared with subdomains.
    domain: (domain ? `.${domain}` : requestUrl.hostname.toLowerCase()).slice(0, 253),
    path: (path ?? defaultPath(requestUrl)).slice(0, 1024),
    secure,
    httpOnly,
    sameSite,
    session: expirationMs === null,
    hostOnly: domain === null,
    ...(expirationMs !== null ? { expirationDate: Math.round(expirationMs / 1000) } : {}),
  };
}

/** Every Set-Cookie of the responses (in order), each parsed separately. */
export function cookiesEvidenceOf(responses: ReadonlyArray<{ url: string; headers: readonly [string, string][] }>, now: Date): CookiesEvidence {
  const items: CookieItem[] = [];
  const setCookieHeaders: string[] = [];
  for (const response of responses) {
    const url = new URL(response.url);
    for (const [name, value] of response.headers) {
      if (name.toLowerCase() !== 'set-cookie' || items.length >= LIMITS.cookies) continue;
      items.push(parseSetCookie(value, url, now));
      setCookieHeaders.push(value.slice(0, LIMITS.headerValue));
    }
  }
  return { source: 'set-cookie', items, setCookieHeaders };
}
