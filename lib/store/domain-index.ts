/** Keeps the `domains` row of a domain in step with its summaries, inside the caller's transaction. */
import type { IDBPObjectStore, StoreNames } from 'idb';
import { AuditSummary, type DomainRecord, type VigieDB } from './schema';

type Stores = ArrayLike<StoreNames<VigieDB>>;
type SummaryStore = IDBPObjectStore<VigieDB, Stores, 'summaries', 'readwrite'>;
type DomainStore = IDBPObjectStore<VigieDB, Stores, 'domains', 'readwrite'>;

export function domainRange(domain: string): IDBKeyRange {
  return IDBKeyRange.bound([domain, ''], [domain, '\uffff']);
}

async function validSummaries(summaries: SummaryStore, domain: string, direction: 'next' | 'prev', wanted: number): Promise<AuditSummary[]> {
  const found: AuditSummary[] = [];
  let cursor = await summaries.index('by-domain').openCursor(domainRange(domain), direction);
  while (cursor && found.length < wanted) {
    const parsed = AuditSummary.safeParse(cursor.value);
    if (parsed.success) found.push(parsed.data);
    cursor = await cursor.continue();
  }
  return found;
}

/** Reads at most three summaries and a count, whatever the size of the history. */
export async function refreshDomain(summaries: SummaryStore, domains: DomainStore, domain: string): Promise<void> {
  const [latest, earliest, count] = await Promise.all([
    validSummaries(summaries, domain, 'prev', 2),
    validSummaries(summaries, domain, 'next', 1),
    summaries.index('by-domain').count(domainRange(domain)),
  ]);
  const last = latest[0];
  if (!last || count === 0) {
    await domains.delete(domain);
    return;
  }
  const row: DomainRecord = {
    domain,
    auditCount: count,
    lastAuditId: last.id,
    lastStartedAt: last.startedAt,
    lastScore: last.score,
    lastGrade: last.grade,
    previousScore: latest[1]?.score ?? null,
    firstStartedAt: earliest[0]?.startedAt ?? last.startedAt,
  };
  await domains.put(row);
}
