import { describe, expect, it } from 'vitest';
import { analyseCors } from '../../lib/headers/cors';
import { parseCoep, parseCoop, parseCorp, structuredToken } from '../../lib/headers/cross-origin';
import { evaluatePolicy, parsePolicy, splitPolicies } from '../../lib/headers/csp';
import { HSTS_ONE_YEAR, parseHsts } from '../../lib/headers/hsts';
import { featuresOpenToAll, parsePermissionsPolicy } from '../../lib/headers/permissions-policy';
import { parseReferrerPolicy } from '../../lib/headers/referrer-policy';
import { looksLikeSession, parseSetCookie, prefixProblem } from '../../lib/headers/set-cookie';
import { registrableDomain, sameSite } from '../../lib/headers/site';
import { checkScripts } from '../../lib/headers/sri';
import { parseXFrameOptions } from '../../lib/headers/x-frame-options';

describe('parseHsts', () => {
  it('reads a complete header, whatever the case and spacing', () => {
    expect(parseHsts('MAX-AGE = 31536000 ;  IncludeSubDomains;preload')).toEqual({ valid: true, maxAge: HSTS_ONE_YEAR, includeSubDomains: true, preload: true, problems: [] });
  });
  it('accepts a quoted max-age, as RFC 6797 allows', () => {
    expect(parseHsts('max-age="300"').maxAge).toBe(300);
  });
  it('rejects a header without max-age, with a non-number, or repeated directives', () => {
    expect(parseHsts('includeSubDomains; preload')).toMatchObject({ valid: false, problems: ['no-max-age'] });
    expect(parseHsts('max-age=one-year')).toMatchObject({ valid: false, maxAge: null });
    expect(parseHsts('max-age=10; max-age=20').problems).toContain('duplicate-directive');
  });
  it('flags two headers joined by a comma but reads the first one', () => {
    const h = parseHsts('max-age=15768000; includeSubDomains, max-age=15768000; includeSubDomains');
    expect(h.valid).toBe(false);
    expect(h.problems).toContain('several-headers');
    expect(h.maxAge).toBe(15_768_000);
  });
  it('reads max-age=0 as zero (HSTS switched off)', () => {
    expect(parseHsts('max-age=0')).toMatchObject({ valid: true, maxAge: 0 });
  });
  it('treats an empty value as invalid', () => {
    expect(parseHsts('  ')).toMatchObject({ valid: false, problems: ['empty'] });
  });
});

describe('parseReferrerPolicy', () => {
  it('keeps the last token the browser knows, case-insensitively', () => {
    expect(parseReferrerPolicy(['no-referrer, whimsy']).policy).toBe('no-referrer');
    expect(parseReferrerPolicy(['no-referrer, unsafe-url']).policy).toBe('unsafe-url');
    expect(parseReferrerPolicy(['STRICT-ORIGIN']).policy).toBe('strict-origin');
  });
  it('lets a later meta value override the header', () => {
    expect(parseReferrerPolicy(['unsafe-url', 'no-referrer, same-origin']).policy).toBe('same-origin');
  });
  it('returns null with the unknown tokens when nothing is recognised', () => {
    expect(parseReferrerPolicy(['whimsy, whimsy1'])).toEqual({ policy: null, unknownTokens: ['whimsy', 'whimsy1'] });
  });
});

describe('parseXFrameOptions', () => {
  it('recognises DENY, SAMEORIGIN and ALLOW-FROM in any case', () => {
    expect(parseXFrameOptions(' deny ')).toBe('deny');
    expect(parseXFrameOptions('SameOrigin')).toBe('sameorigin');
    expect(parseXFrameOptions('ALLOW-FROM https://a.example')).toBe('allow-from');
  });
  it('rejects duplicates joined by a comma and unknown values', () => {
    expect(parseXFrameOptions('SAMEORIGIN, SAMEORIGIN')).toBe('invalid');
    expect(parseXFrameOptions('whimsy')).toBe('invalid');
  });
});

describe('cross-origin policies', () => {
  it('reads COOP and COEP as structured-field tokens, parameters allowed', () => {
    expect(parseCoop(['same-origin; report-to="coop"'])).toBe('same-origin');
    expect(parseCoop(['same-origin; report-to'])).toBe('same-origin');
    expect(parseCoep(['credentialless'])).toBe('credentialless');
  });
  it('rejects quoted strings, wrong case, broken parameters and several headers', () => {
    expect(parseCoop(['"same-origin"'])).toBeNull();
    expect(parseCoop(['Same-Origin'])).toBeNull();
    expect(parseCoep(['require-corp; report-to=coep endpoint'])).toBeNull();
    expect(parseCoep(['require-corp', 'unsafe-none'])).toBeNull();
    expect(structuredToken('')).toBeNull();
  });
  it('reads CORP keywords', () => {
    expect(parseCorp(['same-site'])).toBe('same-site');
    expect(parseCorp(['whimsy'])).toBeNull();
    expect(parseCorp(['same-origin', 'cross-origin'])).toBeNull();
  });
});

describe('parseSetCookie', () => {
  it('reads name and flags but never keeps the value', () => {
    const c = parseSetCookie('SESSIONID=s3cr3t; Domain=.Example.FR; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600');
    expect(c).toEqual({ name: 'SESSIONID', secure: true, httpOnly: true, sameSite: 'strict', domain: 'example.fr', path: '/', session: false });
    expect(JSON.stringify(c)).not.toContain('s3cr3t');
  });
  it('marks unknown or empty SameSite values as invalid', () => {
    expect(parseSetCookie('a=b; SameSite=')!.sameSite).toBe('invalid');
    expect(parseSetCookie('a=b; samesite=True')!.sameSite).toBe('invalid');
    expect(parseSetCookie('a=b; SAMESITE = lax')!.sameSite).toBe('lax');
  });
  it('returns null for an empty header', () => {
    expect(parseSetCookie('   ')).toBeNull();
  });
  it('checks the __Host- and __Secure- prefixes', () => {
    expect(prefixProblem({ name: '__Host-id', secure: true, path: '/', domain: null })).toBeNull();
    expect(prefixProblem({ name: '__Host-id', secure: true, path: '/', domain: 'example.fr' })).toBe('__Host-');
    expect(prefixProblem({ name: '__Secure-id', secure: false, path: '/', domain: null })).toBe('__Secure-');
  });
  it('recognises common session cookie names', () => {
    expect(['PHPSESSID', 'JSESSIONID', 'wordpress_logged_in_abc', 'connect.sid', 'laravel_session', 'auth_token'].every(looksLikeSession)).toBe(true);
    expect(['_ga', 'theme', 'lang'].some(looksLikeSession)).toBe(false);
  });
});

describe('analyseCors', () => {
  const origin = 'https://attacker.example';
  it('classifies public, restricted and universal access', () => {
    expect(analyseCors([], [], origin).access).toBe('none');
    expect(analyseCors(['*'], [], origin).access).toBe('public');
    expect(analyseCors(['https://partner.example'], ['true'], origin).access).toBe('restricted');
    expect(analyseCors([origin], ['true'], origin).access).toBe('universal');
    expect(analyseCors(['null'], ['TRUE'], origin).access).toBe('universal');
  });
  it('notes a wildcard sent with credentials', () => {
    expect(analyseCors(['*'], ['true'], origin)).toMatchObject({ access: 'public', wildcardWithCredentials: true });
  });
});

describe('checkScripts', () => {
  it('tells local from third-party scripts and reads integrity and crossorigin', () => {
    const checks = checkScripts('https://www.example.co.uk/', [
      { src: '/app.js' },
      { src: 'https://static.example.co.uk/lib.js' },
      { src: 'https://cdn.jsdelivr.net/npm/x@1/x.js', integrity: 'sha384-abc', crossOrigin: 'anonymous' },
      { src: 'http://cdn.example.com/y.js' },
    ]);
    expect(checks.map((c) => [c.local, c.secure, c.integrity, c.crossOrigin])).toEqual([
      [true, true, false, false], [true, true, false, false], [false, true, true, true], [false, false, false, false],
    ]);
  });
  it('treats data: and blob: scripts as the page\'s own', () => {
    expect(checkScripts('https://a.example/', [{ src: 'data:text/javascript,1' }, { src: 'blob:https://a.example/1' }]).map((c) => [c.local, c.secure])).toEqual([[true, true], [true, true]]);
  });
  it('approximates registrable domains', () => {
    expect(registrableDomain('a.b.example.com')).toBe('example.com');
    expect(registrableDomain('shop.example.co.uk')).toBe('example.co.uk');
    expect(sameSite('www.impots.gouv.fr', 'cfspart.impots.gouv.fr')).toBe(true);
  });
});

describe('parsePermissionsPolicy', () => {
  it('reads features and their allowlists', () => {
    const p = parsePermissionsPolicy('camera=(), geolocation=(self "https://maps.example"), microphone=*');
    expect(p.valid).toBe(true);
    expect(p.features.get('camera')).toEqual([]);
    expect(p.features.get('geolocation')).toEqual(['self', 'https://maps.example']);
    expect(featuresOpenToAll(p)).toEqual(['microphone']);
  });
  it('rejects the old Feature-Policy syntax', () => {
    expect(parsePermissionsPolicy("camera 'none'; microphone 'self'").valid).toBe(false);
  });
});

describe('CSP helpers', () => {
  it('splits comma-separated policies and drops empty ones', () => {
    expect(splitPolicies(["default-src 'self', img-src *", ' '])).toEqual(["default-src 'self'", 'img-src *']);
  });
  it('tokenises directives case-insensitively and notes repeats', () => {
    const p = parsePolicy("Default-Src 'self';  script-src  'self'  https://a.example ; default-src 'none'");
    expect([...p.directives.keys()]).toEqual(['default-src', 'script-src']);
    expect(p.directives.get('script-src')).toEqual(["'self'", 'https://a.example']);
    expect(p.duplicates).toEqual(['default-src']);
  });
  it('reports CSP Evaluator weaknesses, with nonces cancelling unsafe-inline', () => {
    const kinds = (text: string) => evaluatePolicy(text).map((i) => `${i.kind}:${i.directive}`);
    expect(kinds("script-src 'self' 'unsafe-inline' https:; object-src *")).toEqual(expect.arrayContaining([
      'unsafe-inline:script-src', 'scheme-source:script-src', 'wildcard:object-src',
    ]));
    // base-uri matters once scripts are trusted by nonce: CSP Evaluator asks for it then.
    expect(kinds("script-src 'nonce-r4nd0mR4nd0mR4nd0m'; object-src 'none'")).toEqual(['missing-base-uri:base-uri']);
    expect(kinds("script-src 'nonce-r4nd0mR4nd0mR4nd0m' 'strict-dynamic' 'unsafe-inline' https:; object-src 'none'; base-uri 'none'")).toEqual([]);
    expect(kinds("default-src 'none'; script-src 'strict-dynamic'; base-uri 'none'")).toContain('strict-dynamic-without-nonce:script-src');
    expect(kinds("scirpt-src 'self'")).toContain('syntax:scirpt-src');
  });
});
