/** Options and inputs of the exports (lib/export). */
import type { AgencyProfile } from '../agency/schema';
import type { Finding, Grade, PointId, PointStatus } from '../audit/schema';
import type { MessageRef } from '../evidence/schema';
import type { Locale } from '../i18n';

/** How much is said: one paragraph for an email, one page for a proposal, or the full report. */
export type ExportLevel = 'email' | 'proposal' | 'full';
export const EXPORT_LEVELS: readonly ExportLevel[] = ['email', 'proposal', 'full'];

export type ExportFormat = 'markdown' | 'text' | 'html' | 'json' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'text', 'html', 'json', 'csv'];

export interface ExportOptions {
  /** Language of the report, chosen at export time, independent of the UI and of the audit's language. */
  locale: Locale;
  level?: ExportLevel;
  agency?: AgencyProfile | null;
  /** Time zone for dates (IANA name); the user's own by default. Tests pass 'UTC'. */
  timeZone?: string;
  /** Extra or replacement messages per locale (tests freeze rule wording with it). */
  messages?: Partial<Record<Locale, Record<string, string>>>;
}

/** One finding as a monthly report lists it; a stored Finding satisfies it. */
export type MonthlyFinding = Pick<Finding, 'id' | 'ruleId' | 'severity' | 'priority' | 'message' | 'title'> &
  Partial<Pick<Finding, 'deadline' | 'firstSeen' | 'checklistPoint' | 'dimension'>>;

/**
 * What the monthly report of a domain needs (built in lib/history). Minimal on purpose: anything
 * the history can say in words goes in `sections` as message keys, rendered in the report's language.
 */
export interface MonthlyReportData {
  domain: string;
  /** ISO 8601 dates, inclusive. */
  period: { start: string; end: string };
  /** The audits of the period, oldest first (an AuditSummary from lib/store satisfies it). */
  audits: ReadonlyArray<{ id: string; startedAt: string; score: number; grade: Grade; findingCount: number }>;
  findings: {
    /** Seen this period and not in the previous one. */
    new: readonly MonthlyFinding[];
    /** Gone since the previous period. */
    fixed: readonly MonthlyFinding[];
    /** Still present at the end of the period. */
    open: readonly MonthlyFinding[];
  };
  checklistChanges?: ReadonlyArray<{ point: PointId; from: PointStatus; to: PointStatus }>;
  /** The guide's headings (availability, requests, updates, security, backups, performance, recommendations). */
  sections?: ReadonlyArray<{ heading: MessageRef; items: readonly MessageRef[] }>;
}

/** A rendered export, ready for a download or the clipboard. */
export interface ExportResult {
  content: string;
  mimeType: string;
  extension: string;
}
