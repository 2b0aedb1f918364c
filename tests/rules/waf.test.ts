import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../lib/audit/findings';
import { Technology } from '../../lib/audit/schema';
import type { Evidence } from '../../lib/evidence/schema';
import { detectInfrastructure } from '../../lib/hints';
import { detectWafVendors } from '../../lib/hints/waf';
import { INFRA_VENDORS, WAF_SIGNATURES } from '../../lib/kb/waf-signatures';
import { wafRules } from '../../lib/rules/waf';
import { AUDIT_DATE, strongSiteEvidence, weakSiteEvidence, withHeaders, withPage } from '../fixtures/hints/sites';
import { VENDOR_FIXTURES, type VendorFixture } from '../fixtures/hints/vendors';
import { ruleContext } from '../support/kb';

const run = (evidence: Evidence, locale: 'en' | 'fr' = 'en') => evaluateRules(evidence, ruleContext(AUDIT_DATE), locale, wafRules);

function behind(fixture: VendorFixture, cookieSource: 'document' | 'jar' | 'set-cookie' = 'document'): Evidence {
  let evidence = withHeaders(strongSiteEvidence, fixture.headers ?? []);
  const names = fixture.cookies ?? [];
  if (cookieSource === 'document') evidence = withPage(evidence, { documentCookieNames: names });
  if (cookieSource === 'jar') {
    evidence = { ...evidence, cookies: { source: 'cookies-api', setCookieHeaders: [], items: names.map((name) => ({ name, domain: 'www.strong.example', path: '/', secure: true, httpOnly: true, sameSite: 'lax' as const, session: true, hostOnly: true })) } };
  }
  if (cookieSource === 'set-cookie') evidence = withHeaders(evidence, names.map((n) => ['Set-Cookie', `${n}=0123456789; Path=/; Secure; HttpOnly`] as [string, string]));
  return evidence;
}

describe('WAF / CDN signatures', () => {
  it('cover at least 15 vendors, each with a documented source and a checked date', () => {
    expect(INFRA_VENDORS.length).toBeGreaterThanOrEqual(15);
    const ids = new Set(INFRA_VENDORS.map((v) => v.id));
    expect(ids.size).toBe(INFRA_VENDORS.length);
    for (const vendor of INFRA_VENDORS) expect(WAF_SIGNATURES.some((s) => s.vendor === vendor.id), vendor.id).toBe(true);
    for (const s of WAF_SIGNATURES) {
      expect(ids.has(s.vendor), s.vendor).toBe(true);
      expect(s.source).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(s.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(s.checked))).toBe(false);
      if (s.match.on === 'header') expect(s.match.header).toBe(s.match.header.toLowerCase());
    }
    const keys = WAF_SIGNATURES.map((s) => `${s.vendor}|${s.match.on}|${s.match.on === 'header' ? `${s.match.header}|${s.match.value ?? ''}` : s.match.cookie}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has a realistic fixture for every vendor, and each is recognised as that vendor only', () => {
    expect(VENDOR_FIXTURES.map((f) => f.vendor).sort()).toEqual(INFRA_VENDORS.map((v) => v.id).sort());
    for (const fixture of VENDOR_FIXTURES) {
      const hints = detectWafVendors(behind(fixture));
      expect(hints.map((h) => h.vendor.id), fixture.vendor).toEqual([fixture.vendor]);
      expect(hints[0]!.kind, fixture.vendor).toBe(fixture.kind);
    }
  });

  it('reads cookie names from the cookie jar and from Set-Cookie lines too', () => {
    const imperva = VENDOR_FIXTURES.find((f) => f.vendor === 'barracuda')!;
    expect(detectWafVendors(behind(imperva, 'jar')).map((h) => h.vendor.id)).toEqual(['barracuda']);
    expect(detectWafVendors(behind(imperva, 'set-cookie')).map((h) => h.vendor.id)).toEqual(['barracuda']);
  });

  it('turns each vendor into one finding of the right kind, phrased as a hint with its evidence', () => {
    const cloudflare = behind(VENDOR_FIXTURES.find((f) => f.vendor === 'cloudflare')!);
    const findings = run(cloudflare);
    expect(findings.map((f) => f.id)).toEqual(['waf.cdn-detected:cloudflare']);
    expect(findings[0]!.severity).toBe('info');
    expect(findings[0]!.checklistPoint).toBe('A5');
    expect(findings[0]!.title).toBe('Hint: the site seems to be delivered through Cloudflare');
    expect(run(cloudflare, 'fr')[0]!.title).toBe('Indice : le site semble distribué par Cloudflare');
    expect(findings[0]!.evidence).toContainEqual({ label: 'evidence.header', value: 'cf-ray: 8e5c3b2f9a1d4c7e-CDG' });
    expect(findings[0]!.evidence.some((e) => e.label === 'evidence.waf.signature-source' && e.value.startsWith('https://developers.cloudflare.com/'))).toBe(true);
  });

  it('upgrades a CDN to a filtering hint when a bot-protection cookie of the same vendor is seen', () => {
    const evidence = withPage(behind(VENDOR_FIXTURES.find((f) => f.vendor === 'cloudflare')!), { documentCookieNames: ['__cf_bm'] });
    expect(run(evidence).map((f) => f.id)).toEqual(['waf.detected:cloudflare']);
  });

  it('lists several vendors in front of one site separately', () => {
    const evidence = withPage(withHeaders(strongSiteEvidence, [['x-amz-cf-id', 'abc=='], ['via', '1.1 abc.cloudfront.net (CloudFront)']]), { documentCookieNames: ['AWSALB', 'aws-waf-token'] });
    expect(run(evidence).map((f) => f.id).sort()).toEqual(['waf.cdn-detected:cloudfront', 'waf.detected:aws-waf', 'waf.load-balancer-detected:aws-elb']);
  });

  it('says none was seen (low, A5) on a plain nginx or Apache site', () => {
    for (const evidence of [strongSiteEvidence, weakSiteEvidence]) {
      const findings = run(evidence);
      expect(findings.map((f) => f.id)).toEqual(['waf.none-detected']);
      expect(findings[0]!.severity).toBe('low');
      expect(findings[0]!.checklistPoint).toBe('A5');
    }
    expect(run(weakSiteEvidence)[0]!.evidence).toContainEqual({ label: 'evidence.header', value: 'server: Apache/2.4.29 (Ubuntu)' });
  });

  it('is skipped, not guessed, when the headers were not measured', () => {
    expect(run({ ...strongSiteEvidence, headers: null })).toEqual([]);
  });

  it('does not fall for look-alike names and values', () => {
    const lookalikes = withPage(withHeaders(strongSiteEvidence, [
      ['server', 'cloudflare-workers-proxy-of-someone'],
      ['x-served-by', 'my-app-server-3'],
      ['via', '1.1 varnish, 1.1 google-proxy'],
      ['x-cache', 'HIT'],
      ['x-cdn', 'in-house'],
      ['server', 'not-ddos-guard'],
    ]), { documentCookieNames: ['TSESSION', 'TS_pref', 'AWSALBX', 'my_BIGipServer', 'incap_session', '__cfduid_old', 'NSC', 'rbzid2'] });
    expect(detectWafVendors(lookalikes)).toEqual([]);
  });

  it('never throws on hostile header and cookie values', () => {
    const hostile = withPage(withHeaders(strongSiteEvidence, [['Server', '\u0000'.repeat(1000)], ['VIA', '('.repeat(16_000)], ['', ''], ['x-iinfo', '']]), {
      documentCookieNames: ['', '='.repeat(256), 'visid_incap_' + '9'.repeat(200)],
    });
    expect(() => run(hostile)).not.toThrow();
    expect(detectWafVendors(hostile).map((h) => h.vendor.id)).toEqual(['imperva']);
  });
});

describe('detectInfrastructure', () => {
  it('returns valid technologies: waf, cdn, and load balancers as server infrastructure', () => {
    const evidence = withPage(withHeaders(strongSiteEvidence, [['cf-ray', '8e5c3b2f9a1d4c7e-CDG'], ['x-sucuri-id', '16013']]), { documentCookieNames: ['BIGipServerpool_www'] });
    const techs = detectInfrastructure(evidence);
    for (const t of techs) expect(() => Technology.parse(t)).not.toThrow();
    expect(techs.map((t) => [t.name, t.category])).toEqual([
      ['Cloudflare', 'cdn'],
      ['Sucuri Website Firewall', 'waf'],
      ['F5 BIG-IP', 'server'],
    ]);
    expect(techs[0]!.sources).toEqual(['header:cf-ray']);
    expect(techs.every((t) => t.confidence < 100)).toBe(true);
  });

  it('gives more confidence to several independent signatures, never certainty', () => {
    const one = detectInfrastructure(withHeaders(strongSiteEvidence, [['cf-ray', 'x']]))[0]!;
    const three = detectInfrastructure(withHeaders(strongSiteEvidence, [['cf-ray', 'x'], ['server', 'cloudflare'], ['cf-cache-status', 'HIT']]))[0]!;
    expect(three.confidence).toBeGreaterThan(one.confidence);
    expect(three.confidence).toBeLessThan(100);
  });
});
