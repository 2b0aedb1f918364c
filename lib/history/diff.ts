/** Comparing two audits of a domain: findings by `id`, checklist points by id, score and grade. */
import { Grade, type Audit, type Finding, type PointId, type PointStatus } from '../audit/schema';

export interface ChecklistChange { point: PointId; from: PointStatus | null; to: PointStatus | null }

export interface AuditDiff {
  olderId: string;
  newerId: string;
  /** In the newer audit only. */
  appeared: Finding[];
  /** In the older audit only: no longer seen. */
  fixed: Finding[];
  /** In both (the newer audit's version). */
  unchanged: Finding[];
  checklist: ChecklistChange[];
  score: { from: number; to: number; delta: number };
  grade: { from: Grade; to: Grade; direction: 'better' | 'worse' | 'same' };
}

/** Position in the grade scale, 0 for A+ (best). */
function gradeRank(grade: Grade): number {
  return Grade.options.indexOf(grade);
}

/** Orders the two audits by date first, so "new" and "fixed" always read forwards in time. */
export function diffAudits(a: Audit, b: Audit): AuditDiff {
  const [older, newer] = a.startedAt <= b.startedAt ? [a, b] : [b, a];
  const olderIds = new Set(older.findings.map((f) => f.id));
  const newerIds = new Set(newer.findings.map((f) => f.id));
  const olderPoints = new Map(older.checklist.points.map((p) => [p.id, p.status]));
  const newerPoints = new Map(newer.checklist.points.map((p) => [p.id, p.status]));
  const checklist: ChecklistChange[] = [];
  for (const point of new Set([...olderPoints.keys(), ...newerPoints.keys()])) {
    const from = olderPoints.get(point) ?? null;
    const to = newerPoints.get(point) ?? null;
    if (from !== to) checklist.push({ point, from, to });
  }
  checklist.sort((x, y) => x.point.localeCompare(y.point));
  const rankDelta = gradeRank(newer.score.grade) - gradeRank(older.score.grade);
  return {
    olderId: older.id,
    newerId: newer.id,
    appeared: newer.findings.filter((f) => !olderIds.has(f.id)),
    fixed: older.findings.filter((f) => !newerIds.has(f.id)),
    unchanged: newer.findings.filter((f) => olderIds.has(f.id)),
    checklist,
    score: { from: older.score.value, to: newer.score.value, delta: newer.score.value - older.score.value },
    grade: { from: older.score.grade, to: newer.score.grade, direction: rankDelta < 0 ? 'better' : rankDelta > 0 ? 'worse' : 'same' },
  };
}
