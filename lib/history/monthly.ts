/**
 * Data of a domain's monthly report under the seven headings of the specification. What the audits
 * of the period show (changes between the audit before the period and the last one in it, score
 * trend) plus what the agency fills in. Pure: the caller loads the two audits this names.
 */
import { SEVERITIES, type Audit, type Finding, type PointId, type PointStatus, type Priority } from '../audit/schema';
import type { AgencyFields, AuditSummary } from '../store/schema';
import { diffAudits } from './diff';
import { findingAge, type CostMultiplier } from './first-seen';
import { periodTrend, type Trend } from './trend';

export interface Period { from: string; to: string }

/** A calendar month in UTC, `to` exclusive. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 1, 1)).toISOString(), to: new Date(Date.UTC(y, m, 1)).toISOString() };
}

export interface MonthlySelection {
  inPeriod: AuditSummary[];
  /** The last audit before the period, else the first one in it: the starting point. */
  baselineId: string | null;
  /** The last audit in the period: the state at its end. */
  latestId: string | null;
}

export function selectMonthlyAudits(summaries: readonly AuditSummary[], period: Period): MonthlySelection {
  const sorted = [...summaries].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  const inPeriod = sorted.filter((s) => s.startedAt >= period.from && s.startedAt < period.to);
  const before = sorted.filter((s) => s.startedAt < period.from);
  const baseline = before[before.length - 1] ?? inPeriod[0] ?? null;
  const latest = inPeriod[inPeriod.length - 1] ?? null;
  return { inPeriod, baselineId: latest ? baseline?.id ?? null : null, latestId: latest?.id ?? null };
}

export interface Recommendation { finding: Finding; firstSeen: string | null; multiplier: CostMultiplier | null }

export interface MonthlyReportData {
  domain: string;
  period: Period;
  auditCount: number;
  availability: { uptimePercent: number | null };
  incidentsAndRequests: { tickets: Record<Priority, number> | null };
  updatesApplied: { technologies: { name: string; from: string | null; to: string | null }[]; fixedComponents: Finding[] };
  security: { appeared: Finding[]; fixed: Finding[]; openBySeverity: Record<string, number>; trend: Trend; scoreFrom: number | null; scoreTo: number | null; gradeFrom: string | null; gradeTo: string | null };
  backups: { points: { id: PointId; status: PointStatus }[] };
  performance: { appeared: Finding[]; fixed: Finding[]; open: number };
  recommendations: Recommendation[];
  timeSpentHours: number | null;
  comment: string;
}

export interface MonthlyInput {
  domain: string;
  period: Period;
  selection: MonthlySelection;
  baseline: Audit | null;
  latest: Audit | null;
  firstSeen: ReadonlyMap<string, string>;
  agency: AgencyFields | null;
  now: Date;
  maxRecommendations?: number;
}

const BACKUP_POINTS: readonly PointId[] = ['C1', 'C2', 'C3', 'C4'];
const PRIORITY_ORDER: readonly Priority[] = ['P0', 'P1', 'P2', 'P3'];

function byUrgency(a: Finding, b: Finding): number {
  return PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id);
}

function technologyChanges(before: Audit | null, after: Audit | null): MonthlyReportData['updatesApplied']['technologies'] {
  if (!before || !after || before.id === after.id) return [];
  const old = new Map(before.technologies.map((t) => [t.name, t.version ?? null]));
  const now = new Map(after.technologies.map((t) => [t.name, t.version ?? null]));
  const changes: MonthlyReportData['updatesApplied']['technologies'] = [];
  for (const name of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const from = old.has(name) ? old.get(name)! : null;
    const to = now.has(name) ? now.get(name)! : null;
    if (from !== to || old.has(name) !== now.has(name)) changes.push({ name, from, to });
  }
  return changes;
}

export function monthlyReportData(input: MonthlyInput): MonthlyReportData {
  const { baseline, latest, agency } = input;
  const diff = baseline && latest && baseline.id !== latest.id ? diffAudits(baseline, latest) : null;
  const appeared = diff?.appeared ?? [];
  const fixed = diff?.fixed ?? [];
  const open = latest?.findings ?? [];
  const isPerf = (f: Finding) => f.family === 'performance';
  const openBySeverity: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const f of open) if (!isPerf(f)) openBySeverity[f.severity] = (openBySeverity[f.severity] ?? 0) + 1;
  const points = input.selection.inPeriod.map((s) => ({ id: s.id, startedAt: s.startedAt, score: s.score }));
  if (baseline && !points.some((p) => p.id === baseline.id)) points.push({ id: baseline.id, startedAt: baseline.startedAt, score: baseline.score.value });
  const trend = periodTrend(points);
  const statuses = new Map((latest?.checklist.points ?? []).map((p) => [p.id, p.status]));
  return {
    domain: input.domain,
    period: input.period,
    auditCount: input.selection.inPeriod.length,
    availability: { uptimePercent: agency?.uptimePercent ?? null },
    incidentsAndRequests: { tickets: agency ? { ...agency.tickets } : null },
    updatesApplied: { technologies: technologyChanges(baseline, latest), fixedComponents: fixed.filter((f) => f.family === 'components') },
    security: {
      appeared: appeared.filter((f) => !isPerf(f)),
      fixed: fixed.filter((f) => !isPerf(f)),
      openBySeverity,
      trend: trend.trend,
      scoreFrom: trend.from,
      scoreTo: trend.to,
      gradeFrom: baseline?.score.grade ?? null,
      gradeTo: latest?.score.grade ?? null,
    },
    backups: { points: BACKUP_POINTS.map((id) => ({ id, status: statuses.get(id) ?? 'unknown' })) },
    performance: { appeared: appeared.filter(isPerf), fixed: fixed.filter(isPerf), open: open.filter(isPerf).length },
    recommendations: [...open].sort(byUrgency).slice(0, input.maxRecommendations ?? 10).map((finding) => {
      const seen = input.firstSeen.get(finding.id) ?? null;
      return { finding, firstSeen: seen, multiplier: seen ? findingAge(seen, input.now).multiplier : null };
    }),
    timeSpentHours: agency?.timeSpentHours ?? null,
    comment: agency?.comment ?? '',
  };
}
