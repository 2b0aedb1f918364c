/** JSON exports: the complete audit, exactly as stored and re-importable, versioned by `schemaVersion`. */
import { Audit } from '../audit/schema';
import type { MonthlyReportData } from './types';

export const MONTHLY_REPORT_FORMAT = 'vigie-monthly-report';
export const MONTHLY_REPORT_VERSION = 1;

/** Validated on the way out: an export never carries a record the importer would refuse. */
export function auditJson(audit: Audit): string {
  return `${JSON.stringify(Audit.parse(audit), null, 2)}\n`;
}

export function monthlyJson(data: MonthlyReportData): string {
  return `${JSON.stringify({ format: MONTHLY_REPORT_FORMAT, version: MONTHLY_REPORT_VERSION, report: data }, null, 2)}\n`;
}
