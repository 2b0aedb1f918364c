/**
 * Re-diagnosis of a saved audit after the checklist answers changed (the `vigie:checklist` message):
 * the scan is not re-run; its findings, technologies and what it could not measure are reused.
 */
import type { Audit, ChecklistPoint, PointId } from '../audit/schema';
import type { Criticality, Settings } from '../settings/schema';
import type { ChecklistAnswers } from './answers';
import type { FirstSeen } from './schedule';
import type { Suggestion } from './suggestions';
import { diagnose } from './index';

export interface RediagnoseOptions {
  settings?: Settings;
  criticality?: Criticality;
  /** First-seen dates from the history; the audit's own `firstSeen` values otherwise. */
  firstSeen?: FirstSeen;
}

export function rediagnose(audit: Audit, answers: ChecklistAnswers, options: RediagnoseOptions = {}): Audit {
  const firstSeen: FirstSeen = options.firstSeen ?? Object.fromEntries(audit.findings.filter((f) => f.firstSeen).map((f) => [f.id, f.firstSeen!]));
  const result = diagnose({
    findings: audit.findings,
    technologies: audit.technologies,
    answers,
    now: new Date(audit.startedAt),
    notMeasured: audit.notMeasured,
    domain: audit.domain,
    firstSeen,
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.criticality ? { criticality: options.criticality } : {}),
  });
  return { ...audit, findings: result.findings, checklist: result.checklist, signals: result.signals, diagnosis: result.diagnosis };
}

/** The suggestions recorded in an audit's checklist, by point (for `acceptSuggestion`). */
export function suggestionsOf(points: readonly ChecklistPoint[]): Partial<Record<PointId, Suggestion>> {
  const out: Partial<Record<PointId, Suggestion>> = {};
  for (const p of points) if (p.suggested) out[p.id] = p.suggested;
  return out;
}
