/**
 * CSV for several sites: one row per finding, the site's address first, then the columns of the
 * shared audit CSV (lib/export/csv: quoting, formula neutralising, BOM).
 */
import type { Audit } from '../../lib/audit/schema';
import { createExportContext } from '../../lib/export/context';
import { csvRows } from '../../lib/export/csv';
import { byUrgency, evidenceLabel, findingTitle, severityLabel } from '../../lib/export/labels';
import { translate, type Locale } from '../../lib/i18n';
import type { SiteOutcome } from '../outcome';
import type { SiteResult } from '../scan';

const COLUMNS = ['id', 'ruleId', 'severity', 'priority', 'deadline', 'title', 'checklistPoint', 'evidence'] as const;

export function findingsCsv(results: readonly SiteResult[], locale: Locale): string {
  const ctx = createExportContext({ locale, timeZone: 'UTC' });
  const rows: Array<Array<string | number>> = [[translate(locale, 'cli.csv.url'), ...COLUMNS.map((c) => ctx.t(`export.csv.${c}`))]];
  for (const result of results) {
    if (!result.ok) continue;
    const audit: Audit = result.audit;
    for (const f of byUrgency(audit.findings)) {
      const evidence = f.evidence.map((e) => `${evidenceLabel(ctx, e.label)}: ${ctx.clip(e.value, 4000)}`).join('\n');
      rows.push([audit.url, f.id, f.ruleId, severityLabel(ctx, f.severity), f.priority, f.deadline ?? '', findingTitle(ctx, f), f.checklistPoint ?? '', evidence]);
    }
  }
  return csvRows(rows);
}

/** `--summary`: one row per site, in input order. Column names are stable identifiers. */
export function summaryCsv(outcomes: readonly SiteOutcome[]): string {
  const rows: Array<Array<string | number>> = [['input', 'url', 'status', 'grade', 'score', 'critical', 'high', 'medium', 'low', 'info', 'findings', 'tier', 'error']];
  for (const o of outcomes) {
    const c = o.counts;
    rows.push(o.ok
      ? [o.input, o.url, 'ok', o.grade, o.score ?? '', c.critical, c.high, c.medium, c.low, c.info, o.findings, o.tier, '']
      : [o.input, o.url, 'error', '', '', '', '', '', '', '', '', '', o.error]);
  }
  return csvRows(rows);
}
