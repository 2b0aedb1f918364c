import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../lib/audit/findings';
import type { Evidence } from '../../lib/evidence/schema';
import { supervisionRules } from '../../lib/rules/supervision';
import { AUDIT_DATE, resource, SECURITY_TXT, strongSiteEvidence, weakSiteEvidence, withPage, withSecurityTxt } from '../fixtures/hints/sites';
import { ruleContext } from '../support/kb';

const run = (evidence: Evidence, locale: 'en' | 'fr' = 'en', now = AUDIT_DATE) => evaluateRules(evidence, ruleContext(now), locale, supervisionRules);
const ids = (evidence: Evidence) => run(evidence).map((f) => f.id).sort();

const sentryPage = withPage(strongSiteEvidence, {
  scripts: [...strongSiteEvidence.page!.scripts, { src: 'https://js.sentry-cdn.com/4f6c0e2d1b3a59687766554433221100.min.js', crossOrigin: 'anonymous' }],
});
// A bundled Datadog SDK: no script of its own, but its reports show in resource timing.
const datadogBeaconPage = withPage(strongSiteEvidence, {
  resources: [resource('https://browser-intake-datadoghq.eu/api/v2/rum?ddsource=browser&dd-api-key=pub0123456789abcdef0123456789abcd', 'fetch', { transferSize: 0, encodedBodySize: 0, decodedBodySize: 0 })],
});

describe('monitoring hints', () => {
  it('lists a monitoring tool seen from its script, as an info hint for B3', () => {
    const findings = run(sentryPage).filter((f) => f.ruleId.startsWith('supervision.monitoring') || f.ruleId === 'supervision.no-error-tracking');
    expect(findings.map((f) => f.id)).toEqual(['supervision.monitoring-detected:sentry']);
    expect(findings[0]!.severity).toBe('info');
    expect(findings[0]!.checklistPoint).toBe('B3');
    expect(findings[0]!.title).toBe('Hint: Sentry seems to watch errors or visitors\' experience on the site');
    expect(findings[0]!.evidence).toEqual([{ label: 'evidence.script', value: 'https://js.sentry-cdn.com/4f6c0e2d1b3a59687766554433221100.min.js' }]);
  });

  it('recognises a bundled tool from the reports it sent, without the query string', () => {
    const finding = run(datadogBeaconPage).find((f) => f.ruleId === 'supervision.monitoring-detected')!;
    expect(finding.id).toBe('supervision.monitoring-detected:datadog');
    expect(finding.evidence).toEqual([{ label: 'evidence.supervision.beacon', value: 'https://browser-intake-datadoghq.eu/api/v2/rum' }]);
  });

  it('says carefully that none is visible from the page (low, B3), mentioning the server side', () => {
    const finding = run(strongSiteEvidence).find((f) => f.ruleId === 'supervision.no-error-tracking')!;
    expect(finding.severity).toBe('low');
    expect(finding.checklistPoint).toBe('B3');
    expect(finding.title).toBe('No error tracking or real-user monitoring visible from the page');
    expect(finding.evidence.map((e) => e.label)).toContain('evidence.supervision.server-side-unseen');
    expect(run(sentryPage).some((f) => f.ruleId === 'supervision.no-error-tracking')).toBe(false);
  });

  it('labels each address by how it was seen: a script, or a report sent by a script', () => {
    const both = withPage(sentryPage, { resources: [resource('https://o4504.ingest.sentry.io/api/4504/envelope/?sentry_key=abc', 'fetch')] });
    expect(run(both).find((f) => f.ruleId === 'supervision.monitoring-detected')!.evidence).toEqual([
      { label: 'evidence.script', value: 'https://js.sentry-cdn.com/4f6c0e2d1b3a59687766554433221100.min.js' },
      { label: 'evidence.supervision.beacon', value: 'https://o4504.ingest.sentry.io/api/4504/envelope/' },
    ]);
  });

  it('does not take look-alike hosts for the real tool', () => {
    const lookalike = withPage(strongSiteEvidence, { scripts: [{ src: 'https://js.sentry-cdn.com.evil.example/loader.js' }, { src: 'https://notjs-agent.newrelic.com.example/nr.js' }] });
    expect(ids(lookalike)).toContain('supervision.no-error-tracking');
  });

  it('is skipped when the page was not measured', () => {
    expect(ids({ ...strongSiteEvidence, page: null }).filter((id) => !id.includes('security-txt'))).toEqual([]);
  });
});

describe('security.txt (E7)', () => {
  it('reports a valid file as info with its contact, expiry and signature state', () => {
    const findings = run(strongSiteEvidence).filter((f) => f.ruleId.includes('security-txt'));
    expect(findings.map((f) => f.id)).toEqual(['supervision.security-txt-valid']);
    expect(findings[0]!.severity).toBe('info');
    expect(findings[0]!.checklistPoint).toBe('E7');
    expect(findings[0]!.evidence).toEqual([
      { label: 'evidence.url', value: 'https://www.strong.example/.well-known/security.txt' },
      { label: 'evidence.securitytxt.contact', value: 'mailto:security@strong.example' },
      { label: 'evidence.securitytxt.expires', value: '2027-06-30T00:00:00.000Z' },
      { label: 'evidence.securitytxt.unsigned', value: 'security.txt' },
    ]);
  });

  it('reports a signed file as signed (the signature is not verified)', () => {
    const finding = run(withSecurityTxt(SECURITY_TXT.signed)).find((f) => f.ruleId === 'supervision.security-txt-valid')!;
    expect(finding.evidence).toContainEqual({ label: 'evidence.securitytxt.signed', value: 'SHA256' });
  });

  it('reports a missing file (404) and a page served in its place', () => {
    const missing = run(weakSiteEvidence).find((f) => f.ruleId.includes('security-txt'))!;
    expect(missing.id).toBe('supervision.security-txt-missing');
    expect(missing.severity).toBe('low');
    expect(missing.checklistPoint).toBe('E7');
    expect(missing.evidence).toContainEqual({ label: 'evidence.securitytxt.status', value: '404' });
    const soft404 = run(withSecurityTxt(SECURITY_TXT.htmlSoft404, 'text/html; charset=UTF-8')).filter((f) => f.ruleId.includes('security-txt'));
    expect(soft404.map((f) => f.id)).toEqual(['supervision.security-txt-missing']);
    expect(soft404[0]!.evidence).toContainEqual({ label: 'evidence.securitytxt.not-a-text-file', value: 'text/html; charset=UTF-8' });
  });

  it('reports an invalid file with each problem as evidence', () => {
    const expired = run(withSecurityTxt(SECURITY_TXT.expired)).find((f) => f.ruleId.includes('security-txt'))!;
    expect(expired.id).toBe('supervision.security-txt-invalid');
    expect(expired.message.params).toEqual({ count: 1 });
    expect(expired.evidence[0]).toEqual({ label: 'evidence.securitytxt.expired', value: '2024-01-01T00:00:00Z' });
    const several = run(withSecurityTxt(SECURITY_TXT.oldStyle, 'application/octet-stream')).find((f) => f.ruleId.includes('security-txt'))!;
    expect(several.evidence.slice(0, 3)).toEqual([
      { label: 'evidence.securitytxt.contact-not-uri', value: 'security@example.org' },
      { label: 'evidence.securitytxt.no-expires', value: 'security.txt' },
      { label: 'evidence.securitytxt.wrong-content-type', value: 'application/octet-stream' },
    ]);
    expect(several.title).toBe('security.txt does not follow the standard (RFC 9116): 3 problem(s)');
    expect(run(withSecurityTxt(SECURITY_TXT.noContact), 'fr').find((f) => f.ruleId.includes('security-txt'))!.title).toBe('security.txt ne respecte pas la norme (RFC 9116) : 1 problème(s)');
  });

  it('requires the file to be served over https', () => {
    const evidence: Evidence = { ...weakSiteEvidence, securityTxt: { url: 'http://boutique-weak.example/.well-known/security.txt', status: 200, contentType: 'text/plain', body: SECURITY_TXT.minimal } };
    const finding = run(evidence).find((f) => f.ruleId.includes('security-txt'))!;
    expect(finding.id).toBe('supervision.security-txt-invalid');
    expect(finding.evidence[0]).toEqual({ label: 'evidence.securitytxt.not-https', value: 'http://boutique-weak.example/.well-known/security.txt' });
  });

  it('judges expiry against the audit date', () => {
    const later = new Date('2027-07-01T00:00:00Z');
    expect(run(strongSiteEvidence, 'en', later).find((f) => f.ruleId.includes('security-txt'))!.id).toBe('supervision.security-txt-invalid');
  });

  it('is skipped when security.txt was not fetched', () => {
    expect(ids({ ...strongSiteEvidence, securityTxt: null }).filter((id) => id.includes('security-txt'))).toEqual([]);
  });
});
