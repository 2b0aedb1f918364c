/**
 * The Observatory's cookie test. Cookies come from the cookie jar (optional `cookies` permission) or the
 * Set-Cookie headers (CLI). Without either, the session-looking names that scripts can read
 * (document.cookie) still prove one fault: a session cookie without HttpOnly.
 */
import type { Evidence } from '../../evidence/schema';
import { parseSetCookie, type SameSite } from '../../headers/set-cookie';
import { NOT_MEASURED } from '../table';
import { outcome, type TestOutcome } from '../outcome';
import { hstsTest } from './hsts';

/** Worst last: a later entry replaces an earlier one, never the reverse. */
const ORDER = [
  'cookies-without-secure-flag-but-protected-by-hsts',
  'cookies-without-secure-flag',
  'cookies-session-without-secure-flag-but-protected-by-hsts',
  'cookies-samesite-flag-invalid',
  'cookies-anticsrf-without-samesite-flag',
  'cookies-session-without-httponly-flag',
  'cookies-session-without-secure-flag',
];

/** Load-balancer cookie the Observatory leaves out of its verdict. */
const IGNORED = new Set(['heroku-session-affinity']);

/** The Observatory's notion of a session cookie: its name contains "sess" or "login". */
export const observatorySession = (name: string) => /sess|login/i.test(name);
const antiCsrf = (name: string) => /csrf/i.test(name);

interface JudgedCookie { name: string; secure: boolean; httpOnly: boolean; sameSite: SameSite }

function worse(current: string | null, candidate: string): string {
  if (current === null) return candidate;
  return ORDER.indexOf(candidate) > ORDER.indexOf(current) ? candidate : current;
}

function judgedCookies(evidence: Evidence): { cookies: JudgedCookie[]; invalidSameSite: boolean } | null {
  const jar = evidence.cookies;
  if (!jar) return null;
  const parsed = jar.setCookieHeaders.map(parseSetCookie).filter((c) => c !== null);
  const invalidSameSite = parsed.some((c) => c.sameSite === 'invalid');
  const fromItems: JudgedCookie[] = jar.items.map((c) => ({
    name: c.name, secure: c.secure, httpOnly: c.httpOnly, sameSite: c.sameSite === 'unspecified' ? null : c.sameSite,
  }));
  const cookies = fromItems.length ? fromItems : parsed.map((c) => ({ name: c.name, secure: c.secure, httpOnly: c.httpOnly, sameSite: c.sameSite === 'invalid' ? null : c.sameSite }));
  return { cookies: cookies.filter((c) => c.name !== '' && !IGNORED.has(c.name)), invalidSameSite };
}

export function cookiesResult(evidence: Evidence): string {
  const judged = judgedCookies(evidence);
  if (judged === null) {
    const readable = evidence.page?.documentCookieNames ?? [];
    return readable.some(observatorySession) ? 'cookies-session-without-httponly-flag' : NOT_MEASURED;
  }
  const hsts = hstsTest(evidence).pass === true;
  let result: string | null = judged.invalidSameSite ? 'cookies-samesite-flag-invalid' : null;
  if (judged.cookies.length === 0) return 'cookies-not-found';
  let missingSameSite = false;
  for (const c of judged.cookies) {
    const session = observatorySession(c.name);
    if (!c.secure && c.sameSite === 'none') result = worse(result, 'cookies-samesite-flag-invalid');
    if (!c.secure) result = worse(result, hsts ? 'cookies-without-secure-flag-but-protected-by-hsts' : 'cookies-without-secure-flag');
    if (antiCsrf(c.name) && c.sameSite === null) result = worse(result, 'cookies-anticsrf-without-samesite-flag');
    if (session && !c.secure) result = worse(result, hsts ? 'cookies-session-without-secure-flag-but-protected-by-hsts' : 'cookies-session-without-secure-flag');
    if (session && !c.httpOnly) result = worse(result, 'cookies-session-without-httponly-flag');
    if (c.sameSite === null) missingSameSite = true;
  }
  if (result !== null) return result;
  return missingSameSite ? 'cookies-secure-with-httponly-sessions' : 'cookies-secure-with-httponly-sessions-and-samesite';
}

export function cookiesTest(evidence: Evidence): TestOutcome {
  return outcome('cookies', cookiesResult(evidence));
}
