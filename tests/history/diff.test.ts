import { describe, expect, it } from 'vitest';
import { diffAudits } from '../../lib/history/diff';
import { makeAudit } from '../store/helpers';

describe('diffAudits', () => {
  const older = makeAudit({ startedAt: '2026-10-01T00:00:00.000Z', score: 60, grade: 'C', findingIds: ['transport.https-missing', 'headers.xcto-missing', 'components.version-exposed:jquery'] });
  const newer = makeAudit({ startedAt: '2026-11-01T00:00:00.000Z', score: 85, grade: 'B+', findingIds: ['headers.xcto-missing', 'cookies.secure-missing:session'] });

  it('sorts findings into new, fixed and unchanged by id', () => {
    const d = diffAudits(older, newer);
    expect(d.appeared.map((f) => f.id)).toEqual(['cookies.secure-missing:session']);
    expect(d.fixed.map((f) => f.id)).toEqual(['transport.https-missing', 'components.version-exposed:jquery']);
    expect(d.unchanged.map((f) => f.id)).toEqual(['headers.xcto-missing']);
  });

  it('reads forwards in time whatever the argument order', () => {
    expect(diffAudits(newer, older)).toEqual(diffAudits(older, newer));
    expect(diffAudits(newer, older).olderId).toBe(older.id);
  });

  it('reports score and grade change', () => {
    const d = diffAudits(older, newer);
    expect(d.score).toEqual({ from: 60, to: 85, delta: 25 });
    expect(d.grade).toEqual({ from: 'C', to: 'B+', direction: 'better' });
    expect(diffAudits(older, { ...older, id: 'x', startedAt: '2027-01-01T00:00:00.000Z', score: { ...older.score, grade: 'F' } }).grade.direction).toBe('worse');
    expect(diffAudits(older, older).grade.direction).toBe('same');
  });

  it('lists checklist points whose status changed', () => {
    const after = structuredClone(newer);
    const c1 = after.checklist.points.find((p) => p.id === 'C1')!;
    const before = older.checklist.points.find((p) => p.id === 'C1')!.status;
    c1.status = before === 'ok' ? 'ko' : 'ok';
    after.checklist.points = after.checklist.points.filter((p) => p.id !== 'E9');
    const d = diffAudits(older, after);
    expect(d.checklist).toEqual([
      { point: 'C1', from: before, to: c1.status },
      { point: 'E9', from: older.checklist.points.find((p) => p.id === 'E9')!.status, to: null },
    ]);
  });

  it('an audit compared with itself has no change', () => {
    const d = diffAudits(older, older);
    expect(d.appeared).toEqual([]);
    expect(d.fixed).toEqual([]);
    expect(d.unchanged).toHaveLength(3);
    expect(d.checklist).toEqual([]);
  });
});
