/** Exit codes of `vigie`, documented in docs/cli.md. */
import { SEVERITIES, type Severity } from '../lib/audit/schema';
import type { SiteOutcome } from './outcome';

export const EXIT = {
  /** Every site scanned; no finding reached --fail-on. */
  ok: 0,
  /** At least one finding is at or above the --fail-on severity. */
  findings: 1,
  /** Wrong options, unreadable list or checklist file, nothing to scan. */
  usage: 2,
  /** No site at all could be scanned. */
  allFailed: 3,
  /** Some sites could not be scanned (and no finding reached --fail-on). */
  someFailed: 4,
  /** Vigie itself failed (a bug: please report it). */
  internal: 5,
} as const;

export function reachesThreshold(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

export function exitCodeFor(results: readonly SiteOutcome[], failOn: Severity | null): number {
  const scanned = results.filter((r) => r.ok);
  if (failOn && scanned.some((r) => SEVERITIES.some((s) => r.counts[s] > 0 && reachesThreshold(s, failOn)))) return EXIT.findings;
  if (results.length > 0 && scanned.length === 0) return EXIT.allFailed;
  if (scanned.length < results.length) return EXIT.someFailed;
  return EXIT.ok;
}
