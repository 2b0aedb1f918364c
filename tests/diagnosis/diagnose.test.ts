import { describe, expect, it } from 'vitest';
import { Audit, Diagnosis } from '../../lib/audit/schema';
import { buildAudit } from '../../lib/audit/build';
import { evaluateRules } from '../../lib/audit/findings';
import { detectTechnologies } from '../../lib/components/detect';
import { diagnose } from '../../lib/diagnosis';
import { defaultSettings } from '../../lib/settings/schema';
import { weakSiteEvidence } from '../fixtures/evidence/weak-site';
import { answersAll } from './helpers';
import { repoKb, ruleContext } from '../support/kb';

const now = new Date('2026-11-28T10:12:00Z');
const findings = evaluateRules(weakSiteEvidence, ruleContext(now), 'en');
const technologies = detectTechnologies(weakSiteEvidence, ruleContext(now));

describe('diagnose on the weak fixture site', () => {
  it('stays callable with the original four inputs and produces schema-valid parts', () => {
    const r = diagnose({ findings, technologies, answers: {}, now });
    expect(r.checklist.points).toHaveLength(28);
    expect(() => Diagnosis.parse(r.diagnosis)).not.toThrow();
    expect(r.diagnosis.sufficient).toBe(false);
    expect(r.diagnosis.threeCriticals).not.toBe('probable');
    expect(r.findings.every((f) => f.deadline && f.firstSeen)).toBe(true);
  });

  it('turns a pessimistic checklist into a probable major incident and a Critique tier', () => {
    const settings = defaultSettings('Europe/Paris');
    settings.criticality['boutique-weak.example'] = 'medium';
    const answers = answersAll('ok', { D1: 'ko', D4: 'ko', C3: 'ko', E1: 'ko' });
    const r = diagnose({ findings, technologies, answers, now, settings, domain: 'boutique-weak.example', notMeasured: [] });
    expect(r.signals.find((s) => s.id === 'S1')?.state).toBe('raised');
    expect(r.diagnosis.threeCriticals).toBe('probable');
    expect(r.diagnosis.tier.recommended).toBe('critique');
    expect(r.diagnosis.sufficient).toBe(false);
    expect(r.diagnosis.dueDates.map((d) => d.point)).toEqual(['E1']);
    // At least two of Vigie's own signals come from the scan of this site.
    const scanRaised = r.signals.filter((s) => ['S7', 'S8', 'S9', 'S10'].includes(s.id) && s.state === 'raised').map((s) => s.id);
    expect(scanRaised).toEqual(expect.arrayContaining(['S7', 'S9', 'S10']));
  });

  it('is sufficient once every Critique point is OK', () => {
    const r = diagnose({ findings: [], technologies: [], answers: answersAll('ok'), now });
    expect(r.diagnosis).toMatchObject({ sufficient: true, threeCriticals: 'no', dueDates: [] });
  });

  it('fits into a complete audit built by buildAudit', () => {
    const audit = buildAudit({ id: '7a1c7f0e-3d2b-4c55-9a8e-0b6f1d2e3c4a', evidence: weakSiteEvidence, notMeasured: [], startedAt: now, durationMs: 10, platform: { name: 'chromium', version: '1' }, locale: 'fr', kb: repoKb(), answers: answersAll('unknown') });
    expect(() => Audit.parse(audit)).not.toThrow();
  });
});

describe('rediagnose (after a checklist change)', () => {
  it('updates checklist, signals and verdict without touching the scan, keeping first-seen dates', async () => {
    const { rediagnose, suggestionsOf } = await import('../../lib/diagnosis/rediagnose');
    const { acceptSuggestion, setStatus } = await import('../../lib/diagnosis/answer-edits');
    const audit = buildAudit({ id: '7a1c7f0e-3d2b-4c55-9a8e-0b6f1d2e3c4a', evidence: weakSiteEvidence, notMeasured: [], startedAt: now, durationMs: 10, platform: { name: 'chromium', version: '1' }, locale: 'en' , kb: repoKb()});
    const aged = { ...audit, findings: audit.findings.map((f, i) => (i === 0 ? { ...f, firstSeen: '2025-01-01T00:00:00.000Z' } : f)) };
    let answers = setStatus({}, 'D1', 'ko', now);
    answers = setStatus(answers, 'C3', 'ko', now);
    answers = setStatus(answers, 'D4', 'ko', now);
    answers = acceptSuggestion(answers, 'A3', suggestionsOf(aged.checklist.points).A3, now);
    const next = rediagnose(aged, answers, { settings: defaultSettings('Europe/Paris') });
    expect(() => Audit.parse(next)).not.toThrow();
    expect(next.diagnosis.threeCriticals).toBe('probable');
    expect(next.checklist.points.find((p) => p.id === 'A3')).toMatchObject({ status: 'ko', origin: 'accepted', suggested: { status: 'ko' } });
    expect(next.findings.map((f) => f.id)).toEqual(aged.findings.map((f) => f.id));
    expect(next.findings[0]!.firstSeen).toBe('2025-01-01T00:00:00.000Z');
    expect(next.evidence).toBe(aged.evidence);
    expect(next.score).toBe(aged.score);
  });
});
