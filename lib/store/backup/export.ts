/** Writing the whole history to one backup file (JSON, optionally gzip-compressed). */
import { Audit } from '../../audit/schema';
import { DomainChecklist } from '../../diagnosis/answers';
import { defaultReporter, type CorruptRecordReporter } from '../errors';
import type { VigieDatabase } from '../open';
import { AgencyFields } from '../schema';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFileV1 } from './format';

export interface CreateBackupOptions {
  now: Date;
  /** The settings to include (read from browser.storage by the caller); null for none. */
  readSettings?: () => Promise<Record<string, unknown> | null>;
  report?: CorruptRecordReporter;
}

function validOnly<T>(records: unknown[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: unknown } }, store: string, key: (r: unknown) => string, report: CorruptRecordReporter): T[] {
  const out: T[] = [];
  for (const record of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) out.push(parsed.data);
    else report(store, key(record), parsed.error);
  }
  return out;
}

/** Reads every store in one read transaction, so the backup is a consistent snapshot. Corrupt records are reported and left out. */
export async function createBackup(db: VigieDatabase, options: CreateBackupOptions): Promise<BackupFileV1> {
  const report = options.report ?? defaultReporter;
  const tx = db.transaction(['audits', 'checklist', 'agencyFields'], 'readonly');
  const [audits, checklists, fields] = await Promise.all([
    tx.objectStore('audits').getAll(),
    tx.objectStore('checklist').getAll(),
    tx.objectStore('agencyFields').getAll(),
    tx.done,
  ]);
  const field = (name: string) => (r: unknown) => String((r as Record<string, unknown> | null)?.[name]);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: options.now.toISOString(),
    audits: validOnly(audits, Audit, 'audits', field('id'), report),
    checklists: validOnly(checklists, DomainChecklist, 'checklist', field('domain'), report),
    agencyFields: validOnly(fields, AgencyFields, 'agencyFields', field('domain'), report),
    settings: options.readSettings ? await options.readSettings() : null,
  };
}

/** The file to download: UTF-8 JSON, gzip-compressed when asked (CompressionStream). */
export async function encodeBackup(backup: BackupFileV1, gzip: boolean): Promise<Blob> {
  const json = new Blob([JSON.stringify(backup)], { type: 'application/json' });
  if (!gzip) return json;
  const stream = json.stream().pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Blob([await new Response(stream).arrayBuffer()], { type: 'application/gzip' });
}

export function backupFileName(now: Date, gzip: boolean): string {
  return `vigie-history-${now.toISOString().slice(0, 10)}.json${gzip ? '.gz' : ''}`;
}
