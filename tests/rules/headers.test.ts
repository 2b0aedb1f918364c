import { describe, expect, it } from 'vitest';
import { evidence, STRONG_HEADERS } from '../fixtures/headers/build';
import { fires, run, subjects } from './run';

const h = (...pairs: [string, string][]) => evidence({ headers: pairs });

describe('headers.xcto-missing', () => {
  it('passes on nosniff with odd case and spaces, fails otherwise', () => {
    expect(fires('headers.xcto-missing', h(['X-CONTENT-TYPE-OPTIONS', '  NoSniff '] ))).toBe(false);
    expect(fires('headers.xcto-missing', h(['x-content-type-options', 'nosniff, nosniff']))).toBe(true);
    expect(fires('headers.xcto-missing', h())).toBe(true);
  });
});

describe('headers.clickjacking-unprotected', () => {
  it('passes with X-Frame-Options or a header frame-ancestors', () => {
    expect(fires('headers.clickjacking-unprotected', h(['X-Frame-Options', 'sameorigin']))).toBe(false);
    expect(fires('headers.clickjacking-unprotected', h(['Content-Security-Policy', "frame-ancestors 'self'"]))).toBe(false);
  });
  it('fails with nothing, an invalid value, an open frame-ancestors, or frame-ancestors only in <meta>', () => {
    expect(fires('headers.clickjacking-unprotected', h())).toBe(true);
    expect(fires('headers.clickjacking-unprotected', h(['X-Frame-Options', 'ALLOWALL']))).toBe(true);
    expect(fires('headers.clickjacking-unprotected', h(['Content-Security-Policy', 'frame-ancestors *']))).toBe(true);
    expect(fires('headers.clickjacking-unprotected', evidence({ page: { metaHttpEquiv: [{ name: 'content-security-policy', content: "frame-ancestors 'none'" }] } }))).toBe(true);
  });
});

describe('Referrer-Policy rules', () => {
  it('missing fires only when neither header nor meta sets it', () => {
    expect(fires('headers.referrer-policy-missing', h())).toBe(true);
    expect(fires('headers.referrer-policy-missing', evidence({ page: { metaHttpEquiv: [{ name: 'Referrer-Policy', content: 'no-referrer' }] } }))).toBe(false);
  });
  it('unsafe fires on leaky values; an unreadable one is low', () => {
    expect(run('headers.referrer-policy-unsafe', h(['referrer-policy', 'no-referrer, unsafe-url']))![0]!.params).toMatchObject({ policy: 'unsafe-url' });
    expect(run('headers.referrer-policy-unsafe', h(['referrer-policy', 'whimsy']))![0]!.severity).toBe('low');
    expect(fires('headers.referrer-policy-unsafe', h(['referrer-policy', 'unsafe-url'], ['Referrer-Policy', 'strict-origin-when-cross-origin']))).toBe(false);
  });
});

describe('Permissions-Policy rules', () => {
  it('reports missing, unreadable and open policies', () => {
    expect(fires('headers.permissions-policy-missing', h())).toBe(true);
    expect(fires('headers.permissions-policy-invalid', h(['Permissions-Policy', "camera 'none'"]))).toBe(true);
    expect(run('headers.permissions-policy-open', h(['Permissions-Policy', 'camera=*, geolocation=(self)']))![0]!.params).toEqual({ features: 'camera' });
    expect(fires('headers.permissions-policy-open', h(['Permissions-Policy', 'camera=(), microphone=()']))).toBe(false);
  });
});

describe('cross-origin isolation rules', () => {
  it('coop-missing and corp-missing pass on the strong header set', () => {
    expect(fires('headers.coop-missing', evidence({ headers: STRONG_HEADERS }))).toBe(false);
    expect(fires('headers.corp-missing', evidence({ headers: STRONG_HEADERS }))).toBe(false);
    expect(fires('headers.coop-missing', h())).toBe(true);
  });
  it('cross-origin-invalid reports each malformed header by its name', () => {
    expect(subjects('headers.cross-origin-invalid', h(['Cross-Origin-Opener-Policy', 'Same-Origin'], ['cross-origin-embedder-policy', 'require-corp'], ['Cross-Origin-Resource-Policy', 'same-origin'], ['cross-origin-resource-policy', 'cross-origin'])))
      .toEqual(['cross-origin-opener-policy', 'cross-origin-resource-policy']);
  });
});

describe('headers.cors-credentials-any-origin', () => {
  const origin = 'https://vigie-probe.invalid';
  it('is high when the origin is reflected with credentials', () => {
    const e = evidence({ cors: { origin, headers: [['Access-Control-Allow-Origin', origin], ['Access-Control-Allow-Credentials', 'true']] } });
    expect(run('headers.cors-credentials-any-origin', e)![0]!.severity).toBeUndefined();
  });
  it('is medium for a wildcard with credentials, read from the main response when no CORS probe ran', () => {
    const e = h(['access-control-allow-origin', '*'], ['access-control-allow-credentials', 'true']);
    expect(run('headers.cors-credentials-any-origin', e)![0]).toMatchObject({ severity: 'medium', priority: 'P2' });
  });
  it('stays silent for public or restricted access', () => {
    expect(fires('headers.cors-credentials-any-origin', evidence({ cors: { origin, headers: [['Access-Control-Allow-Origin', '*']] } }))).toBe(false);
    expect(fires('headers.cors-credentials-any-origin', evidence({ cors: { origin, headers: [['Access-Control-Allow-Origin', 'https://partner.example'], ['Access-Control-Allow-Credentials', 'true']] } }))).toBe(false);
  });
});

describe('Subresource Integrity rules', () => {
  const scripts = [
    { src: 'https://shop.example.fr/app.js' },
    { src: 'https://cdn.example.fr/own.js' },
    { src: 'https://code.jquery.com/jquery-3.7.1.min.js' },
    { src: 'https://cdn.jsdelivr.net/npm/a@1/a.js', integrity: 'sha384-AAAA' },
    { src: 'https://unpkg.com/b@2/b.js', integrity: 'sha384-BBBB', crossOrigin: 'anonymous' },
  ];
  it('sri-missing lists third-party scripts without integrity', () => {
    const hit = run('headers.sri-missing', evidence({ page: { scripts } }))![0]!;
    expect(hit.params).toEqual({ count: 1 });
    expect(hit.evidence.map((e) => e.value)).toEqual(['https://code.jquery.com/jquery-3.7.1.min.js']);
  });
  it('sri-crossorigin-missing lists hashed scripts without crossorigin', () => {
    expect(run('headers.sri-crossorigin-missing', evidence({ page: { scripts } }))![0]!.evidence.map((e) => e.value)).toEqual(['https://cdn.jsdelivr.net/npm/a@1/a.js']);
  });
  it('is skipped without a page snapshot', () => {
    expect(run('headers.sri-missing', evidence({ page: null }))).toBeNull();
  });
});
