/**
 * Finding age at the date of an audit, under the rule 1-5-15 (product.md §4), computed by the same
 * function as the history (lib/history/first-seen.ts) so that every page and export agrees.
 */
import { findingAge, type FindingAge } from '../history/first-seen';

/** Null when the first sighting is unknown, or either date is not a date. */
export function ageAt(firstSeen: string | undefined | null, at: string): FindingAge | null {
  if (!firstSeen || Number.isNaN(Date.parse(firstSeen)) || Number.isNaN(Date.parse(at))) return null;
  return findingAge(firstSeen, new Date(at));
}
