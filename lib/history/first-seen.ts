/** When each finding was first seen on a domain, and its age under the 1-5-15 rule. */

export interface FindingSighting { startedAt: string; findingIds: readonly string[] }

/** Earliest audit date per finding id, from a domain's summaries (any order). */
export function firstSeenDates(summaries: readonly FindingSighting[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const s of summaries) {
    for (const id of s.findingIds) {
      const known = first.get(id);
      if (known === undefined || s.startedAt < known) first.set(id, s.startedAt);
    }
  }
  return first;
}

export type CostMultiplier = 1 | 5 | 15;

export interface FindingAge { days: number; multiplier: CostMultiplier }

const DAY_MS = 86_400_000;

/**
 * Rule 1-5-15: fixing now costs 1, after one year 5, after two years 15. Years are calendar
 * years from the first sighting (a first sighting on 29 February counts from 1 March).
 */
export function findingAge(firstSeen: string, now: Date): FindingAge {
  const seen = new Date(firstSeen);
  const days = Math.max(0, Math.floor((now.getTime() - seen.getTime()) / DAY_MS));
  const anniversary = (years: number) => {
    const d = new Date(seen);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    return d.getTime();
  };
  const multiplier: CostMultiplier = now.getTime() >= anniversary(2) ? 15 : now.getTime() >= anniversary(1) ? 5 : 1;
  return { days, multiplier };
}
