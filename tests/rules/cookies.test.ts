import { describe, expect, it } from 'vitest';
import { cookie, evidence } from '../fixtures/headers/build';
import { fires, run, subjects } from './run';

const jar = (items: ReturnType<typeof cookie>[], setCookieHeaders: string[] = []) => evidence({ cookies: { source: 'cookies-api', items, setCookieHeaders } });

describe('cookie flag rules', () => {
  it('secure-missing: high for a session cookie, low otherwise', () => {
    const hits = run('cookies.secure-missing', jar([cookie('PHPSESSID', { secure: false }), cookie('theme', { secure: false }), cookie('ok')]))!;
    expect(hits.map((h) => [h.subject, h.severity])).toEqual([['PHPSESSID', 'high'], ['theme', 'low']]);
  });
  it('secure-missing does not apply to an http:// site (https-missing says it all)', () => {
    expect(fires('cookies.secure-missing', evidence({ url: 'http://shop.example.fr/', cookies: { source: 'cookies-api', items: [cookie('sid', { secure: false })], setCookieHeaders: [] } }))).toBe(false);
  });
  it('httponly-missing only for session-looking cookies', () => {
    expect(subjects('cookies.httponly-missing', jar([cookie('wordpress_logged_in_1a2b', { httpOnly: false }), cookie('_ga', { httpOnly: false })]))).toEqual(['wordpress_logged_in_1a2b']);
  });
  it('samesite-missing: anti-CSRF cookies rank higher', () => {
    const hits = run('cookies.samesite-missing', jar([cookie('csrftoken', { sameSite: 'unspecified' }), cookie('sessionid', { sameSite: 'unspecified' }), cookie('lang', { sameSite: 'unspecified' })]))!;
    expect(hits.map((h) => [h.subject, h.severity])).toEqual([['csrftoken', 'medium'], ['sessionid', undefined]]);
  });
  it('reads several Set-Cookie headers (CLI) and flags invalid SameSite and None without Secure', () => {
    const e = evidence({ cookies: { source: 'set-cookie', items: [], setCookieHeaders: ['a=1; Secure; SameSite=Strictly', 'b=2; SameSite=None', 'c=3; Secure; HttpOnly; SameSite=Lax'] } });
    expect(subjects('cookies.samesite-invalid', e)).toEqual(['a', 'b']);
    expect(subjects('cookies.secure-missing', e)).toEqual(['b']);
  });
  it('prefix-invalid checks __Host- and __Secure-', () => {
    expect(subjects('cookies.prefix-invalid', jar([cookie('__Host-id', { hostOnly: false, domain: '.example.fr' }), cookie('__Secure-x', { secure: false }), cookie('__Host-ok')]))).toEqual(['__Host-id', '__Secure-x']);
  });
  it('never puts a cookie value in the evidence', () => {
    const e = evidence({ cookies: { source: 'set-cookie', items: [], setCookieHeaders: ['sessionid=VERY-SECRET-VALUE; Path=/'] } });
    expect(JSON.stringify(run('cookies.httponly-missing', e))).not.toContain('VERY-SECRET-VALUE');
  });
  it('are skipped without the cookies permission', () => {
    expect(run('cookies.secure-missing', evidence())).toBeNull();
  });
});

describe('cookies.session-readable-by-scripts', () => {
  it('reports session-looking cookies from document.cookie when the jar is not available', () => {
    const e = evidence({ page: { documentCookieNames: ['_ga', 'PHPSESSID', 'XSRF-TOKEN'] } });
    expect(subjects('cookies.session-readable-by-scripts', e)).toEqual(['PHPSESSID']);
  });
  it('leaves it to httponly-missing when the jar was read', () => {
    const e = evidence({ page: { documentCookieNames: ['PHPSESSID'] }, cookies: { source: 'cookies-api', items: [cookie('PHPSESSID', { httpOnly: false })], setCookieHeaders: [] } });
    expect(fires('cookies.session-readable-by-scripts', e)).toBe(false);
    expect(fires('cookies.httponly-missing', e)).toBe(true);
  });
});
