import { describe, expect, it } from 'vitest';
import { evidence, STRONG_HEADERS } from '../fixtures/headers/build';
import { fires, run } from './run';
import { transportRules } from '../../lib/rules/transport';
import { strongSiteEvidence as strongSiteEvidenceForTls } from '../fixtures/evidence/strong-site';
import { ruleContext } from '../support/kb';

const withSts = (value: string, url = 'https://shop.example.fr/') => evidence({ url, headers: [['Strict-Transport-Security', value]] });

describe('transport.https-missing', () => {
  it('fires on an http:// page only', () => {
    expect(fires('transport.https-missing', evidence({ url: 'http://shop.example.fr/' }))).toBe(true);
    expect(fires('transport.https-missing', evidence())).toBe(false);
  });
});

describe('transport.http-no-redirect', () => {
  const variant = (outcome: 'redirected-to-https' | 'redirected-elsewhere' | 'no-redirect' | 'unreachable', finalUrl?: string) =>
    evidence({ httpVariant: { url: 'http://shop.example.fr/', outcome, ...(finalUrl ? { finalUrl } : {}), hops: [] } });
  it('fires when http:// stays on http://', () => {
    expect(fires('transport.http-no-redirect', variant('no-redirect'))).toBe(true);
    expect(run('transport.http-no-redirect', variant('redirected-elsewhere', 'http://www.shop.example.fr/'))![0]!.params).toMatchObject({ final: 'http://www.shop.example.fr/' });
  });
  it('passes on a redirect to https:// or when http:// does not answer', () => {
    expect(fires('transport.http-no-redirect', variant('redirected-to-https', 'https://shop.example.fr/'))).toBe(false);
    expect(fires('transport.http-no-redirect', variant('unreachable'))).toBe(false);
  });
  it('is skipped when the http:// variant was not measured', () => {
    expect(run('transport.http-no-redirect', evidence())).toBeNull();
  });
});

describe('transport.redirect-indirect', () => {
  const hops = (...urls: string[]) => evidence({ httpVariant: { url: urls[0]!, outcome: 'redirected-to-https', finalUrl: urls[urls.length - 1]!, hops: urls.map((url, i) => ({ url, status: i === urls.length - 1 ? 200 : 301 })) } });
  it('fires when the first hop is http:// or another host', () => {
    expect(fires('transport.redirect-indirect', hops('http://example.fr/', 'http://www.example.fr/', 'https://www.example.fr/'))).toBe(true);
    expect(fires('transport.redirect-indirect', hops('http://example.fr/', 'https://www.example.fr/'))).toBe(true);
  });
  it('without hops (browser), fires only when https:// is reached on another site', () => {
    const end = (finalUrl: string) => evidence({ httpVariant: { url: 'http://example.fr/', outcome: 'redirected-elsewhere', finalUrl, hops: [] } });
    expect(fires('transport.redirect-indirect', end('https://other.example/'))).toBe(true);
    expect(fires('transport.redirect-indirect', end('https://www.example.fr/'))).toBe(false);
  });
  it('passes when the first hop is the same host over https://', () => {
    expect(fires('transport.redirect-indirect', hops('http://example.fr/', 'https://example.fr/', 'https://www.example.fr/'))).toBe(false);
  });
});

describe('HSTS rules', () => {
  it('hsts-missing fires without the header and on http:// pages even with it', () => {
    expect(fires('transport.hsts-missing', evidence())).toBe(true);
    expect(fires('transport.hsts-missing', withSts('max-age=31536000', 'http://shop.example.fr/'))).toBe(true);
    expect(fires('transport.hsts-missing', evidence({ headers: STRONG_HEADERS }))).toBe(false);
  });
  it('hsts-malformed fires on unreadable and duplicated headers', () => {
    expect(fires('transport.hsts-malformed', withSts('includeSubDomains; preload'))).toBe(true);
    expect(fires('transport.hsts-malformed', evidence({ headers: [['strict-transport-security', 'max-age=31536000'], ['Strict-Transport-Security', 'max-age=31536000']] }))).toBe(true);
    expect(fires('transport.hsts-malformed', withSts('max-age=31536000'))).toBe(false);
  });
  it('hsts-short grades the duration against one year', () => {
    expect(run('transport.hsts-short', withSts('max-age=86400'))![0]).toMatchObject({ severity: 'medium', params: { days: 1 } });
    expect(run('transport.hsts-short', withSts('max-age=15768000'))![0]).toMatchObject({ severity: 'low', params: { days: 182 } });
    expect(run('transport.hsts-short', withSts('max-age=0'))![0]!.severity).toBe('high');
    expect(fires('transport.hsts-short', withSts('max-age=31536000'))).toBe(false);
  });
  it('hsts-no-subdomains and hsts-not-preload read the directives, in any case', () => {
    expect(fires('transport.hsts-no-subdomains', withSts('max-age=31536000'))).toBe(true);
    expect(fires('transport.hsts-no-subdomains', withSts('max-age=31536000; INCLUDESUBDOMAINS'))).toBe(false);
    expect(fires('transport.hsts-not-preload', withSts('max-age=31536000; includeSubDomains'))).toBe(true);
    expect(fires('transport.hsts-not-preload', withSts('max-age=63072000; includeSubDomains; preload'))).toBe(false);
  });
  it('handles a very long header without failing', () => {
    expect(fires('transport.hsts-malformed', withSts(`max-age=31536000; ${'x'.repeat(15_000)}`))).toBe(false);
  });
});

describe('transport.tls-expiring', () => {
  const tls = (validTo: string) => evidence({ tls: { source: 'firefox-security-info', protocol: 'TLSv1.3', issuer: "Let's Encrypt R11", subject: 'shop.example.fr', validFrom: '2026-09-01T00:00:00Z', validTo, names: ['shop.example.fr'], state: 'secure' } });
  it('is high within 30 days, critical once expired, silent otherwise', () => {
    expect(run('transport.tls-expiring', tls('2026-12-10T00:00:00Z'))![0]).toMatchObject({ params: { days: 11, date: '2026-12-10' } });
    expect(run('transport.tls-expiring', tls('2026-12-10T00:00:00Z'))![0]!.severity).toBeUndefined();
    expect(run('transport.tls-expiring', tls('2026-11-20T00:00:00Z'))![0]).toMatchObject({ severity: 'critical', priority: 'P0' });
    expect(fires('transport.tls-expiring', tls('2027-02-01T00:00:00Z'))).toBe(false);
    expect(fires('transport.tls-expiring', tls('not a date'))).toBe(false);
  });
  it('uses the audit date, not the clock', () => {
    expect(run('transport.tls-expiring', tls('2027-02-01T00:00:00Z'), new Date('2027-01-20T00:00:00Z'))![0]!.params).toMatchObject({ days: 12 });
  });
  it('is skipped without TLS evidence (Chromium)', () => {
    expect(run('transport.tls-expiring', evidence())).toBeNull();
  });
});

describe('transport.tls-untrusted', () => {
  const base = { source: 'node' as const, protocol: 'TLSv1.3', issuer: 'CN=self', subject: 'CN=self.test', validFrom: '2026-01-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z', names: ['self.test'] };
  const run = (state: string) => {
    const rule = transportRules.find((r) => r.id === 'transport.tls-untrusted')!;
    return rule.check({ ...strongSiteEvidenceForTls, tls: { ...base, state } }, ruleContext(new Date('2026-06-01T00:00:00Z')));
  };
  it('fires for self-signed, untrusted and mismatched certificates', () => {
    for (const state of ['self-signed', 'untrusted', 'name-mismatch', 'not-yet-valid', 'broken']) expect(run(state)).toHaveLength(1);
  });
  it('stays silent for a trusted certificate', () => {
    expect(run('secure')).toEqual([]);
  });
});
