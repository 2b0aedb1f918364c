import { describe, expect, it } from 'vitest';
import type { Signal } from '../../lib/audit/schema';
import { threeCriticals } from '../../lib/diagnosis/three-criticals';
import { blockingPoints, dueDates, isSufficient } from '../../lib/diagnosis/validation';
import { computeSignals } from '../../lib/diagnosis/signals';
import { finding, points } from './helpers';

const sig = (s2: Signal['state'], s3: Signal['state'], s4: Signal['state']): Signal[] =>
  ([['S2', s2], ['S3', s3], ['S4', s4]] as const).map(([id, state]) => ({ id, level: 'critique', state, reasons: [] }));

describe('rule of three criticals', () => {
  it('says a major incident is probable when S2, S3 and S4 are all raised', () => {
    const v = threeCriticals(sig('raised', 'raised', 'raised'));
    expect(v.state).toBe('probable');
    expect(v.messages).toEqual([{ key: 'verdict.three.probable', params: {} }]);
  });

  it('when some are raised and the others unconfirmed, names the answers that would settle it', () => {
    const v = threeCriticals(sig('raised', 'unconfirmed', 'unconfirmed'));
    expect(v.state).toBe('possible');
    expect(v.settleWith).toEqual(['D4', 'C3']);
    expect(v.messages[1]).toEqual({ key: 'verdict.three.settle', params: { points: 'D4, C3' } });
    const w = threeCriticals(sig('unconfirmed', 'raised', 'raised'));
    expect(w.state).toBe('possible');
    expect(w.settleWith).toEqual(['D1']);
  });

  it('is "no" as soon as one of the three is clear, or when none is raised', () => {
    expect(threeCriticals(sig('raised', 'raised', 'clear')).state).toBe('no');
    expect(threeCriticals(sig('unconfirmed', 'unconfirmed', 'unconfirmed')).state).toBe('no');
    expect(threeCriticals(sig('clear', 'clear', 'clear')).messages).toEqual([]);
  });

  it('follows the answers end to end: D1 KO + C3 KO + an end-of-life component', () => {
    const signals = computeSignals({ points: points({ D1: 'ko', C3: 'ko' }), findings: [finding('components.eol', 'high', 'D3', 'php')] });
    expect(threeCriticals(signals).state).toBe('probable');
    const partial = computeSignals({ points: points({ D1: 'ko' }), findings: [] });
    expect(threeCriticals(partial).settleWith).toEqual(['D4', 'C3']);
  });
});

describe('validation rule', () => {
  const allCritiqueOk = { A1: 'ok', A2: 'ok', A3: 'ok', C1: 'ok', C3: 'ok', D1: 'ok', D3: 'ok', D4: 'ok' } as const;

  it('is sufficient only when every Critique point is OK', () => {
    expect(isSufficient(points(allCritiqueOk))).toBe(true);
    expect(blockingPoints(points(allCritiqueOk))).toEqual([]);
  });

  it('treats unknown, partial and not applicable as not OK', () => {
    for (const status of ['unknown', 'partial', 'na', 'ko'] as const) {
      const pts = points({ ...allCritiqueOk, C3: status });
      expect(isSufficient(pts)).toBe(false);
      expect(blockingPoints(pts)).toEqual(['C3']);
    }
  });

  it('ignores Élevé points for sufficiency', () => {
    expect(isSufficient(points({ ...allCritiqueOk, E1: 'ko', B1: 'unknown' }))).toBe(true);
  });

  it('gives Élevé points not OK a due date 30 days after the audit, and none to OK, N/A or Critique points', () => {
    const dates = dueDates(points({ A4: 'ko', A5: 'ok', B1: 'na', B2: 'partial', A1: 'ko' }), new Date('2026-11-28T10:12:00Z'));
    const ids = dates.map((d) => d.point);
    expect(ids).toContain('A4');
    expect(ids).toContain('B2');
    expect(ids).toContain('E9'); // unknown is not OK
    expect(ids).not.toContain('A5');
    expect(ids).not.toContain('B1');
    expect(ids).not.toContain('A1');
    expect(ids).toHaveLength(20 - 2);
    expect(new Set(dates.map((d) => d.due))).toEqual(new Set(['2026-12-28T10:12:00.000Z']));
  });

  it('keeps the local time of the due date across a daylight-saving change', () => {
    // 10:00 in Paris on 10 March 2026 (UTC+1) → 9 April 2026 at 10:00 Paris (UTC+2).
    const [first] = dueDates(points({ A4: 'ko' }), new Date('2026-03-10T09:00:00Z'), 'Europe/Paris');
    expect(first!.due).toBe('2026-04-09T08:00:00.000Z');
  });
});
