import { describe, expect, it } from 'vitest';
import { periodTrend, scoreTrend } from '../../lib/history/trend';
import { polylinePoints, scoreChartPoints } from '../../lib/history/chart';

describe('scoreTrend', () => {
  it('compares the last score with the previous one', () => {
    expect(scoreTrend(null, 70)).toBe('none');
    expect(scoreTrend(60, 70)).toBe('up');
    expect(scoreTrend(80, 70)).toBe('down');
    expect(scoreTrend(70, 70)).toBe('flat');
  });
});

describe('periodTrend', () => {
  it('compares first and last by date, not by input order', () => {
    const points = [
      { id: 'c', startedAt: '2026-11-20T00:00:00.000Z', score: 90 },
      { id: 'a', startedAt: '2026-11-01T00:00:00.000Z', score: 40 },
      { id: 'b', startedAt: '2026-11-10T00:00:00.000Z', score: 95 },
    ];
    expect(periodTrend(points)).toEqual({ trend: 'up', from: 40, to: 90 });
    expect(periodTrend([points[0]!])).toEqual({ trend: 'none', from: 90, to: 90 });
    expect(periodTrend([])).toEqual({ trend: 'none', from: null, to: null });
  });
});

describe('scoreChartPoints', () => {
  const layout = { width: 200, height: 100, padding: 10 };
  it('places points by date and score inside the padding', () => {
    const pts = scoreChartPoints([
      { id: 'b', startedAt: '2026-03-01T00:00:00.000Z', score: 100 },
      { id: 'a', startedAt: '2026-01-01T00:00:00.000Z', score: 0 },
      { id: 'c', startedAt: '2026-02-01T00:00:00.000Z', score: 50 },
    ], layout);
    expect(pts.map((p) => p.id)).toEqual(['a', 'c', 'b']);
    expect(pts[0]).toMatchObject({ x: 10, y: 90 });
    expect(pts[2]).toMatchObject({ x: 190, y: 10 });
    expect(pts[1]!.y).toBe(50);
    expect(pts[1]!.x).toBeGreaterThan(10);
    expect(pts[1]!.x).toBeLessThan(190);
    expect(polylinePoints(pts)).toBe(pts.map((p) => `${p.x},${p.y}`).join(' '));
  });
  it('clamps scores outside 0–100 and centres a single audit', () => {
    const [only] = scoreChartPoints([{ id: 'a', startedAt: '2026-01-01T00:00:00.000Z', score: 135 }], layout);
    expect(only).toMatchObject({ x: 100, y: 10, score: 135 });
    expect(scoreChartPoints([], layout)).toEqual([]);
  });
  it('spreads audits of the same instant evenly', () => {
    const same = '2026-01-01T00:00:00.000Z';
    const pts = scoreChartPoints([{ id: 'a', startedAt: same, score: 1 }, { id: 'b', startedAt: same, score: 2 }], layout);
    expect(pts.map((p) => p.x)).toEqual([10, 190]);
  });
});
