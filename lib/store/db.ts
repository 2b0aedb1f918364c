/**
 * Per-domain history in IndexedDB (idb). Schema versions are explicit (`migrations/`, one file per
 * step); records are validated when read: a corrupt one is reported and skipped.
 */
import { Audit } from '../audit/schema';
import { domainRange, refreshDomain } from './domain-index';
import { defaultReporter, type CorruptRecordReporter } from './errors';
import { DB_NAME, openAtVersion, type VigieDatabase } from './open';
import { AuditSummary } from './schema';
import { readValid } from './read-valid';
import { commitOrAbort } from './write';

export { DB_NAME, DB_VERSION, type VigieDatabase } from './open';
export { AuditSummary } from './schema';
export type { CorruptRecordReporter } from './errors';

export function openVigieDB(name = DB_NAME): Promise<VigieDatabase> {
  return openAtVersion(name);
}

export function summarize(audit: Audit): AuditSummary {
  return {
    id: audit.id,
    domain: audit.domain,
    url: audit.url,
    startedAt: audit.startedAt,
    score: audit.score.value,
    grade: audit.score.grade,
    findingCount: audit.findings.length,
    findingIds: audit.findings.map((f) => f.id),
  };
}

/** Saves (or replaces) an audit, its summary and its domain row in one transaction. Throws StoreError. */
export async function saveAudit(db: VigieDatabase, audit: Audit): Promise<void> {
  const valid = Audit.parse(audit);
  const tx = db.transaction(['audits', 'summaries', 'domains'], 'readwrite');
  await commitOrAbort(tx, async () => {
    const summaries = tx.objectStore('summaries');
    const previous = AuditSummary.safeParse(await summaries.get(valid.id));
    await tx.objectStore('audits').put(valid);
    await summaries.put(summarize(valid));
    await refreshDomain(summaries, tx.objectStore('domains'), valid.domain);
    // Re-saving an id under another domain moves it: the old domain's row must follow.
    if (previous.success && previous.data.domain !== valid.domain) await refreshDomain(summaries, tx.objectStore('domains'), previous.data.domain);
  });
}

export async function getAudit(db: VigieDatabase, id: string, report: CorruptRecordReporter = defaultReporter): Promise<Audit | null> {
  return readValid(db, 'audits', id, Audit, report);
}

/** Summaries of a domain's audits, newest first. */
export async function domainSummaries(db: VigieDatabase, domain: string, report: CorruptRecordReporter = defaultReporter): Promise<AuditSummary[]> {
  const raw = await db.getAllFromIndex('summaries', 'by-domain', domainRange(domain));
  const valid: AuditSummary[] = [];
  for (const record of raw) {
    const parsed = AuditSummary.safeParse(record);
    if (parsed.success) valid.push(parsed.data);
    else report('summaries', String((record as { id?: unknown } | null)?.id), parsed.error);
  }
  return valid.reverse();
}

/** The most recent audit of a domain saved before the given date, as a summary. */
export async function previousSummary(db: VigieDatabase, domain: string, before: string): Promise<AuditSummary | null> {
  return (await domainSummaries(db, domain)).find((s) => s.startedAt < before) ?? null;
}
