/**
 * Pure edits of a domain's checklist answers. Every edit returns a new object; every answer records
 * its origin (`accepted`: the scan's suggestion taken as is; `user`: chosen or typed by the user) and
 * the date it was last confirmed.
 */
import type { PointId, PointStatus } from '../audit/schema';
import { ChecklistAnswer, type ChecklistAnswers } from './answers';
import type { Suggestion } from './suggestions';
import { POINT_IDS } from './checklist-model';

const MAX_NOTE = 4000;

export function setStatus(answers: ChecklistAnswers, point: PointId, status: PointStatus, now: Date): ChecklistAnswers {
  const previous = answers[point];
  return { ...answers, [point]: { ...previous, status, origin: 'user', confirmedAt: now.toISOString() } };
}

/** Takes the scan's suggestion as the answer; the audit then shows it as accepted. */
export function acceptSuggestion(answers: ChecklistAnswers, point: PointId, suggestion: Suggestion | undefined, now: Date): ChecklistAnswers {
  if (!suggestion) return answers;
  const previous = answers[point];
  return { ...answers, [point]: { ...previous, status: suggestion.status, origin: 'accepted', confirmedAt: now.toISOString() } };
}

/** Sets (or clears, when blank) the note of a point; a note alone leaves the status unknown. */
export function setNote(answers: ChecklistAnswers, point: PointId, note: string, now: Date): ChecklistAnswers {
  const previous = answers[point];
  const text = note.slice(0, MAX_NOTE);
  const base = previous ?? { status: 'unknown' as const, origin: 'user' as const };
  const { note: _old, ...rest } = base;
  return { ...answers, [point]: { ...rest, ...(text.trim() ? { note: text } : {}), confirmedAt: now.toISOString() } };
}

/** Marks answers as still true today without changing them (a re-audit walked through them). */
export function confirmAnswers(answers: ChecklistAnswers, points: readonly PointId[], now: Date): ChecklistAnswers {
  const out: ChecklistAnswers = { ...answers };
  for (const id of points) {
    const a = out[id];
    if (a) out[id] = { ...a, confirmedAt: now.toISOString() };
  }
  return out;
}

/**
 * The answers a new audit starts from: the stored ones, each validated on its own (a damaged entry is
 * dropped, not the whole set), with their last confirmation date kept. An answer that never recorded
 * one gets `fallbackConfirmedAt` (the date of the audit it was saved with).
 */
export function carryForward(stored: unknown, fallbackConfirmedAt: Date): ChecklistAnswers {
  const out: ChecklistAnswers = {};
  if (!stored || typeof stored !== 'object') return out;
  for (const id of POINT_IDS) {
    const parsed = ChecklistAnswer.safeParse((stored as Record<string, unknown>)[id]);
    if (!parsed.success) continue;
    out[id] = { ...parsed.data, confirmedAt: parsed.data.confirmedAt ?? fallbackConfirmedAt.toISOString() };
  }
  return out;
}

/** Answers last confirmed more than `maxAgeDays` ago, to be checked again with the client. */
export function staleAnswers(answers: ChecklistAnswers, now: Date, maxAgeDays = 90): PointId[] {
  const limit = now.getTime() - maxAgeDays * 86_400_000;
  return POINT_IDS.filter((id) => {
    const at = answers[id]?.confirmedAt;
    if (!at) return false;
    const t = Date.parse(at);
    return Number.isFinite(t) && t < limit;
  });
}

/**
 * Accepted answers whose suggestion has changed since (a fixed finding, a new one): the user took the
 * scan's word, and the scan now says something else.
 */
export function outdatedAcceptances(answers: ChecklistAnswers, suggestions: Partial<Record<PointId, Suggestion>>): PointId[] {
  return POINT_IDS.filter((id) => {
    const a = answers[id];
    return a?.origin === 'accepted' && suggestions[id]?.status !== a.status;
  });
}
