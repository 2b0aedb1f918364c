/** The agency-filled fields of a domain's monthly report, one record per domain and month. */
import { defaultReporter, type CorruptRecordReporter } from './errors';
import type { VigieDatabase } from './open';
import { AgencyFields, agencyFieldsKey } from './schema';
import { readValid } from './read-valid';
import { commitOrAbort } from './write';

export async function getAgencyFields(db: VigieDatabase, domain: string, month: string, report: CorruptRecordReporter = defaultReporter): Promise<AgencyFields | null> {
  return readValid(db, 'agencyFields', agencyFieldsKey(domain, month), AgencyFields, report);
}

export async function saveAgencyFields(db: VigieDatabase, fields: AgencyFields): Promise<void> {
  const valid = AgencyFields.parse(fields);
  const tx = db.transaction('agencyFields', 'readwrite');
  await commitOrAbort(tx, async () => {
    await tx.store.put(valid, agencyFieldsKey(valid.domain, valid.month));
  });
}
