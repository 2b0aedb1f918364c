/**
 * Applying a validated backup in one transaction: every store changes, or none does.
 * Modes: `merge` keeps what is stored and adds what is new (an audit already stored, by id, is
 * left as it is; checklist answers merge point by point); `replace` empties the history first.
 */
import type { AgencyFields } from '../schema';
import { agencyFieldsKey, HISTORY_STORES } from '../schema';
import { mergeChecklists } from '../checklist-merge';
import { summarize } from '../db';
import { refreshDomain } from '../domain-index';
import type { VigieDatabase } from '../open';
import { DomainChecklist } from '../../diagnosis/answers';
import { AgencyFields as AgencyFieldsSchema } from '../schema';
import { commitOrAbort, queueAll } from '../write';
import { readBackup, type ReadBackupOptions, type RestoreErrorKey, type ValidatedBackup } from './read';
import { StoreError } from '../errors';

export type RestoreMode = 'merge' | 'replace';

export interface RestoreReport {
  mode: RestoreMode;
  auditsAdded: number;
  /** Audits of the file already stored (merge) or listed twice in the file. */
  auditsSkipped: number;
  checklists: number;
  settings: 'applied' | 'none' | 'failed';
}

export interface SettingsWriter {
  /** Writes the settings of the file (after the history is committed). */
  apply(settings: Record<string, unknown>, mode: RestoreMode): Promise<void>;
}

export async function applyBackup(db: VigieDatabase, backup: ValidatedBackup, mode: RestoreMode, settings?: SettingsWriter): Promise<RestoreReport> {
  const tx = db.transaction([...HISTORY_STORES], 'readwrite');
  const counts = await commitOrAbort(tx, async () => {
    const audits = tx.objectStore('audits');
    const summaries = tx.objectStore('summaries');
    const checklist = tx.objectStore('checklist');
    const fields = tx.objectStore('agencyFields');
    if (mode === 'replace') await queueAll(() => HISTORY_STORES.map((name) => tx.objectStore(name).clear()));
    const stored = mode === 'merge' ? new Set(await audits.getAllKeys()) : new Set<string>();
    const fresh = backup.audits.filter((a) => !stored.has(a.id));
    await queueAll(function* () {
      for (const audit of fresh) {
        yield audits.put(audit);
        yield summaries.put(summarize(audit));
      }
    });

    const storedChecklists = mode === 'merge' ? await checklist.getAll() : [];
    const byDomain = new Map<string, DomainChecklist>();
    for (const raw of storedChecklists) {
      const parsed = DomainChecklist.safeParse(raw);
      if (parsed.success) byDomain.set(parsed.data.domain, parsed.data);
    }
    const storedFields = new Map<string, AgencyFields>();
    if (mode === 'merge') {
      for (const raw of await fields.getAll()) {
        const parsed = AgencyFieldsSchema.safeParse(raw);
        if (parsed.success) storedFields.set(agencyFieldsKey(parsed.data.domain, parsed.data.month), parsed.data);
      }
    }
    await queueAll(function* () {
      for (const incoming of backup.checklists) {
        const merged = mergeChecklists(byDomain.get(incoming.domain) ?? null, incoming);
        byDomain.set(incoming.domain, merged);
        yield checklist.put(merged);
      }
      for (const incoming of backup.agencyFields) {
        const key = agencyFieldsKey(incoming.domain, incoming.month);
        const current = storedFields.get(key);
        if (!current || current.updatedAt <= incoming.updatedAt) yield fields.put(incoming, key);
      }
    });

    const domains = new Set(fresh.map((a) => a.domain));
    for (const domain of domains) await refreshDomain(summaries, tx.objectStore('domains'), domain);
    return { auditsAdded: fresh.length, auditsSkipped: backup.audits.length - fresh.length + backup.duplicatesInFile, checklists: backup.checklists.length };
  });

  let settingsState: RestoreReport['settings'] = 'none';
  if (backup.settings && settings) {
    try {
      await settings.apply(backup.settings, mode);
      settingsState = 'applied';
    } catch {
      settingsState = 'failed';
    }
  }
  return { mode, ...counts, settings: settingsState };
}

export type RestoreResult =
  | { ok: true; report: RestoreReport }
  | { ok: false; error: RestoreErrorKey | StoreError['messageKey']; params: Record<string, string | number> };

/** Reads and validates the whole file, then applies it; on any failure nothing is changed. */
export async function restoreBackup(db: VigieDatabase, file: Blob, mode: RestoreMode, options: ReadBackupOptions & { settings?: SettingsWriter } = {}): Promise<RestoreResult> {
  const read = await readBackup(file, options);
  if (!read.ok) return read;
  try {
    return { ok: true, report: await applyBackup(db, read.backup, mode, options.settings) };
  } catch (error) {
    if (error instanceof StoreError) return { ok: false, error: error.messageKey, params: {} };
    throw error;
  }
}
