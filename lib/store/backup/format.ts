/** The backup file: one versioned JSON document holding the whole history. Documented in docs/history-and-backup.md. */
import { z } from 'zod';

export const BACKUP_FORMAT = 'vigie-backup';
export const BACKUP_VERSION = 1;

/** Read first, to tell "not ours" and "from a newer Vigie" apart from "damaged". */
export const BackupEnvelope = z.object({ format: z.string(), version: z.number() });

/** Records stay `unknown` here; each is checked against its own schema afterwards, to say which one is wrong. */
export function backupFileV1(limits: { maxAudits: number; maxChecklists: number; maxAgencyFields: number }) {
  return z.object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.string().max(64),
    audits: z.array(z.unknown()).max(limits.maxAudits),
    checklists: z.array(z.unknown()).max(limits.maxChecklists),
    agencyFields: z.array(z.unknown()).max(limits.maxAgencyFields),
    settings: z.record(z.string().max(200), z.unknown()).nullable(),
  });
}

export type BackupFileV1 = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  audits: unknown[];
  checklists: unknown[];
  agencyFields: unknown[];
  settings: Record<string, unknown> | null;
};
