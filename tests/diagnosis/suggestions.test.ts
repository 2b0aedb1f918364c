import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../lib/audit/build';
import { evaluateRules } from '../../lib/audit/findings';
import { suggestAll, suggestionFor } from '../../lib/diagnosis/suggestions';
import { POINT_IDS } from '../../lib/diagnosis/checklist-model';
import { weakSiteEvidence } from '../fixtures/evidence/weak-site';
import { strongSiteEvidence } from '../fixtures/evidence/strong-site';
import { finding, jquery, nothingOf } from './helpers';
import { repoKb, ruleContext } from '../support/kb';

const now = new Date('2026-11-28T10:00:00Z');

describe('suggested statuses from findings', () => {
  it('suggests KO when a critical or high finding informs the point, with every related finding as evidence', () => {
    const findings = [finding('transport.hsts-missing', 'high', 'A3'), finding('transport.hsts-short', 'low', 'A3'), finding('headers.xcto-missing', 'medium', 'A5')];
    expect(suggestionFor('A3', { findings })).toEqual({ status: 'ko', findingIds: ['transport.hsts-missing', 'transport.hsts-short'] });
  });

  it('suggests partial for medium or low findings only', () => {
    const findings = [finding('headers.xcto-missing', 'medium', 'A5'), finding('disclosure.version-header', 'low', 'A2', 'server')];
    expect(suggestionFor('A5', { findings })?.status).toBe('partial');
    expect(suggestionFor('A2', { findings })).toEqual({ status: 'partial', findingIds: ['disclosure.version-header:server'] });
  });

  it('does not turn informational hints into a status', () => {
    expect(suggestionFor('A5', { findings: [finding('waf.detected', 'info', 'A5', 'cloudflare')], notMeasured: [] })).toBeUndefined();
  });

  it('suggests A3 OK only when the transport checks ran and none fired', () => {
    expect(suggestionFor('A3', { findings: [], notMeasured: [] })).toEqual({ status: 'ok', findingIds: [] });
    expect(suggestionFor('A3', { findings: [], notMeasured: nothingOf('httpVariant') })).toBeUndefined();
    expect(suggestionFor('A3', { findings: [], notMeasured: nothingOf('headers') })).toBeUndefined();
    // Without the list of what was not measured, silence proves nothing.
    expect(suggestionFor('A3', { findings: [] })).toBeUndefined();
  });

  it('suggests A1 OK only when versioned components were checked and none has an advisory', () => {
    expect(suggestionFor('A1', { findings: [], technologies: [jquery(false)], notMeasured: [] })?.status).toBe('ok');
    expect(suggestionFor('A1', { findings: [], technologies: [], notMeasured: [] })).toBeUndefined();
    expect(suggestionFor('A1', { findings: [], technologies: [jquery(true)], notMeasured: [] })).toBeUndefined();
    expect(suggestionFor('A1', { findings: [], technologies: [jquery(false)], notMeasured: nothingOf('globals') })).toBeUndefined();
  });

  it('never suggests OK for points the scan cannot fully see', () => {
    const all = suggestAll({ findings: [], technologies: [jquery(false)], notMeasured: [] }, POINT_IDS);
    expect(Object.keys(all).sort()).toEqual(['A1', 'A3']);
  });

  it('on the weak fixture site, suggests KO for HTTPS from the real transport rules', () => {
    const findings = evaluateRules(weakSiteEvidence, ruleContext(now), 'en');
    const s = suggestAll({ findings, notMeasured: [] }, POINT_IDS);
    expect(s.A3?.status).toBe('ko');
    expect(s.A3?.findingIds).toEqual(expect.arrayContaining(['transport.https-missing', 'transport.hsts-missing']));
    // Security headers inform A5: whatever the header rules find on this site is its evidence.
    expect(['ko', 'partial']).toContain(s.A5?.status);
    expect(s.A5?.findingIds).toEqual(findings.filter((f) => f.checklistPoint === 'A5').map((f) => f.id));
  });

  it('on the strong fixture site, suggests HTTPS OK', () => {
    const findings = evaluateRules(strongSiteEvidence, ruleContext(now), 'en');
    expect(findings.filter((f) => f.checklistPoint === 'A3')).toEqual([]);
    expect(suggestAll({ findings, notMeasured: [] }, POINT_IDS).A3).toEqual({ status: 'ok', findingIds: [] });
  });

  it('keeps the suggestion in the saved audit, separate from the answer', () => {
    const audit = buildAudit({ id: '7a1c7f0e-3d2b-4c55-9a8e-0b6f1d2e3c4a', evidence: weakSiteEvidence, notMeasured: [], startedAt: now, durationMs: 1, platform: { name: 'chromium', version: '1' }, locale: 'en' , kb: repoKb()});
    const a3 = audit.checklist.points.find((p) => p.id === 'A3')!;
    expect(a3.suggested?.status).toBe('ko');
    expect(a3.status).toBe('unknown');
  });
});
