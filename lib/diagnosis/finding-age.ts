/**
 * Finding age and the rule 1-5-15 (product.md §4): fixing now costs 1, after one year 5, after two
 * years 15. Vigie uses steps, not a curve — the specification gives these three figures only, and we
 * do not invent the ones in between: before the first anniversary of the first sighting → ×1, from
 * the first → ×5, from the second → ×15 (and no more after that). Anniversaries are calendar years in
 * UTC (a first sighting on 29 February reaches its anniversary on 1 March), the same rule as
 * lib/history/first-seen.ts.
 */
const DAY = 86_400_000;

export type CostMultiplier = 1 | 5 | 15;

export interface FindingAge {
  firstSeen: string;
  ageDays: number;
  multiplier: CostMultiplier;
}

function anniversary(from: number, years: number): number {
  const d = new Date(from);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

export function costMultiplier(firstSeen: Date, now: Date): CostMultiplier {
  const t = firstSeen.getTime();
  if (now.getTime() >= anniversary(t, 2)) return 15;
  if (now.getTime() >= anniversary(t, 1)) return 5;
  return 1;
}

/**
 * Age of a finding at the audit date. A first-seen date that is missing, unreadable or later than the
 * audit (clock skew, imported data) counts as first seen now.
 */
export function findingAge(firstSeen: string | undefined, now: Date): FindingAge {
  const t = firstSeen ? Date.parse(firstSeen) : NaN;
  const start = Number.isFinite(t) && t <= now.getTime() ? t : now.getTime();
  const ageDays = Math.floor((now.getTime() - start) / DAY);
  return { firstSeen: new Date(start).toISOString(), ageDays, multiplier: costMultiplier(new Date(start), now) };
}
