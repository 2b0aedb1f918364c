/**
 * Reading a backup file completely before anything is written: size, compression, nesting,
 * prototype keys, format, version, then every record against its schema. Any failure → one i18n key.
 */
import { Audit, SCHEMA_VERSION } from '../../audit/schema';
import { DomainChecklist } from '../../diagnosis/answers';
import { AgencyFields } from '../schema';
import { backupFileText } from './file-bytes';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupEnvelope, backupFileV1 } from './format';
import { BACKUP_LIMITS, type BackupLimits } from './limits';
import { parseUntrustedJson } from './safe-json';

export type RestoreErrorKey =
  | 'history.restore.error.tooLarge'
  | 'history.restore.error.damaged'
  | 'history.restore.error.tooDeep'
  | 'history.restore.error.forbiddenKey'
  | 'history.restore.error.otherFormat'
  | 'history.restore.error.newerVersion'
  | 'history.restore.error.tooMany'
  | 'history.restore.error.invalidRecord'
  | 'history.restore.error.settings';

export interface ValidatedBackup {
  createdAt: string | null;
  audits: Audit[];
  checklists: DomainChecklist[];
  agencyFields: AgencyFields[];
  settings: Record<string, unknown> | null;
  /** Audits listed more than once in the file (same id): only the first is kept. */
  duplicatesInFile: number;
}

export type ReadBackupResult =
  | { ok: true; backup: ValidatedBackup }
  | { ok: false; error: RestoreErrorKey; params: Record<string, string | number> };

export interface ReadBackupOptions {
  limits?: Partial<BackupLimits>;
  /** Checks the settings part (owned by the settings module); return false to refuse the file. */
  validateSettings?: (settings: Record<string, unknown>) => boolean;
}

const fail = (error: RestoreErrorKey, params: Record<string, string | number> = {}): ReadBackupResult => ({ ok: false, error, params });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An audit downloaded alone from the report page is accepted as a backup holding that audit. */
function looksLikeSingleAudit(value: Record<string, unknown>): boolean {
  return !('format' in value) && 'schemaVersion' in value && 'findings' in value && 'id' in value;
}

function newerSchema(record: unknown): boolean {
  const version = isPlainObject(record) ? record.schemaVersion : undefined;
  return typeof version === 'number' && version > SCHEMA_VERSION;
}

export async function readBackup(file: Blob, options: ReadBackupOptions = {}): Promise<ReadBackupResult> {
  const limits = { ...BACKUP_LIMITS, ...options.limits };
  const text = await backupFileText(file, limits);
  if (!text.ok) return fail(text.reason === 'too-large' ? 'history.restore.error.tooLarge' : 'history.restore.error.damaged');
  const json = parseUntrustedJson(text.text, limits.maxDepth);
  if (!json.ok) {
    return fail(json.reason === 'too-deep' ? 'history.restore.error.tooDeep' : json.reason === 'forbidden-key' ? 'history.restore.error.forbiddenKey' : 'history.restore.error.damaged');
  }
  if (!isPlainObject(json.value)) return fail('history.restore.error.otherFormat');

  let raw: { createdAt: string | null; audits: unknown[]; checklists: unknown[]; agencyFields: unknown[]; settings: Record<string, unknown> | null };
  if (looksLikeSingleAudit(json.value)) {
    raw = { createdAt: null, audits: [json.value], checklists: [], agencyFields: [], settings: null };
  } else {
    const envelope = BackupEnvelope.safeParse(json.value);
    if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) return fail('history.restore.error.otherFormat');
    if (envelope.data.version > BACKUP_VERSION) return fail('history.restore.error.newerVersion');
    const file = backupFileV1(limits).safeParse(json.value);
    if (!file.success) {
      const tooMany = file.error.issues.some((issue) => issue.code === 'too_big' && issue.path.length === 1);
      return fail(tooMany ? 'history.restore.error.tooMany' : 'history.restore.error.otherFormat');
    }
    raw = file.data;
  }

  const audits: Audit[] = [];
  const seen = new Set<string>();
  let duplicatesInFile = 0;
  for (const [index, record] of raw.audits.entries()) {
    const parsed = Audit.safeParse(record);
    if (!parsed.success) {
      if (newerSchema(record)) return fail('history.restore.error.newerVersion');
      return fail('history.restore.error.invalidRecord', { kind: 'audit', index: index + 1 });
    }
    if (seen.has(parsed.data.id)) duplicatesInFile++;
    else {
      seen.add(parsed.data.id);
      audits.push(parsed.data);
    }
  }
  const checklists: DomainChecklist[] = [];
  for (const [index, record] of raw.checklists.entries()) {
    const parsed = DomainChecklist.safeParse(record);
    if (!parsed.success) return fail('history.restore.error.invalidRecord', { kind: 'checklist', index: index + 1 });
    checklists.push(parsed.data);
  }
  const agencyFields: AgencyFields[] = [];
  for (const [index, record] of raw.agencyFields.entries()) {
    const parsed = AgencyFields.safeParse(record);
    if (!parsed.success) return fail('history.restore.error.invalidRecord', { kind: 'monthly', index: index + 1 });
    agencyFields.push(parsed.data);
  }
  if (raw.settings && options.validateSettings && !options.validateSettings(raw.settings)) return fail('history.restore.error.settings');
  return { ok: true, backup: { createdAt: raw.createdAt, audits, checklists, agencyFields, settings: raw.settings, duplicatesInFile } };
}
