/**
 * Fast keyboard entry of the checklist: one key per status, then the cursor moves to the next point
 * by itself, so 28 points take 28 keystrokes (60 at most is the budget).
 *
 * Keys: 1/o = OK, 2/p = partial, 3/k = KO, 4/u = unknown, 5/n = not applicable,
 * Enter/a = accept the suggested status, ↓/j = next point, ↑ = previous point, Home/End.
 */
import type { PointId, PointStatus } from '../audit/schema';
import type { ChecklistAnswers } from './answers';
import { acceptSuggestion, setStatus } from './answer-edits';
import { POINT_IDS } from './checklist-model';
import type { Suggestion } from './suggestions';

export const STATUS_KEYS: Readonly<Record<string, PointStatus>> = {
  '1': 'ok', o: 'ok',
  '2': 'partial', p: 'partial',
  '3': 'ko', k: 'ko',
  '4': 'unknown', u: 'unknown',
  '5': 'na', n: 'na',
};
/** The key shown next to each status button. */
export const KEY_FOR_STATUS: Readonly<Record<PointStatus, string>> = { ok: '1', partial: '2', ko: '3', unknown: '4', na: '5' };

export interface EntryState {
  index: number;
  answers: ChecklistAnswers;
}

export interface EntryContext {
  suggestions: Partial<Record<PointId, Suggestion>>;
  now: Date;
  points?: readonly PointId[];
}

export interface KeyResult extends EntryState {
  /** Whether the key was used (the page should then prevent its default action). */
  handled: boolean;
  /** The point whose answer changed, to be saved. */
  changed?: PointId;
}

export type KeyAction =
  | { kind: 'status'; status: PointStatus }
  | { kind: 'accept' }
  | { kind: 'move'; to: 'next' | 'previous' | 'first' | 'last' };

/** What a key does in the checklist, or null when the key is left to the page. */
export function keyAction(key: string): KeyAction | null {
  const status = STATUS_KEYS[key.length === 1 ? key.toLowerCase() : key];
  if (status) return { kind: 'status', status };
  switch (key) {
    case 'Enter':
    case 'a':
    case 'A':
      return { kind: 'accept' };
    case 'ArrowDown':
    case 'j':
      return { kind: 'move', to: 'next' };
    case 'ArrowUp':
      return { kind: 'move', to: 'previous' };
    case 'Home':
      return { kind: 'move', to: 'first' };
    case 'End':
      return { kind: 'move', to: 'last' };
    default:
      return null;
  }
}

export function moveIndex(index: number, to: 'next' | 'previous' | 'first' | 'last', count: number): number {
  const last = count - 1;
  if (to === 'next') return Math.min(index + 1, last);
  if (to === 'previous') return Math.max(index - 1, 0);
  return to === 'first' ? 0 : last;
}

export function applyKey(state: EntryState, key: string, ctx: EntryContext): KeyResult {
  const points = ctx.points ?? POINT_IDS;
  const index = Math.min(Math.max(state.index, 0), points.length - 1);
  const point = points[index]!;
  const advance = moveIndex(index, 'next', points.length);
  const action = keyAction(key);
  if (!action) return { ...state, index, handled: false };
  if (action.kind === 'status') {
    return { index: advance, answers: setStatus(state.answers, point, action.status, ctx.now), handled: true, changed: point };
  }
  if (action.kind === 'accept') {
    const suggestion = ctx.suggestions[point];
    // Enter without a suggestion is swallowed (no form to submit here); the letter is left alone.
    if (!suggestion) return { ...state, index, handled: key === 'Enter' };
    return { index: advance, answers: acceptSuggestion(state.answers, point, suggestion, ctx.now), handled: true, changed: point };
  }
  return { ...state, index: moveIndex(index, action.to, points.length), handled: true };
}

/** Answered points per block, for the progress display. */
export function blockProgress(answers: ChecklistAnswers, points: readonly PointId[] = POINT_IDS): Record<string, { answered: number; total: number }> {
  const out: Record<string, { answered: number; total: number }> = {};
  for (const id of points) {
    const block = id[0]!;
    const entry = (out[block] ??= { answered: 0, total: 0 });
    entry.total++;
    const status = answers[id]?.status;
    if (status && status !== 'unknown') entry.answered++;
  }
  return out;
}
