/**
 * Finding age and the rule 1-5-15 (product.md §4): fixing now costs 1, after one year 5, after two
 * years 15. Vigie uses steps, not a curve — the specification gives these three figures only, and
 * we do not invent the ones in between: under one year → ×1, from one year → ×5, from two years → ×15
 * (and no more after that). A year is 365 days.
 */
const DAY = 86_400_000;
export const YEAR_DAYS = 365;

export interface FindingAge {
  firstSeen: string;
  ageDays: number;
  multiplier: 1 | 5 | 15;
}

export function costMultiplier(ageDays: number): 1 | 5 | 15 {
  if (ageDays >= 2 * YEAR_DAYS) return 15;
  if (ageDays >= YEAR_DAYS) return 5;
  return 1;
}

/**
 * Age of a finding at the audit date. A first-seen date that is missing, unreadable or later than the
 * audit (clock skew, imported data) counts as first seen now.
 */
export function findingAge(firstSeen: string | undefined, now: Date): FindingAge {
  const t = firstSeen ? Date.parse(firstSeen) : NaN;
  const valid = Number.isFinite(t) && t <= now.getTime();
  const start = valid ? t : now.getTime();
  const ageDays = Math.floor((now.getTime() - start) / DAY);
  return { firstSeen: new Date(start).toISOString(), ageDays, multiplier: costMultiplier(ageDays) };
}
