import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Audit, PointId, PointStatus } from '../lib/audit/schema';
import type { ChecklistAnswers } from '../lib/diagnosis/answers';
import { acceptSuggestion, setNote, setStatus } from '../lib/diagnosis/answer-edits';
import { suggestionsOf } from '../lib/diagnosis/rediagnose';
import type { ChecklistResponse } from '../lib/messages';

/** The answers recorded in an audit's checklist snapshot (points the user or a suggestion settled). */
export function answersOf(audit: Audit): ChecklistAnswers {
  const answers: ChecklistAnswers = {};
  for (const p of audit.checklist.points) {
    if (!p.origin || p.origin === 'none') continue;
    answers[p.id] = { status: p.status, origin: p.origin, ...(p.note ? { note: p.note } : {}), ...(p.confirmedAt ? { confirmedAt: p.confirmedAt } : {}) };
  }
  return answers;
}

/**
 * Checklist editing for a page: every change is sent at once through `vigie:checklist` (a popup
 * closes as soon as it loses focus, so nothing waits), and the re-diagnosed audit replaces the
 * shown one. Answers stay local until the background confirms; a late reply never overwrites a newer one.
 */
export function useChecklist(initial: Audit) {
  const [audit, setAudit] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const answers = useRef<ChecklistAnswers>(answersOf(initial));
  const sequence = useRef(0);

  async function send(next: ChecklistAnswers) {
    answers.current = next;
    const mine = ++sequence.current;
    const response = (await browser.runtime.sendMessage({ type: 'vigie:checklist', domain: audit.domain, answers: next })) as ChecklistResponse;
    if (mine !== sequence.current) return;
    if (response.ok) {
      setAudit(response.audit);
      setError(null);
    } else {
      setError(response.error.message);
    }
  }

  return {
    audit,
    error,
    setAudit,
    onStatus: (point: PointId, status: PointStatus) => void send(setStatus(answers.current, point, status, new Date())),
    onAccept: (point: PointId) => void send(acceptSuggestion(answers.current, point, suggestionsOf(audit.checklist.points)[point], new Date())),
    onNote: (point: PointId, note: string) => void send(setNote(answers.current, point, note, new Date())),
  };
}
