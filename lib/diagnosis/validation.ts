/**
 * Validation rule (product.md §2): maintenance is sufficient only when every Critique point is OK —
 * unknown, partial and not applicable are not OK. Élevé points that are not OK (not applicable
 * excepted) get a due date 30 calendar days after the audit, at the same local time.
 */
import type { ChecklistPoint, PointId } from '../audit/schema';
import { addCalendarDays } from './deadline';

export const DUE_DAYS = 30;

export function isSufficient(points: readonly ChecklistPoint[]): boolean {
  const critique = points.filter((p) => p.level === 'critique');
  return critique.length > 0 && critique.every((p) => p.status === 'ok');
}

/** Critique points that stand in the way of a sufficient verdict. */
export function blockingPoints(points: readonly ChecklistPoint[]): PointId[] {
  return points.filter((p) => p.level === 'critique' && p.status !== 'ok').map((p) => p.id);
}

export function dueDates(points: readonly ChecklistPoint[], auditDate: Date, timeZone = 'UTC'): { point: PointId; due: string }[] {
  const due = addCalendarDays(auditDate, DUE_DAYS, timeZone).toISOString();
  return points.filter((p) => p.level === 'eleve' && p.status !== 'ok' && p.status !== 'na').map((p) => ({ point: p.id, due }));
}
