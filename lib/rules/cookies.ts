import type { EvidenceItem } from '../audit/schema';
import type { Evidence } from '../evidence/schema';
import { looksLikeAntiCsrf, looksLikeSession, parseSetCookie, prefixProblem, type SameSite } from '../headers/set-cookie';
import { defineRules, type RuleHit } from './types';

/** A cookie as the rules see it: from the cookie jar, or parsed from a Set-Cookie header. Never its value. */
interface CookieView { name: string; secure: boolean; httpOnly: boolean; sameSite: SameSite; path: string | null; domain: string | null; hostOnly: boolean }

function cookiesOf(evidence: Evidence): CookieView[] {
  const jar = evidence.cookies!;
  const views: CookieView[] = jar.items.map((c) => ({
    name: c.name, secure: c.secure, httpOnly: c.httpOnly, sameSite: c.sameSite === 'unspecified' ? null : c.sameSite,
    path: c.path, domain: c.domain, hostOnly: c.hostOnly,
  }));
  const known = new Set(views.map((v) => v.name));
  for (const raw of jar.setCookieHeaders) {
    const c = parseSetCookie(raw);
    if (!c || c.name === '' || known.has(c.name)) continue;
    known.add(c.name);
    views.push({ ...c, hostOnly: c.domain === null });
  }
  return views.slice(0, 200);
}

function describe(c: CookieView): string {
  const flags = [c.secure ? 'Secure' : null, c.httpOnly ? 'HttpOnly' : null, c.sameSite ? `SameSite=${c.sameSite}` : null].filter(Boolean);
  return `${c.name}${flags.length ? `; ${flags.join('; ')}` : ''}${c.domain ? ` (domain ${c.domain}${c.path ? `, path ${c.path}` : ''})` : ''}`;
}

const item = (c: CookieView): EvidenceItem => ({ label: 'evidence.cookie', value: describe(c) });

function perCookie(evidence: Evidence, pick: (c: CookieView) => Omit<RuleHit, 'subject' | 'evidence'> | null): RuleHit[] {
  return cookiesOf(evidence).flatMap((c) => {
    const hit = pick(c);
    return hit ? [{ ...hit, subject: c.name.slice(0, 200), params: { cookie: c.name.slice(0, 200), ...(hit.params ?? {}) }, evidence: [item(c)] }] : [];
  });
}

const onHttps = (evidence: Evidence) => (evidence.headers?.url ?? evidence.page?.url ?? evidence.url).toLowerCase().startsWith('https:');

export const cookiesRules = defineRules([
  {
    id: 'cookies.secure-missing',
    family: 'cookies',
    severity: 'medium',
    priority: 'P2',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['cookies'],
    check: (evidence) =>
      onHttps(evidence)
        ? perCookie(evidence, (c) => (c.secure ? null : looksLikeSession(c.name) ? { severity: 'high' } : { severity: 'low', priority: 'P3' }))
        : [],
  },
  {
    id: 'cookies.httponly-missing',
    family: 'cookies',
    severity: 'high',
    priority: 'P2',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['cookies'],
    check: (evidence) => perCookie(evidence, (c) => (looksLikeSession(c.name) && !c.httpOnly ? {} : null)),
  },
  {
    id: 'cookies.samesite-missing',
    family: 'cookies',
    severity: 'low',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['cookies'],
    check: (evidence) =>
      perCookie(evidence, (c) => {
        if (c.sameSite !== null) return null;
        if (looksLikeAntiCsrf(c.name)) return { severity: 'medium' };
        return looksLikeSession(c.name) ? {} : null;
      }),
  },
  {
    id: 'cookies.samesite-invalid',
    family: 'cookies',
    severity: 'medium',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['cookies'],
    // An unknown SameSite value is ignored; SameSite=None without Secure makes browsers reject the cookie.
    check: (evidence) => perCookie(evidence, (c) => (c.sameSite === 'invalid' || (c.sameSite === 'none' && !c.secure) ? { params: { value: c.sameSite ?? '' } } : null)),
  },
  {
    id: 'cookies.prefix-invalid',
    family: 'cookies',
    severity: 'medium',
    priority: 'P3',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['cookies'],
    check: (evidence) => perCookie(evidence, (c) => {
      const prefix = prefixProblem(c);
      return prefix ? { params: { prefix } } : null;
    }),
  },
  {
    id: 'cookies.session-readable-by-scripts',
    family: 'cookies',
    severity: 'high',
    priority: 'P2',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['page'],
    // Works without the cookies permission: a name visible in document.cookie has no HttpOnly flag.
    // With the permission, cookies.httponly-missing says the same with more detail.
    check: (evidence) => {
      if (evidence.cookies) return [];
      return evidence.page!.documentCookieNames.filter(looksLikeSession).slice(0, 50).map((name) => ({
        subject: name.slice(0, 200),
        params: { cookie: name.slice(0, 200) },
        evidence: [{ label: 'evidence.document-cookie', value: name }],
      }));
    },
  },
]);
