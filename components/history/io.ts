/** What the history page needs from the browser, injected so the page is tested without one. */
import type { Audit } from '../../lib/audit/schema';
import type { AgencyFields, AuditSummary, RestoreMode, RestoreResult, SettingsWriter, StorageUsage } from '../../lib/history/model';

export interface HistoryIO {
  /** The settings to put in a backup (browser.storage.local, read by the settings module). */
  readSettings(): Promise<Record<string, unknown> | null>;
  /** Checks and writes the settings of a restored backup; absent: settings are not restored. */
  settings?: SettingsWriter & { validate(settings: Record<string, unknown>): boolean };
  /** navigator.storage.estimate when the browser has it. */
  estimate?: () => Promise<StorageEstimate>;
  download(blob: Blob, fileName: string): void;
  confirm(message: string): boolean;
}

/**
 * The history's storage, as the page hands it to its components (entrypoints/audits/data.ts): the
 * components read and write through it and never open the database themselves. Failures come
 * back as message keys.
 */
export interface HistoryData {
  /** The whole history as a backup file (gzipped or not), and how many audits it holds. */
  backup(gzip: boolean, at: Date): Promise<{ blob: Blob; fileName: string; audits: number }>;
  restore(file: Blob, mode: RestoreMode): Promise<RestoreResult>;
  storageUsage(): Promise<StorageUsage | null>;
  summaries(domain: string): Promise<AuditSummary[]>;
  audit(id: string): Promise<Audit | null>;
  agencyFields(domain: string, month: string): Promise<AgencyFields | null>;
  /** Saves the fields; resolves to null, or to the message key of what went wrong. */
  saveAgencyFields(fields: AgencyFields): Promise<string | null>;
  /** The message key for an error thrown by the other methods. */
  errorKey(error: unknown): string;
}
