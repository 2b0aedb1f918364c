/**
 * Per-domain history in IndexedDB (idb). Schema versions are explicit; each upgrade step is a
 * migration of its own. Records are validated when read: a corrupt one is reported and skipped.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import { Audit, Grade } from '../audit/schema';

export const DB_NAME = 'vigie';
export const DB_VERSION = 1;

export const AuditSummary = z.object({
  id: z.string(),
  domain: z.string(),
  url: z.string(),
  startedAt: z.string(),
  score: z.number(),
  grade: Grade,
  findingCount: z.number(),
  findingIds: z.array(z.string()),
});
export type AuditSummary = z.infer<typeof AuditSummary>;

interface VigieDB extends DBSchema {
  audits: { key: string; value: unknown; indexes: { 'by-domain': [string, string] } };
  summaries: { key: string; value: AuditSummary; indexes: { 'by-domain': [string, string] } };
  checklist: { key: string; value: unknown };
  settings: { key: string; value: unknown };
}

export type VigieDatabase = IDBPDatabase<VigieDB>;

const MIGRATIONS: Record<number, (db: IDBPDatabase<VigieDB>) => void> = {
  1: (db) => {
    db.createObjectStore('audits', { keyPath: 'id' }).createIndex('by-domain', ['domain', 'startedAt']);
    db.createObjectStore('summaries', { keyPath: 'id' }).createIndex('by-domain', ['domain', 'startedAt']);
    db.createObjectStore('checklist', { keyPath: 'domain' });
    db.createObjectStore('settings');
  },
};

export function openVigieDB(name = DB_NAME): Promise<VigieDatabase> {
  return openDB<VigieDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      for (let v = oldVersion + 1; v <= DB_VERSION; v++) MIGRATIONS[v]!(db);
    },
  });
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

export type CorruptRecordReporter = (store: string, key: string, error: unknown) => void;
const defaultReporter: CorruptRecordReporter = (store, key, error) => console.warn(`Vigie: skipped a corrupt ${store} record`, key, error);

export async function saveAudit(db: VigieDatabase, audit: Audit): Promise<void> {
  const valid = Audit.parse(audit);
  const tx = db.transaction(['audits', 'summaries'], 'readwrite');
  await Promise.all([tx.objectStore('audits').put(valid), tx.objectStore('summaries').put(summarize(valid)), tx.done]);
}

export async function getAudit(db: VigieDatabase, id: string, report: CorruptRecordReporter = defaultReporter): Promise<Audit | null> {
  const raw = await db.get('audits', id);
  if (raw === undefined) return null;
  const parsed = Audit.safeParse(raw);
  if (!parsed.success) {
    report('audits', id, parsed.error);
    return null;
  }
  return parsed.data;
}

/** Summaries of a domain's audits, newest first. */
export async function domainSummaries(db: VigieDatabase, domain: string, report: CorruptRecordReporter = defaultReporter): Promise<AuditSummary[]> {
  const range = IDBKeyRange.bound([domain, ''], [domain, '\uffff']);
  const raw = await db.getAllFromIndex('summaries', 'by-domain', range);
  const valid: AuditSummary[] = [];
  for (const record of raw) {
    const parsed = AuditSummary.safeParse(record);
    if (parsed.success) valid.push(parsed.data);
    else report('summaries', String((record as { id?: unknown })?.id), parsed.error);
  }
  return valid.reverse();
}

/** The most recent audit of a domain saved before the given date, as a summary. */
export async function previousSummary(db: VigieDatabase, domain: string, before: string): Promise<AuditSummary | null> {
  return (await domainSummaries(db, domain)).find((s) => s.startedAt < before) ?? null;
}
