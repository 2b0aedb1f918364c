/**
 * CSV for several sites: one row per finding, the site's address first, then the columns of the
 * shared audit CSV (lib/export/csv: quoting, formula neutralising, BOM).
 */
import type { Audit } from '../../lib/audit/schema';
import { createExportContext } from '../../lib/export/context';
import { csvRows } from '../../lib/export/csv';
import { byUrgency, evidenceLabel, findingTitle, severityLabel } from '../../lib/export/labels';
import { translate, type Locale } from '../../lib/i18n';
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

/** `--summary`: one row per site, for a list of prospects. Column names are stable identifiers. */
export function summaryCsv(results: readonly SiteResult[], locale: Locale): string {
  const rows: Array<Array<string | number>> = [['input', 'url', 'status', 'grade', 'score', 'critical', 'high', 'medium', 'low', 'info', 'findings', 'tier', 'error']];
  for (const r of results) {
    if (r.ok) {
      const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
      for (const f of r.audit.findings) counts[f.severity]++;
      rows.push([r.input, r.audit.url, 'ok', r.audit.score.grade, r.audit.score.value, counts.critical, counts.high, counts.medium, counts.low, counts.info, r.audit.findings.length, r.audit.diagnosis.tier.recommended, '']);
    } else {
      rows.push([r.input, r.url ?? '', 'error', '', '', '', '', '', '', '', '', '', translate(locale, r.error.key, r.error.params)]);
    }
  }
  return csvRows(rows);
}
