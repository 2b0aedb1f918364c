/** Listing audited domains from the `domains` rows only: no audit and no summary is read. */
import { defaultReporter, type CorruptRecordReporter } from './errors';
import type { VigieDatabase } from './open';
import { DomainRecord } from './schema';

/** Every audited domain, most recently audited first. */
export async function listDomains(db: VigieDatabase, report: CorruptRecordReporter = defaultReporter): Promise<DomainRecord[]> {
  const rows: DomainRecord[] = [];
  for (const raw of await db.getAll('domains')) {
    const parsed = DomainRecord.safeParse(raw);
    if (parsed.success) rows.push(parsed.data);
    else report('domains', String((raw as { domain?: unknown } | null)?.domain), parsed.error);
  }
  return rows.sort((a, b) => (a.lastStartedAt < b.lastStartedAt ? 1 : a.lastStartedAt > b.lastStartedAt ? -1 : a.domain.localeCompare(b.domain)));
}
