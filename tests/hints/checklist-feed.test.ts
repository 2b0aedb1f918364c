/**
 * The four hint families feed the checklist through the finding model: through a whole audit, the
 * points they inform (A3, A5, B3, B4, E7) get a suggestion with these findings as evidence, and an
 * info-only hint suggests nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../lib/audit/build';
import { evaluateRules } from '../../lib/audit/findings';
import { Audit, Finding } from '../../lib/audit/schema';
import { Evidence, type Evidence as EvidenceType } from '../../lib/evidence/schema';
import { mixedContentRules } from '../../lib/rules/mixed-content';
import { performanceRules } from '../../lib/rules/performance';
import { supervisionRules } from '../../lib/rules/supervision';
import { wafRules } from '../../lib/rules/waf';
import { AUDIT_DATE, mixedContentPage, SECURITY_TXT, strongSiteEvidence, weakSiteEvidence, withHeaders, withPage } from '../fixtures/hints/sites';
import { repoKb, ruleContext } from '../support/kb';

const audit = (evidence: EvidenceType) =>
  buildAudit({ id: '0b8f8f3e-7c55-4d0a-9d2e-5a6b7c8d9e0f', evidence, notMeasured: [], startedAt: AUDIT_DATE, durationMs: 400, platform: { name: 'chromium', version: '156.0' }, locale: 'en' , kb: repoKb()});
const point = (a: Audit, id: string) => a.checklist.points.find((p) => p.id === id)!;
const OURS = ['mixed-content.', 'waf.', 'supervision.', 'performance.'];

describe('hint families in a whole audit', () => {
  it('suggest A3, A5, B3, B4 and E7 on the weak site, with their finding ids', () => {
    const a = audit(weakSiteEvidence);
    expect(() => Audit.parse(a)).not.toThrow();
    expect(point(a, 'A5').suggested?.findingIds).toContain('waf.none-detected');
    expect(point(a, 'B3').suggested).toEqual({ status: 'partial', findingIds: ['supervision.no-error-tracking'] });
    expect(point(a, 'B4').suggested).toEqual({ status: 'partial', findingIds: ['performance.old-protocol'] });
    expect(point(a, 'E7').suggested).toEqual({ status: 'partial', findingIds: ['supervision.security-txt-missing'] });
  });

  it('report mixed content under A3 as a fault (KO), never on an http page', () => {
    const a = audit(mixedContentPage);
    expect(point(a, 'A3').suggested?.status).toBe('ko');
    expect(point(a, 'A3').suggested?.findingIds).toEqual(expect.arrayContaining(['mixed-content.active', 'mixed-content.form-insecure']));
    expect(audit(weakSiteEvidence).findings.some((f) => f.ruleId.startsWith('mixed-content.'))).toBe(false);
  });

  it('let info-only hints suggest nothing, and list the hinted services as technologies', () => {
    const evidence = withPage(withHeaders(strongSiteEvidence, [['cf-ray', '8e5c3b2f9a1d4c7e-CDG'], ['content-encoding', 'br'], ['cache-control', 'no-cache']]), {
      scripts: [{ src: 'https://js-agent.newrelic.com/nr-spa-1.270.3.min.js' }],
      documentCookieNames: ['__cf_bm'],
    });
    const a = audit(evidence);
    const ours = a.findings.filter((f) => OURS.some((p) => f.ruleId.startsWith(p)));
    expect(ours.map((f) => f.id).sort()).toEqual(['supervision.monitoring-detected:newrelic', 'supervision.security-txt-valid', 'waf.detected:cloudflare']);
    expect(point(a, 'B3').suggested).toBeUndefined();
    expect(point(a, 'E7').suggested).toBeUndefined();
    expect(point(a, 'B4').suggested).toBeUndefined();
    // The components detector also names Cloudflare (as a CDN) and the audit keeps its entry first.
    expect(a.technologies.filter((t) => ['waf', 'cdn', 'monitoring'].includes(t.category)).map((t) => t.name)).toEqual(['Cloudflare', 'New Relic Browser']);
    expect(a.technologies.find((t) => t.name === 'New Relic Browser')!.category).toBe('monitoring');
  });

  it('keep query strings out of the saved evidence', () => {
    const a = audit(withPage(mixedContentPage, { url: 'https://shop.mixed.example/?session=abc' }));
    const values = a.findings.filter((f) => OURS.some((p) => f.ruleId.startsWith(p))).flatMap((f) => f.evidence.map((e) => e.value));
    expect(values.some((v) => v.includes('key=') || v.includes('session=abc') || v.includes('family=Lato'))).toBe(false);
  });
});

describe('hint rules on arbitrary evidence (property)', () => {
  const rules = [...mixedContentRules, ...wafRules, ...supervisionRules, ...performanceRules];
  const str = (max: number) => fc.string({ maxLength: max });
  const url = fc.oneof(fc.webUrl(), fc.constantFrom('http://a.example/x', 'https://[', 'HTTP://B.EXAMPLE/', ''), str(40));
  const timing = fc.record({
    name: url, initiatorType: fc.oneof(fc.constantFrom('script', 'img', 'fetch', 'css', 'link', ''), str(10)), nextHopProtocol: fc.constantFrom('h2', 'h3', 'http/1.1', ''),
    transferSize: fc.nat(10_000_000), encodedBodySize: fc.nat(10_000_000), decodedBodySize: fc.nat(10_000_000), startTime: fc.nat(3_600_000), duration: fc.nat(3_600_000),
  });
  const arbitraryEvidence = fc.record({
    protocol: fc.constantFrom('https:', 'http:', ''),
    headers: fc.array(fc.tuple(fc.oneof(fc.constantFrom('server', 'via', 'cf-ray', 'content-security-policy', 'content-encoding', 'set-cookie', 'x-served-by'), str(20)), str(120)), { maxLength: 12 }),
    cookies: fc.array(fc.oneof(fc.constantFrom('__cf_bm', 'BIGipServerx', 'incap_ses_1_2', 'TS0123abcd'), str(30)), { maxLength: 8 }),
    subresources: fc.array(fc.record({ kind: fc.constantFrom('script', 'stylesheet', 'iframe', 'img', 'media', 'object', 'other'), url }), { maxLength: 10 }),
    resources: fc.array(timing, { maxLength: 10 }),
    forms: fc.array(fc.record({ action: url, method: fc.constantFrom('get', 'post', '') }), { maxLength: 3 }),
    nav: fc.option(fc.record({ responseStart: fc.nat(3_600_000), loadEventEnd: fc.nat(3_600_000), decodedBodySize: fc.nat(10_000_000), encodedBodySize: fc.nat(10_000_000), nextHopProtocol: fc.constantFrom('h2', 'http/1.1', '', 'HTTP/1.0') })),
    securityTxt: fc.option(fc.record({ status: fc.integer({ min: 0, max: 999 }), contentType: str(40), body: fc.oneof(str(400), fc.constant(SECURITY_TXT.signed)) })),
  });

  it('never throws and always yields schema-valid findings', () => {
    fc.assert(fc.property(arbitraryEvidence, (e) => {
      const evidence: EvidenceType = Evidence.parse({
        ...strongSiteEvidence,
        headers: { ...strongSiteEvidence.headers!, headers: e.headers },
        page: {
          ...strongSiteEvidence.page!, protocol: e.protocol, subresources: e.subresources, resources: e.resources, forms: e.forms, documentCookieNames: e.cookies,
          navigation: e.nav && { ...strongSiteEvidence.page!.navigation!, ...e.nav },
        },
        securityTxt: e.securityTxt && { url: 'https://www.strong.example/.well-known/security.txt', ...e.securityTxt },
      });
      const errors: string[] = [];
      const findings = evaluateRules(evidence, ruleContext(AUDIT_DATE), 'fr', rules, (id) => errors.push(id));
      expect(errors).toEqual([]);
      for (const f of findings) expect(() => Finding.parse(f)).not.toThrow();
    }), { numRuns: 300 });
  });
});
