/**
 * Rule of three criticals (product.md §3): no staging (S2), updates more than 6 months old (S3) and
 * no tested backup (S4) together make a major incident probable, not merely possible.
 */
import type { Diagnosis, PointId, Signal } from '../audit/schema';
import type { MessageRef } from '../evidence/schema';
import { CRITICAL_SIGNALS, SIGNAL_POINT } from './signals';

export interface ThreeCriticalsVerdict {
  /** probable: all three raised; possible: some raised, the others unconfirmed; no: otherwise. */
  state: Diagnosis['threeCriticals'];
  raised: string[];
  unconfirmed: string[];
  /** Points whose answers would settle the verdict (those of the unconfirmed signals). */
  settleWith: PointId[];
  /** What to say: a headline and, when it applies, which answers would settle it. */
  messages: MessageRef[];
}

export function threeCriticals(signals: readonly Signal[]): ThreeCriticalsVerdict {
  const critical = CRITICAL_SIGNALS.map((id) => ({ id, state: signals.find((s) => s.id === id)?.state ?? 'unconfirmed' }));
  const raised = critical.filter((s) => s.state === 'raised').map((s) => s.id);
  const unconfirmed = critical.filter((s) => s.state === 'unconfirmed').map((s) => s.id);
  const settleWith = critical.filter((s) => s.state === 'unconfirmed').map((s) => SIGNAL_POINT[s.id]);
  if (raised.length === 3) {
    return { state: 'probable', raised, unconfirmed, settleWith: [], messages: [{ key: 'verdict.three.probable', params: {} }] };
  }
  if (raised.length > 0 && raised.length + unconfirmed.length === 3) {
    return {
      state: 'possible',
      raised,
      unconfirmed,
      settleWith,
      messages: [
        { key: 'verdict.three.possible', params: { raised: raised.join(', '), count: raised.length } },
        { key: 'verdict.three.settle', params: { points: settleWith.join(', ') } },
      ],
    };
  }
  return { state: 'no', raised, unconfirmed, settleWith: [], messages: [] };
}
