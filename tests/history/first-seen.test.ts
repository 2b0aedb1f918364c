import { describe, expect, it } from 'vitest';
import { findingAge, firstSeenDates } from '../../lib/history/first-seen';

describe('firstSeenDates', () => {
  it('keeps the earliest sighting of each finding, whatever the order', () => {
    const first = firstSeenDates([
      { startedAt: '2026-03-01T00:00:00.000Z', findingIds: ['a', 'b'] },
      { startedAt: '2025-01-01T00:00:00.000Z', findingIds: ['a'] },
      { startedAt: '2026-05-01T00:00:00.000Z', findingIds: ['c', 'b'] },
    ]);
    expect(Object.fromEntries(first)).toEqual({ a: '2025-01-01T00:00:00.000Z', b: '2026-03-01T00:00:00.000Z', c: '2026-05-01T00:00:00.000Z' });
  });
});

describe('findingAge (rule 1-5-15)', () => {
  const seen = '2024-03-15T10:00:00.000Z';
  it('costs 1 in the first year', () => {
    expect(findingAge(seen, new Date('2024-03-15T10:00:00.000Z'))).toEqual({ days: 0, multiplier: 1 });
    expect(findingAge(seen, new Date('2025-03-15T09:59:59.000Z')).multiplier).toBe(1);
  });
  it('costs 5 from the first anniversary', () => {
    expect(findingAge(seen, new Date('2025-03-15T10:00:00.000Z'))).toEqual({ days: 365, multiplier: 5 });
    expect(findingAge(seen, new Date('2026-03-15T09:00:00.000Z')).multiplier).toBe(5);
  });
  it('costs 15 from the second anniversary', () => {
    expect(findingAge(seen, new Date('2026-03-15T10:00:00.000Z')).multiplier).toBe(15);
    expect(findingAge(seen, new Date('2030-01-01T00:00:00.000Z')).multiplier).toBe(15);
  });
  it('never gives a negative age for a clock that went backwards', () => {
    expect(findingAge(seen, new Date('2024-01-01T00:00:00.000Z'))).toEqual({ days: 0, multiplier: 1 });
  });
});
