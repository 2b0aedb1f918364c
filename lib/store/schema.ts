/** Record shapes of the history database, as zod schemas (validated when read) and idb types. */
import type { DBSchema } from 'idb';
import { z } from 'zod';
import { Grade } from '../audit/schema';

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

/** One row per audited domain, kept up to date on every write so listing never reads audits. */
export const DomainRecord = z.object({
  domain: z.string(),
  auditCount: z.number().int().min(0),
  lastAuditId: z.string(),
  lastStartedAt: z.string(),
  lastScore: z.number(),
  lastGrade: Grade,
  /** Score of the audit before the last one, for the trend; null with a single audit. */
  previousScore: z.number().nullable(),
  firstStartedAt: z.string(),
});
export type DomainRecord = z.infer<typeof DomainRecord>;

/** What the agency fills in for a domain's monthly report (not measurable from outside). */
export const AgencyFields = z.object({
  domain: z.string().max(253),
  /** `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  uptimePercent: z.number().min(0).max(100).nullable(),
  tickets: z.object({ P0: z.number().int().min(0).max(100_000), P1: z.number().int().min(0).max(100_000), P2: z.number().int().min(0).max(100_000), P3: z.number().int().min(0).max(100_000) }),
  timeSpentHours: z.number().min(0).max(10_000).nullable(),
  comment: z.string().max(4000),
  updatedAt: z.string().max(64),
});
export type AgencyFields = z.infer<typeof AgencyFields>;

export function agencyFieldsKey(domain: string, month: string): string {
  return `${domain}|${month}`;
}

export interface VigieDB extends DBSchema {
  audits: { key: string; value: unknown; indexes: { 'by-domain': [string, string] } };
  summaries: { key: string; value: unknown; indexes: { 'by-domain': [string, string] } };
  checklist: { key: string; value: unknown };
  settings: { key: string; value: unknown };
  /** Since v2. */
  domains: { key: string; value: unknown };
  /** Since v2, keyed `domain|YYYY-MM`. */
  agencyFields: { key: string; value: unknown };
}

/** Every store that holds history data, in the order a wipe clears them. */
export const HISTORY_STORES = ['audits', 'summaries', 'domains', 'checklist', 'agencyFields'] as const;
