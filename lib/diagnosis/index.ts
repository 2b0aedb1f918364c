/**
 * Diagnosis: findings + checklist answers → checklist snapshot, signals, verdict and tier.
 * Pure: the audit's date comes in, nothing is read from the clock.
 */
import type { ChecklistPoint, Diagnosis, Finding, Signal, Technology } from '../audit/schema';
import type { MessageRef } from '../evidence/schema';
import { CHECKLIST } from './checklist-model';

import type { ChecklistAnswers } from './answers';
export type { ChecklistAnswers } from './answers';

export interface DiagnosisInput {
  findings: Finding[];
  technologies: Technology[];
  answers: ChecklistAnswers;
  now: Date;
}

export interface DiagnosisResult {
  checklist: { points: ChecklistPoint[] };
  signals: Signal[];
  diagnosis: Diagnosis;
}

function suggestionFor(pointId: string, findings: Finding[]): ChecklistPoint['suggested'] {
  const related = findings.filter((f) => f.checklistPoint === pointId);
  if (!related.length) return undefined;
  const serious = related.some((f) => f.severity === 'critical' || f.severity === 'high');
  return { status: serious ? 'ko' : 'partial', findingIds: related.map((f) => f.id) };
}

export function buildChecklist(findings: Finding[], answers: ChecklistAnswers): ChecklistPoint[] {
  return CHECKLIST.map((def) => {
    const answer = answers[def.id];
    const suggested = suggestionFor(def.id, findings);
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

function pointSignal(id: string, level: 'critique' | 'eleve', point: ChecklistPoint | undefined, extra: MessageRef[] = []): Signal {
  const reasons: MessageRef[] = [...extra];
  if (point?.status === 'ko') reasons.unshift({ key: 'signal.reason.point-ko', params: { point: point.id } });
  if (reasons.length) return { id, level, state: 'raised', reasons };
  if (!point || point.status === 'unknown') return { id, level, state: 'unconfirmed', reasons: point ? [{ key: 'signal.reason.point-unknown', params: { point: point.id } }] : [] };
  return { id, level, state: 'clear', reasons: [] };
}

export function computeSignals(points: ChecklistPoint[], findings: Finding[]): Signal[] {
  const p = (id: string) => points.find((x) => x.id === id);
  const behind = findings.filter((f) => f.ruleId === 'components.eol' || f.ruleId === 'components.behind');
  const scanSignal = (id: string, rulePrefixes: string[]): Signal => {
    const hits = findings.filter((f) => rulePrefixes.some((r) => f.ruleId.startsWith(r)));
    return hits.length
      ? { id, level: 'eleve', state: 'raised', reasons: hits.slice(0, 10).map((f) => ({ key: 'signal.reason.finding', params: { finding: f.id } })) }
      : { id, level: 'eleve', state: 'clear', reasons: [] };
  };
  return [
    pointSignal('S1', 'eleve', p('E1')),
    pointSignal('S2', 'critique', p('D1')),
    pointSignal('S3', 'critique', p('D4'), behind.map((f) => ({ key: 'signal.reason.finding', params: { finding: f.id } }))),
    pointSignal('S4', 'critique', p('C3')),
    pointSignal('S5', 'eleve', p('B1')),
    pointSignal('S6', 'eleve', p('E4')),
    scanSignal('S7', ['transport.']),
    scanSignal('S8', ['components.vulnerable']),
    scanSignal('S9', ['headers.', 'csp.']),
    scanSignal('S10', ['disclosure.', 'components.version-exposed']),
  ];
}

export function diagnose(input: DiagnosisInput): DiagnosisResult {
  const points = buildChecklist(input.findings, input.answers);
  const signals = computeSignals(points, input.findings);
  const critical = ['S2', 'S3', 'S4'].map((id) => signals.find((s) => s.id === id)!);
  const threeCriticals = critical.every((s) => s.state === 'raised')
    ? 'probable'
    : critical.some((s) => s.state === 'raised') && critical.every((s) => s.state !== 'clear')
      ? 'possible'
      : 'no';
  const due = new Date(input.now.getTime() + 30 * 86_400_000).toISOString();
  const dueDates = points.filter((pt) => pt.level === 'eleve' && pt.status !== 'ok' && pt.status !== 'na').map((pt) => ({ point: pt.id, due }));
  const seriousFindings = input.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').length;
  return {
    checklist: { points },
    signals,
    diagnosis: {
      sufficient: points.filter((pt) => pt.level === 'critique').every((pt) => pt.status === 'ok'),
      threeCriticals,
      dueDates,
      tier: {
        recommended: seriousFindings > 0 ? 'business' : 'essentiel',
        reasons: [{ key: seriousFindings > 0 ? 'tier.reason.serious-findings' : 'tier.reason.default', params: { count: seriousFindings } }],
      },
    },
  };
}
