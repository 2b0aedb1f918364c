/** Options and inputs of the exports (lib/export). */
import type { AgencyProfile } from '../agency/schema';
import type { Finding, PointId, PointStatus, Priority } from '../audit/schema';
import type { Locale } from '../i18n';

/**
 * How much is said: one paragraph for an email, a one-page summary, the proposal (with the plan,
 * scope and service levels), what a client meeting needs (standard), or the full report.
 */
export type ExportLevel = 'email' | 'summary' | 'proposal' | 'standard' | 'full';
export const EXPORT_LEVELS: readonly ExportLevel[] = ['email', 'summary', 'proposal', 'standard', 'full'];

export type ExportFormat = 'markdown' | 'text' | 'html' | 'json' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'text', 'html', 'json', 'csv'];

/** One audit of the domain for the score chart; a stored AuditSummary satisfies it. */
export interface HistoryPoint { startedAt: string; score: number }

export interface ExportOptions {
  /** Language of the report, chosen at export time, independent of the UI and of the audit's language. */
  locale: Locale;
  level?: ExportLevel;
  agency?: AgencyProfile | null;
  /** Time zone for dates (IANA name); the user's own by default. Tests pass 'UTC'. */
  timeZone?: string;
  /**
   * The agency's settings (tiers, scope of the monthly fee, service levels); validated again here,
   * each missing or invalid section taking its default.
   */
  settings?: unknown;
  /**
   * The domain's audits (any order, this one included or not), for the score chart of the standard
   * and full levels: drawn with at least two audits up to this one, the last 24 at most. Without
   * it, or with too few, the chart is left out.
   */
  history?: readonly HistoryPoint[];
  /** Extra or replacement messages per locale (tests freeze rule wording with it). */
  messages?: Partial<Record<Locale, Record<string, string>>>;
}

/** One finding as a monthly report lists it; a stored Finding satisfies it. */
export type MonthlyFinding = Pick<Finding, 'id' | 'ruleId' | 'severity' | 'priority' | 'message' | 'title'> &
  Partial<Pick<Finding, 'deadline' | 'firstSeen' | 'checklistPoint' | 'evidence'>>;

/**
 * What the monthly report of a domain needs, under the seven headings of the specification.
 * lib/history/monthly.ts builds it (its MonthlyReportData satisfies this interface; a test checks it).
 * Everything the agency types (comment, figures) is rendered as text, escaped like page values.
 */
export interface MonthlyReportData {
  domain: string;
  /** ISO 8601; `to` is exclusive (the first instant after the period). */
  period: { from: string; to: string };
  auditCount: number;
  availability: { uptimePercent: number | null };
  incidentsAndRequests: { tickets: Readonly<Record<Priority, number>> | null };
  updatesApplied: {
    technologies: ReadonlyArray<{ name: string; from: string | null; to: string | null }>;
    fixedComponents: readonly MonthlyFinding[];
  };
  security: {
    appeared: readonly MonthlyFinding[];
    fixed: readonly MonthlyFinding[];
    openBySeverity: Readonly<Record<string, number>>;
    trend: 'up' | 'down' | 'flat' | 'none';
    scoreFrom: number | null;
    scoreTo: number | null;
    gradeFrom: string | null;
    gradeTo: string | null;
  };
  backups: { points: ReadonlyArray<{ id: PointId; status: PointStatus }> };
  performance: { appeared: readonly MonthlyFinding[]; fixed: readonly MonthlyFinding[]; open: number };
  recommendations: ReadonlyArray<{ finding: MonthlyFinding; firstSeen: string | null; multiplier: 1 | 5 | 15 | null }>;
  timeSpentHours: number | null;
  comment: string;
}

/** A rendered export, ready for a download or the clipboard. */
export interface ExportResult {
  content: string;
  mimeType: string;
  extension: string;
}
