/**
 * Set-Cookie (RFC 6265bis §5.6): `name=value *( ";" attribute )`. The cookie value is never kept:
 * only its name and attributes matter here, and values may be secrets.
 */
export type SameSite = 'strict' | 'lax' | 'none' | 'invalid' | null;

export interface SetCookie {
  name: string;
  secure: boolean;
  httpOnly: boolean;
  /** null when the attribute is absent, 'invalid' when present with an unknown value. */
  sameSite: SameSite;
  domain: string | null;
  path: string | null;
  /** True when the cookie has neither Max-Age nor Expires (deleted when the browser closes). */
  session: boolean;
}

const MAX_INPUT = 8192;

export function parseSameSite(raw: string | undefined): SameSite {
  const value = (raw ?? '').trim().toLowerCase();
  return value === 'strict' || value === 'lax' || value === 'none' ? value : 'invalid';
}

/** Returns null when the header has no cookie name (browsers ignore such a header). */
export function parseSetCookie(raw: string): SetCookie | null {
  const parts = raw.slice(0, MAX_INPUT).split(';');
  const pair = parts.shift() ?? '';
  const eq = pair.indexOf('=');
  const name = (eq === -1 ? '' : pair.slice(0, eq)).trim();
  if (eq === -1 && pair.trim() === '') return null;
  const cookie: SetCookie = { name: name.slice(0, 256), secure: false, httpOnly: false, sameSite: null, domain: null, path: null, session: true };
  for (const part of parts) {
    const at = part.indexOf('=');
    const key = (at === -1 ? part : part.slice(0, at)).trim().toLowerCase();
    const value = at === -1 ? undefined : part.slice(at + 1).trim();
    if (key === 'secure') cookie.secure = true;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'samesite') cookie.sameSite = parseSameSite(value);
    else if (key === 'domain' && value) cookie.domain = value.replace(/^\./, '').toLowerCase().slice(0, 253);
    else if (key === 'path' && value) cookie.path = value.slice(0, 1024);
    else if (key === 'max-age' || key === 'expires') cookie.session = false;
  }
  return cookie;
}

/** Names that look like a login session: the Observatory's "sess"/"login" plus common framework names. */
export function looksLikeSession(name: string): boolean {
  const n = name.toLowerCase();
  // Anti-CSRF tokens (XSRF-TOKEN) are meant to be read by scripts (double-submit pattern).
  if (looksLikeAntiCsrf(n)) return false;
  return /sess|login|logged[_-]?in|remember[_-]?me/.test(n) || /(^|[_.-])(sid|auth|jwt|token)([_.-]|$)/.test(n);
}

export function looksLikeAntiCsrf(name: string): boolean {
  return /csrf|xsrf/i.test(name);
}

/** Cookie name prefixes (RFC 6265bis §4.1.3): what each one requires of the cookie. */
export function prefixProblem(cookie: { name: string; secure: boolean; path: string | null; domain: string | null; hostOnly?: boolean }): '__Host-' | '__Secure-' | null {
  if (cookie.name.startsWith('__Host-')) {
    const hostOnly = cookie.hostOnly ?? cookie.domain === null;
    if (!cookie.secure || !hostOnly || (cookie.path !== null && cookie.path !== '/')) return '__Host-';
  } else if (cookie.name.startsWith('__Secure-')) {
    if (!cookie.secure) return '__Secure-';
  }
  return null;
}
