import { describe, expect, it } from 'vitest';
import type { PointId } from '../../lib/audit/schema';
import { ChecklistAnswers } from '../../lib/diagnosis/answers';
import { acceptSuggestion, carryForward, confirmAnswers, outdatedAcceptances, setNote, setStatus, staleAnswers } from '../../lib/diagnosis/answer-edits';
import { POINT_IDS } from '../../lib/diagnosis/checklist-model';
import { applyKey, blockProgress, type EntryState } from '../../lib/diagnosis/keyboard';

const now = new Date('2026-11-28T10:00:00Z');

describe('answer edits', () => {
  it('records the status, the origin and the confirmation date', () => {
    const a = setStatus({}, 'C3', 'ko', now);
    expect(a).toEqual({ C3: { status: 'ko', origin: 'user', confirmedAt: now.toISOString() } });
    expect(() => ChecklistAnswers.parse(a)).not.toThrow();
  });

  it('marks accepted suggestions, and ignores an acceptance without a suggestion', () => {
    const a = acceptSuggestion({}, 'A3', { status: 'ko', findingIds: ['transport.hsts-missing'] }, now);
    expect(a.A3).toEqual({ status: 'ko', origin: 'accepted', confirmedAt: now.toISOString() });
    expect(acceptSuggestion(a, 'A1', undefined, now)).toBe(a);
    // Overriding an accepted suggestion makes it the user's answer.
    expect(setStatus(a, 'A3', 'partial', now).A3?.origin).toBe('user');
  });

  it('keeps the note with status changes and clears a blank note', () => {
    let a = setNote({}, 'C1', 'Backups by the host, daily', now);
    expect(a.C1).toMatchObject({ status: 'unknown', note: 'Backups by the host, daily' });
    a = setStatus(a, 'C1', 'ok', now);
    expect(a.C1?.note).toBe('Backups by the host, daily');
    a = setNote(a, 'C1', '   ', now);
    expect(a.C1).not.toHaveProperty('note');
    expect(setNote({}, 'C1', 'x'.repeat(5000), now).C1?.note).toHaveLength(4000);
  });

  it('carries answers forward with their last confirmation date, dropping damaged entries', () => {
    const stored = {
      A1: { status: 'ok', origin: 'user', confirmedAt: '2026-10-01T09:00:00.000Z' },
      A2: { status: 'ko', origin: 'accepted' },
      A3: { status: 'maybe', origin: 'user' },
      Z9: { status: 'ok', origin: 'user' },
      B1: 'ok',
    };
    const old = new Date('2026-10-15T00:00:00Z');
    expect(carryForward(stored, old)).toEqual({
      A1: { status: 'ok', origin: 'user', confirmedAt: '2026-10-01T09:00:00.000Z' },
      A2: { status: 'ko', origin: 'accepted', confirmedAt: old.toISOString() },
    });
    expect(carryForward(null, old)).toEqual({});
    expect(carryForward('[]', old)).toEqual({});
  });

  it('re-confirms answers and finds stale ones', () => {
    const a = carryForward({ A1: { status: 'ok', origin: 'user', confirmedAt: '2026-05-01T00:00:00Z' }, A2: { status: 'ok', origin: 'user', confirmedAt: '2026-11-01T00:00:00Z' } }, now);
    expect(staleAnswers(a, now)).toEqual(['A1']);
    expect(staleAnswers(confirmAnswers(a, ['A1'], now), now)).toEqual([]);
  });

  it('finds accepted answers the scan no longer supports', () => {
    const a = acceptSuggestion({}, 'A3', { status: 'ko', findingIds: ['transport.hsts-missing'] }, now);
    expect(outdatedAcceptances(a, { A3: { status: 'ko', findingIds: [] } })).toEqual([]);
    expect(outdatedAcceptances(a, {})).toEqual(['A3']);
    expect(outdatedAcceptances(setStatus(a, 'A3', 'ko', now), {})).toEqual([]);
  });
});

describe('keyboard entry', () => {
  const type = (keys: string[], suggestions = {}) => {
    let state: EntryState = { index: 0, answers: {} };
    let handled = 0;
    for (const key of keys) {
      const r = applyKey(state, key, { suggestions, now });
      if (r.handled) handled++;
      state = r;
    }
    return { state, handled };
  };

  it('answers the 28 points in 28 keystrokes, moving on by itself', () => {
    const keys = POINT_IDS.map((_, i) => String((i % 5) + 1));
    expect(keys.length).toBeLessThanOrEqual(60);
    const { state, handled } = type(keys);
    expect(handled).toBe(28);
    expect(Object.keys(state.answers)).toHaveLength(28);
    expect(state.answers.A1?.status).toBe('ok');
    expect(state.answers.A2?.status).toBe('partial');
    expect(state.answers.A3?.status).toBe('ko');
    expect(state.answers.A4?.status).toBe('unknown');
    expect(state.answers.A5?.status).toBe('na');
    expect(state.index).toBe(27);
  });

  it('accepts a suggestion with Enter and goes back with the arrow to fix a mistake', () => {
    const suggestions: Partial<Record<PointId, { status: 'ko'; findingIds: string[] }>> = { A1: { status: 'ko', findingIds: ['components.vulnerable-version:jquery'] } };
    const { state } = type(['Enter', 'o', 'ArrowUp', 'ArrowUp', 'p'], suggestions);
    expect(state.answers.A1).toMatchObject({ status: 'partial', origin: 'user' });
    expect(state.answers.A2).toMatchObject({ status: 'ok' });
    expect(state.index).toBe(1);
    const accepted = type(['Enter'], suggestions).state;
    expect(accepted.answers.A1).toMatchObject({ status: 'ko', origin: 'accepted' });
  });

  it('letters work as well as digits, and other keys are left to the page', () => {
    const r = applyKey({ index: 0, answers: {} }, 'K', { suggestions: {}, now });
    expect(r).toMatchObject({ handled: true, changed: 'A1', index: 1 });
    expect(r.answers.A1?.status).toBe('ko');
    expect(applyKey({ index: 3, answers: {} }, 'x', { suggestions: {}, now })).toMatchObject({ handled: false, index: 3 });
    expect(applyKey({ index: 3, answers: {} }, 'Tab', { suggestions: {}, now }).handled).toBe(false);
    // Enter on a point without suggestion is swallowed without changing anything.
    expect(applyKey({ index: 3, answers: {} }, 'Enter', { suggestions: {}, now })).toMatchObject({ handled: true, index: 3, answers: {} });
  });

  it('counts progress per block, unknown not counting as answered', () => {
    const { state } = type(['1', '4', '3']);
    expect(blockProgress(state.answers).A).toEqual({ answered: 2, total: 5 });
    expect(blockProgress(state.answers).E).toEqual({ answered: 0, total: 9 });
  });
});
