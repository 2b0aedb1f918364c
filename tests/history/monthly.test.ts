import { describe, expect, it } from 'vitest';
import { firstSeenDates } from '../../lib/history/first-seen';
import { monthPeriod, monthlyReportData, selectMonthlyAudits } from '../../lib/history/monthly';
import { summarize } from '../../lib/store/db';
import type { AgencyFields } from '../../lib/store/schema';
import { baseAudit, makeAudit } from '../store/helpers';

describe('monthPeriod', () => {
  it('is the calendar month in UTC, end exclusive, across a year change', () => {
    expect(monthPeriod('2026-11')).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
  });
});

describe('monthly report data', () => {
  const ids = baseAudit().findings.map((f) => f.id);
  const perfId = 'performance.page-weight';
  const september = makeAudit({ domain: 'shop.example', startedAt: '2026-09-20T00:00:00.000Z', score: 40, grade: 'D', findingIds: [...ids, perfId] });
  const novEarly = makeAudit({ domain: 'shop.example', startedAt: '2026-11-03T00:00:00.000Z', score: 55, grade: 'C' , findingIds: ids.slice(1) });
  const novLate = makeAudit({ domain: 'shop.example', startedAt: '2026-11-25T00:00:00.000Z', score: 80, grade: 'B', findingIds: [...ids.slice(2), 'headers.csp-missing'] });
  novLate.findings[novLate.findings.length - 1]!.family = 'headers';
  const december = makeAudit({ domain: 'shop.example', startedAt: '2026-12-02T00:00:00.000Z', score: 90 });
  // The perf finding must really be a performance one for the split to be tested.
  september.findings.find((f) => f.id === perfId)!.family = 'performance';
  novLate.technologies = novLate.technologies.map((t) => (t.name === 'jQuery' ? { ...t, version: '3.7.1' } : t)).filter((t) => t.name !== 'PHP');
  const summaries = [september, novEarly, novLate, december].map(summarize);
  const period = monthPeriod('2026-11');
  const agency: AgencyFields = { domain: 'shop.example', month: '2026-11', uptimePercent: 99.92, tickets: { P0: 0, P1: 1, P2: 4, P3: 2 }, timeSpentHours: 7.5, comment: 'Upgraded jQuery.', updatedAt: '2026-11-30T00:00:00.000Z' };

  it('picks the audit before the period as baseline and the last one in it', () => {
    const sel = selectMonthlyAudits(summaries, period);
    expect(sel.inPeriod.map((s) => s.id)).toEqual([novEarly.id, novLate.id]);
    expect(sel.baselineId).toBe(september.id);
    expect(sel.latestId).toBe(novLate.id);
    expect(selectMonthlyAudits(summaries, monthPeriod('2026-08'))).toEqual({ inPeriod: [], baselineId: null, latestId: null });
    expect(selectMonthlyAudits(summaries.slice(1), period).baselineId).toBe(novEarly.id);
  });

  it('fills the seven headings from the audits and the agency fields', () => {
    const selection = selectMonthlyAudits(summaries, period);
    const data = monthlyReportData({ domain: 'shop.example', period, selection, baseline: september, latest: novLate, firstSeen: firstSeenDates(summaries), agency, now: new Date('2026-12-01T00:00:00.000Z') });
    expect(data.auditCount).toBe(2);
    expect(data.availability.uptimePercent).toBe(99.92);
    expect(data.incidentsAndRequests.tickets).toEqual({ P0: 0, P1: 1, P2: 4, P3: 2 });
    expect(data.updatesApplied.technologies).toEqual([
      { name: 'PHP', from: '7.2.24', to: null },
      { name: 'jQuery', from: '1.12.4', to: '3.7.1' },
    ]);
    const perfIds = new Set([...september.findings, ...novLate.findings].filter((f) => f.family === 'performance').map((f) => f.id));
    expect(data.security.fixed.map((f) => f.id)).toEqual(ids.slice(0, 2).filter((id) => !perfIds.has(id)));
    expect(data.security.appeared.map((f) => f.id)).toEqual(['headers.csp-missing']);
    expect(data.updatesApplied.fixedComponents.every((f) => f.family === 'components')).toBe(true);
    expect(data.security).toMatchObject({ trend: 'up', scoreFrom: 40, scoreTo: 80, gradeFrom: 'D', gradeTo: 'B' });
    expect(Object.values(data.security.openBySeverity).reduce((a, b) => a + b, 0)).toBe(novLate.findings.filter((f) => f.family !== 'performance').length);
    expect(data.performance.open).toBe(novLate.findings.filter((f) => f.family === 'performance').length);
    expect(data.performance.fixed.map((f) => f.id)).toEqual([...ids.slice(0, 2).filter((id) => perfIds.has(id)), perfId]);
    expect(data.backups.points.map((p) => p.id)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(data.backups.points[0]!.status).toBe(novLate.checklist.points.find((p) => p.id === 'C1')!.status);
    expect(data.recommendations).toHaveLength(Math.min(10, novLate.findings.length));
    const ranks = data.recommendations.map((r) => ['P0', 'P1', 'P2', 'P3'].indexOf(r.finding.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const old = data.recommendations.find((r) => r.finding.id === ids[2]);
    expect(old).toMatchObject({ firstSeen: september.startedAt, multiplier: 1 });
    expect(data.timeSpentHours).toBe(7.5);
    expect(data.comment).toBe('Upgraded jQuery.');
  });

  it('without agency fields or earlier audit, the agency parts are empty and nothing is called fixed', () => {
    const selection = selectMonthlyAudits([summarize(novEarly)], period);
    const data = monthlyReportData({ domain: 'shop.example', period, selection, baseline: novEarly, latest: novEarly, firstSeen: new Map(), agency: null, now: new Date('2026-12-01T00:00:00.000Z') });
    expect(data.availability.uptimePercent).toBeNull();
    expect(data.incidentsAndRequests.tickets).toBeNull();
    expect(data.security.fixed).toEqual([]);
    expect(data.security.appeared).toEqual([]);
    expect(data.security.trend).toBe('none');
    expect(data.recommendations.every((r) => r.multiplier === null)).toBe(true);
  });

  it('an old finding gets the 1-5-15 multiplier of its age', () => {
    const selection = selectMonthlyAudits(summaries, period);
    const firstSeen = new Map([[novLate.findings[0]!.id, '2024-06-01T00:00:00.000Z']]);
    const data = monthlyReportData({ domain: 'shop.example', period, selection, baseline: september, latest: novLate, firstSeen, agency: null, now: new Date('2026-12-01T00:00:00.000Z') });
    expect(data.recommendations.find((r) => r.finding.id === novLate.findings[0]!.id)?.multiplier).toBe(15);
  });
});
