/** Deleting history: one audit, one domain, or everything; and the storage used. */
import { AuditSummary, HISTORY_STORES } from './schema';
import { domainRange, refreshDomain } from './domain-index';
import type { VigieDatabase } from './open';
import { commitOrAbort, queueAll } from './write';

/** Deletes one audit and keeps its domain row right. Returns false when there was no such audit. */
export async function deleteAudit(db: VigieDatabase, id: string): Promise<boolean> {
  const tx = db.transaction(['audits', 'summaries', 'domains'], 'readwrite');
  return commitOrAbort(tx, async () => {
    const summaries = tx.objectStore('summaries');
    const audits = tx.objectStore('audits');
    const [summary, audit] = await Promise.all([summaries.get(id), audits.get(id)]);
    if (summary === undefined && audit === undefined) return false;
    // Even a corrupt record names its domain most of the time; use whichever is readable.
    const parsed = AuditSummary.safeParse(summary);
    const domain = parsed.success ? parsed.data.domain : (audit as { domain?: unknown } | undefined)?.domain;
    await Promise.all([audits.delete(id), summaries.delete(id)]);
    if (typeof domain === 'string') await refreshDomain(summaries, tx.objectStore('domains'), domain);
    return true;
  });
}

/** Deletes every audit of a domain, its row, its checklist answers and its monthly fields. Returns how many audits went. */
export async function deleteDomain(db: VigieDatabase, domain: string): Promise<number> {
  const tx = db.transaction(['audits', 'summaries', 'domains', 'checklist', 'agencyFields'], 'readwrite');
  return commitOrAbort(tx, async () => {
    const range = domainRange(domain);
    const ids = await tx.objectStore('summaries').index('by-domain').getAllKeys(range);
    const auditIds = await tx.objectStore('audits').index('by-domain').getAllKeys(range);
    const all = new Set([...ids, ...auditIds]);
    const fieldKeys = await tx.objectStore('agencyFields').getAllKeys(IDBKeyRange.bound(`${domain}|`, `${domain}|\uffff`));
    await queueAll(function* () {
      for (const id of all) {
        yield tx.objectStore('audits').delete(id);
        yield tx.objectStore('summaries').delete(id);
      }
      for (const key of fieldKeys) yield tx.objectStore('agencyFields').delete(key);
      yield tx.objectStore('domains').delete(domain);
      yield tx.objectStore('checklist').delete(domain);
    });
    return all.size;
  });
}

/** Clears the whole history (audits, summaries, domains, checklist answers, monthly fields). */
export async function deleteEverything(db: VigieDatabase): Promise<void> {
  const tx = db.transaction([...HISTORY_STORES], 'readwrite');
  await commitOrAbort(tx, () => queueAll(() => HISTORY_STORES.map((name) => tx.objectStore(name).clear())));
}

export interface StorageUsage { usage: number; quota: number }

/** `navigator.storage.estimate`, injected so the function runs anywhere; null when unavailable. */
export async function storageUsage(estimate: (() => Promise<StorageEstimate>) | undefined): Promise<StorageUsage | null> {
  if (!estimate) return null;
  try {
    const { usage, quota } = await estimate();
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null;
  } catch {
    return null;
  }
}
