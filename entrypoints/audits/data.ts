/**
 * The history page's storage, handed to its components as HistoryData (components/history/io.ts):
 * they read and write through it and never open the database themselves.
 */
import type { HistoryData, HistoryIO } from '../../components/history/io';
import { getAgencyFields, saveAgencyFields } from '../../lib/store/agency-fields';
import { backupFileName, createBackup, encodeBackup } from '../../lib/store/backup/export';
import { restoreBackup } from '../../lib/store/backup/restore';
import { domainSummaries, getAudit, type VigieDatabase } from '../../lib/store/db';
import { StoreError, toStoreError } from '../../lib/store/errors';
import { storageUsage } from '../../lib/store/housekeeping';

export function historyData(db: VigieDatabase, io: HistoryIO, onCorrupt: () => void): HistoryData {
  return {
    async backup(gzip, at) {
      const content = await createBackup(db, { now: at, readSettings: io.readSettings });
      return { blob: await encodeBackup(content, gzip), fileName: backupFileName(at, gzip), audits: content.audits.length };
    },
    restore: (file, mode) => restoreBackup(db, file, mode, { settings: io.settings, validateSettings: io.settings?.validate }),
    storageUsage: () => storageUsage(io.estimate),
    summaries: (domain) => domainSummaries(db, domain, onCorrupt),
    audit: (id) => getAudit(db, id, onCorrupt),
    agencyFields: (domain, month) => getAgencyFields(db, domain, month, onCorrupt),
    async saveAgencyFields(fields) {
      try {
        await saveAgencyFields(db, fields);
        return null;
      } catch (error) {
        return error instanceof StoreError ? error.messageKey : 'history.error.write';
      }
    },
    errorKey: (error) => toStoreError(error).messageKey,
  };
}
