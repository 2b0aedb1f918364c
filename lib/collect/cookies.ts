/** The site's cookies from the browser's cookie jar (optional `cookies` permission): flags only, never values. */
import { browser } from 'wxt/browser';
import { LIMITS } from '../evidence/limits';
import type { CookiesEvidence } from '../evidence/schema';
import { permissionRequestFor } from '../permissions';

type JarCookie = { name: string; domain: string; path: string; secure: boolean; httpOnly: boolean; sameSite?: string; session?: boolean; hostOnly?: boolean; expirationDate?: number };

export function toCookieItem(cookie: JarCookie): CookiesEvidence['items'][number] {
  const sameSite = (cookie.sameSite ?? '').toLowerCase();
  return {
    name: cookie.name.slice(0, 256),
    domain: cookie.domain.slice(0, 253),
    path: cookie.path.slice(0, 1024),
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    // Chrome says no_restriction/lax/strict/unspecified; Firefox no_restriction/lax/strict.
    sameSite: sameSite === 'strict' ? 'strict' : sameSite === 'lax' ? 'lax' : sameSite === 'no_restriction' || sameSite === 'none' ? 'none' : 'unspecified',
    session: cookie.session ?? cookie.expirationDate === undefined,
    hostOnly: cookie.hostOnly ?? !cookie.domain.startsWith('.'),
    ...(cookie.expirationDate !== undefined ? { expirationDate: cookie.expirationDate } : {}),
  };
}

export async function hasGrant(request: { permissions: string[]; origins: string[] }): Promise<boolean> {
  try {
    return await browser.permissions.contains(request as Parameters<typeof browser.permissions.contains>[0]);
  } catch {
    return false;
  }
}

export async function collectCookies(pageUrl: string): Promise<CookiesEvidence | null> {
  if (!(await hasGrant(permissionRequestFor('cookies', pageUrl)))) return null;
  const cookies = (await browser.cookies.getAll({ url: pageUrl })) as JarCookie[];
  return { source: 'cookies-api', items: cookies.slice(0, LIMITS.cookies).map(toCookieItem), setCookieHeaders: [] };
}
