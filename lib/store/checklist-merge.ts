/** Per-point merge of two versions of a domain's checklist answers (pure). */
import type { ChecklistAnswer, DomainChecklist } from '../diagnosis/answers';
import { PointId } from '../audit/schema';

/** When a point's answer was given: its own confirmation date, else the date of the record holding it. */
function answeredAt(answer: ChecklistAnswer, record: DomainChecklist): string {
  return answer.confirmedAt ?? record.updatedAt;
}

/**
 * Every point answered on either side is kept; where both answered, the later answer wins and the
 * incoming one wins a tie (it is the newer write). Nothing is dropped by omission.
 */
export function mergeChecklists(stored: DomainChecklist | null, incoming: DomainChecklist): DomainChecklist {
  if (!stored) return incoming;
  const answers: DomainChecklist['answers'] = {};
  for (const point of PointId.options) {
    const mine = stored.answers[point];
    const theirs = incoming.answers[point];
    if (mine && theirs) answers[point] = answeredAt(mine, stored) > answeredAt(theirs, incoming) ? mine : theirs;
    else if (mine ?? theirs) answers[point] = (mine ?? theirs)!;
  }
  const updatedAt = stored.updatedAt > incoming.updatedAt ? stored.updatedAt : incoming.updatedAt;
  return { domain: incoming.domain, answers, updatedAt };
}
