/** When each finding was first seen on a domain, and its age under the 1-5-15 rule. */
import { findingAge as diagnosisFindingAge, type CostMultiplier } from '../diagnosis/finding-age';

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

export type { CostMultiplier } from '../diagnosis/finding-age';

export interface FindingAge { days: number; multiplier: CostMultiplier }

/** Rule 1-5-15, as the diagnosis computes it (lib/diagnosis/finding-age.ts), in days. */
export function findingAge(firstSeen: string, now: Date): FindingAge {
  const age = diagnosisFindingAge(firstSeen, now);
  return { days: age.ageDays, multiplier: age.multiplier };
}
