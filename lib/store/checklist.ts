/** Checklist answers per domain, in the `checklist` store keyed by domain. */
import { DomainChecklist, type ChecklistAnswers } from '../diagnosis/answers';
import { mergeChecklists } from './checklist-merge';
import { defaultReporter, type CorruptRecordReporter } from './errors';
import type { VigieDatabase } from './open';
import { readValid } from './read-valid';
import { commitOrAbort } from './write';

export async function getChecklist(db: VigieDatabase, domain: string, report: CorruptRecordReporter = defaultReporter): Promise<DomainChecklist | null> {
  return readValid(db, 'checklist', domain, DomainChecklist, report);
}

/**
 * Saves a domain's answers, merged point by point with what is stored (later answer wins). The read
 * and the write share one readwrite transaction, so two pages saving at once lose nothing.
 * Returns the merged record. Throws StoreError.
 */
export async function saveChecklist(db: VigieDatabase, checklist: DomainChecklist): Promise<DomainChecklist> {
  const incoming = DomainChecklist.parse(checklist);
  const tx = db.transaction('checklist', 'readwrite');
  return commitOrAbort(tx, async () => {
    const stored = DomainChecklist.safeParse(await tx.store.get(incoming.domain));
    const merged = mergeChecklists(stored.success ? stored.data : null, incoming);
    await tx.store.put(merged);
    return merged;
  });
}

/** Changes only the given points, stamping them `now`: the simplest call for a page editing one answer. */
export async function updateChecklistAnswers(db: VigieDatabase, domain: string, changes: ChecklistAnswers, now: Date): Promise<DomainChecklist> {
  const at = now.toISOString();
  const answers: ChecklistAnswers = {};
  for (const [point, answer] of Object.entries(changes) as [keyof ChecklistAnswers, NonNullable<ChecklistAnswers[keyof ChecklistAnswers]>][]) {
    answers[point] = { ...answer, confirmedAt: at };
  }
  return saveChecklist(db, { domain, answers, updatedAt: at });
}
