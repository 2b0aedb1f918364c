/** Every cookie name the evidence shows, from the cookie jar, document.cookie and Set-Cookie lines. */
import { headerValues, type Evidence } from '../evidence/schema';

const MAX_NAMES = 600;

function setCookieName(line: string): string | null {
  const eq = line.indexOf('=');
  if (eq <= 0) return null;
  const name = line.slice(0, eq).trim();
  return name.length > 0 && name.length <= 256 ? name : null;
}

export function cookieNames(evidence: Evidence): string[] {
  const names = new Set<string>();
  const add = (name: string | null | undefined) => {
    if (name && names.size < MAX_NAMES) names.add(name);
  };
  for (const name of evidence.page?.documentCookieNames ?? []) add(name);
  for (const item of evidence.cookies?.items ?? []) add(item.name);
  for (const line of evidence.cookies?.setCookieHeaders ?? []) add(setCookieName(line));
  for (const line of headerValues(evidence.headers, 'set-cookie')) add(setCookieName(line));
  return [...names];
}
