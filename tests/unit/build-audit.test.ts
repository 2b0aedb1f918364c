import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../lib/audit/build';
import { Audit } from '../../lib/audit/schema';
import { strongSiteEvidence } from '../fixtures/evidence/strong-site';
import { weakSiteEvidence } from '../fixtures/evidence/weak-site';
import { repoKb, ruleContext } from '../support/kb';

const build = (evidence = weakSiteEvidence, locale: 'en' | 'fr' = 'en') =>
  buildAudit({
    id: '7a1c7f0e-3d2b-4c55-9a8e-0b6f1d2e3c4a',
    evidence,
    notMeasured: [{ what: 'tls', reason: { key: 'notMeasured.tls-unavailable', params: {} } }],
    startedAt: new Date('2026-11-28T10:12:00Z'),
    durationMs: 312.6,
    platform: { name: 'chromium', version: '156.0' },
    locale, kb: repoKb(),
  });

describe('buildAudit', () => {
  it('produces an audit that satisfies the schema of the contract', () => {
    const audit = build();
    expect(() => Audit.parse(audit)).not.toThrow();
    expect(audit.schemaVersion).toBe(1);
    expect(audit.domain).toBe('boutique-weak.example');
    expect(audit.headerSource).toBe('page-fetch');
    expect(audit.durationMs).toBe(313);
    expect(audit.startedAt).toBe('2026-11-28T10:12:00.000Z');
    expect(audit.checklist.points).toHaveLength(28);
    expect(audit.signals.map((s) => s.id)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10']);
  });

  it('finds what the weak site does wrong', () => {
    const ids = build().findings.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining([
      'transport.https-missing',
      'transport.hsts-missing',
      'headers.xcto-missing',
      'disclosure.version-header:server',
      'disclosure.version-header:x-powered-by',
    ]));
    expect(ids.some((id) => id.startsWith('components.') && id.includes('jquery'))).toBe(true);
  });

  it('does not flag what the strong site does right', () => {
    const ids = build(strongSiteEvidence).findings.map((f) => f.ruleId);
    for (const ruleId of ['transport.https-missing', 'transport.hsts-missing', 'headers.xcto-missing', 'disclosure.version-header']) {
      expect(ids).not.toContain(ruleId);
    }
  });

  it('scores the strong site above the weak one', () => {
    expect(build(strongSiteEvidence).score.value).toBeGreaterThan(build().score.value);
  });

  it('keeps no secret from the page in the saved audit', () => {
    const json = JSON.stringify(build());
    expect(json).not.toContain('s3cr3t');
    expect(json).not.toContain('UA-123456-1');
  });

  it('renders titles in the audit language and keeps the message key for re-rendering', () => {
    const en = build(weakSiteEvidence, 'en').findings.find((f) => f.id === 'transport.https-missing')!;
    const fr = build(weakSiteEvidence, 'fr').findings.find((f) => f.id === 'transport.https-missing')!;
    expect(en.message).toEqual(fr.message);
    expect(en.title).not.toBe(fr.title);
    expect(fr.title).toMatch(/HTTPS/);
  });

  it('sorts findings from the most to the least severe', () => {
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    const severities = build().findings.map((f) => order.indexOf(f.severity));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });

  it('survives a rule that throws, reporting it', async () => {
    const { evaluateRules } = await import('../../lib/audit/findings');
    const failures: string[] = [];
    const findings = evaluateRules(weakSiteEvidence, ruleContext(new Date()), 'en', [
      { id: 'headers.boom', family: 'headers', severity: 'low', priority: 'P3', dimension: 'security', requires: [], check: () => { throw new Error('bug'); } },
      { id: 'headers.ok', family: 'headers', severity: 'low', priority: 'P3', dimension: 'security', requires: [], check: () => [{ evidence: [] }] },
    ], (id) => failures.push(id));
    expect(failures).toEqual(['headers.boom']);
    expect(findings.map((f) => f.id)).toEqual(['headers.ok']);
  });

  it('skips rules whose evidence was not measured', async () => {
    const { evaluateRules } = await import('../../lib/audit/findings');
    const findings = evaluateRules({ ...weakSiteEvidence, headers: null }, ruleContext(new Date()), 'en');
    expect(findings.map((f) => f.ruleId)).not.toContain('transport.hsts-missing');
    expect(findings.map((f) => f.ruleId)).toContain('transport.https-missing');
  });
});
