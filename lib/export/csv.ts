/**
 * CSV, one row per finding (RFC 4180: every field quoted, quotes doubled, CRLF line ends), with a
 * byte-order mark so spreadsheets read UTF-8. A cell that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return, or their full-width forms) is prefixed with an
 * apostrophe, which makes it plain text.
 */
import type { Audit } from '../audit/schema';
import { ageAt } from './age';
import type { ExportContext } from './context';
import { evidenceLabel, findingTitle, byUrgency, severityLabel } from './labels';
import { evidenceForPeople } from './tech-status';
import { neutraliseInvisible } from './sanitize';
import type { MonthlyFinding, MonthlyReportData } from './types';

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export function csvCell(value: string | number): string {
  let cell = typeof value === 'number' ? String(value) : neutraliseInvisible(value).replace(/\n/g, '\r\n');
  if (typeof value === 'string' && (FORMULA_START.test(value) || FORMULA_START.test(cell))) cell = `'${cell}`;
  return `"${cell.replace(/"/g, '""')}"`;
}

export function csvRows(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const EVIDENCE_MAX = 4000;

function findingRow(ctx: ExportContext, f: MonthlyFinding, at: string): Array<string | number> {
  const age = ageAt(f.firstSeen, at);
  const evidence = (f.evidence ?? []).map(evidenceForPeople).map((e) => (e.value ? `${evidenceLabel(ctx, e.label)}: ${ctx.clip(e.value, EVIDENCE_MAX)}` : evidenceLabel(ctx, e.label))).join('\n');
  return [
    f.id, f.ruleId, severityLabel(ctx, f.severity), f.priority, f.deadline ?? '', findingTitle(ctx, f),
    f.checklistPoint ?? '', f.firstSeen ?? '', age?.days ?? '', age?.multiplier ?? '', evidence,
  ];
}

function header(ctx: ExportContext): string[] {
  return ['id', 'ruleId', 'severity', 'priority', 'deadline', 'title', 'checklistPoint', 'firstSeen', 'ageDays', 'costMultiplier', 'evidence'].map((c) => ctx.t(`export.csv.${c}`));
}

export function auditCsv(ctx: ExportContext, audit: Audit): string {
  return csvRows([header(ctx), ...byUrgency(audit.findings).map((f) => findingRow(ctx, f, audit.startedAt))]);
}

export function monthlyCsv(ctx: ExportContext, data: MonthlyReportData): string {
  const at = data.period.to;
  const groups: Array<[string, readonly MonthlyFinding[]]> = [
    ['new', [...data.security.appeared, ...data.performance.appeared]],
    ['fixed', [...data.security.fixed, ...data.performance.fixed]],
    ['open', data.recommendations.map((r) => ({ ...r.finding, ...(r.firstSeen ? { firstSeen: r.firstSeen } : {}) }))],
  ];
  const rows = groups.flatMap(([status, findings]) => byUrgency(findings).map((f) => [ctx.t(`export.csv.status.${status}`), ...findingRow(ctx, f, at)]));
  return csvRows([[ctx.t('export.csv.status'), ...header(ctx)], ...rows]);
}
