/** Score trends from summaries (no audit needs to be read). */

export type Trend = 'up' | 'down' | 'flat' | 'none';

/** Compares the last score with the one before it; `none` when there is only one audit. */
export function scoreTrend(previous: number | null, last: number): Trend {
  if (previous === null) return 'none';
  return last > previous ? 'up' : last < previous ? 'down' : 'flat';
}

export interface ScorePoint { id: string; startedAt: string; score: number }

/** Overall trend across a period: first score against last score, in date order. */
export function periodTrend(points: readonly ScorePoint[]): { trend: Trend; from: number | null; to: number | null } {
  const sorted = [...points].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return { trend: 'none', from: null, to: null };
  return { trend: sorted.length < 2 ? 'none' : scoreTrend(first.score, last.score), from: first.score, to: last.score };
}
