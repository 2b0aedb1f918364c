/**
 * Diagnosis: findings + checklist answers → checklist snapshot, signals, verdict and tier, and the
 * findings with their deadlines and first-seen dates.
 * Pure: the audit's date, the settings and the history come in; nothing reads the clock or storage.
 */
import type { ChecklistPoint, Diagnosis, Finding, PointId, Signal, Technology } from '../audit/schema';
import type { NotMeasured } from '../evidence/schema';
import { defaultSettings, type Criticality, type Settings } from '../settings/schema';
import type { ChecklistAnswers } from './answers';
import { CHECKLIST } from './checklist-model';
import { scheduleFindings, type FirstSeen } from './schedule';
import { computeSignals } from './signals';
import { suggestAll, type Suggestion } from './suggestions';
import { threeCriticals } from './three-criticals';
import { maintenanceSurface } from './surface';
import { recommendTier } from './tier';
import { dueDates, isSufficient } from './validation';

export type { ChecklistAnswers } from './answers';

export interface DiagnosisInput {
  findings: Finding[];
  technologies: Technology[];
  answers: ChecklistAnswers;
  now: Date;
  /** What the scan could not measure: decides whether a silent scan may suggest OK or clear a signal. */
  notMeasured?: NotMeasured[];
  /** Agency settings (priority matrix, working hours); defaults when absent (UTC working hours). */
  settings?: Settings;
  /** The domain's declared criticality; the settings' value for `domain` is used when absent. */
  criticality?: Criticality;
  domain?: string;
  /** First-seen date of each finding id on the domain, from the stored audits. */
  firstSeen?: FirstSeen;
}

export interface DiagnosisResult {
  checklist: { points: ChecklistPoint[] };
  signals: Signal[];
  diagnosis: Diagnosis;
  /** The input findings with `deadline` and `firstSeen` set. */
  findings: Finding[];
}

export function buildChecklist(answers: ChecklistAnswers, suggestions: Partial<Record<PointId, Suggestion>>): ChecklistPoint[] {
  return CHECKLIST.map((def) => {
    const answer = answers[def.id];
    const suggested = suggestions[def.id];
    return {
      id: def.id,
      block: def.block,
      level: def.level,
      status: answer?.status ?? 'unknown',
      ...(suggested ? { suggested } : {}),
      origin: answer?.origin ?? 'none',
      ...(answer?.note ? { note: answer.note } : {}),
      ...(answer?.confirmedAt ? { confirmedAt: answer.confirmedAt } : {}),
    };
  });
}

export function diagnose(input: DiagnosisInput): DiagnosisResult {
  const settings = input.settings ?? defaultSettings('UTC');
  const suggestions = suggestAll(
    { findings: input.findings, technologies: input.technologies, ...(input.notMeasured ? { notMeasured: input.notMeasured } : {}) },
    CHECKLIST.map((p) => p.id),
  );
  const points = buildChecklist(input.answers, suggestions);
  const signals = computeSignals({ points, findings: input.findings, ...(input.notMeasured ? { notMeasured: input.notMeasured } : {}) });
  const verdict = threeCriticals(signals);
  const criticality = input.criticality ?? (input.domain ? settings.criticality[input.domain] : undefined);
  const surface = maintenanceSurface(input.technologies);
  return {
    checklist: { points },
    signals,
    diagnosis: {
      sufficient: isSufficient(points),
      threeCriticals: verdict.state,
      dueDates: dueDates(points, input.now, settings.workingHours.timeZone),
      tier: recommendTier({ ...(criticality ? { criticality } : {}), findings: input.findings, signals, threeCriticals: verdict.state, surface }),
      surface,
    },
    findings: scheduleFindings(input.findings, input.now, settings, input.firstSeen),
  };
}

export { suggestAll, suggestionFor, CLEAN_SCAN_OK, type Suggestion } from './suggestions';
export { computeSignals, computeSignal, SIGNAL_IDS, CRITICAL_SIGNALS, SIGNAL_POINT } from './signals';
export { threeCriticals, type ThreeCriticalsVerdict } from './three-criticals';
export { isSufficient, blockingPoints, dueDates, DUE_DAYS } from './validation';
export { recommendTier } from './tier';
export { maintenanceSurface, largeSurface, type MaintenanceSurface } from './surface';
export { findingAge, costMultiplier, type FindingAge, type CostMultiplier } from './finding-age';
export { deadlineFor, addWorkingTime, addCalendarDays, nextMonthlyCycle } from './deadline';
export { scheduleFindings, type FirstSeen } from './schedule';
export { applyKey, keyAction, moveIndex, blockProgress, STATUS_KEYS, KEY_FOR_STATUS, type EntryState, type KeyResult } from './keyboard';
export { setStatus, setNote, acceptSuggestion, confirmAnswers, carryForward, staleAnswers, outdatedAcceptances } from './answer-edits';
