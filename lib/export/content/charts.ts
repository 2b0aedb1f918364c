/** The charts of the standard and full reports: findings by severity, and the score over time. */
import type { Audit } from '../../audit/schema';
import type { ExportContext } from '../context';
import type { ChartBlock, ScorePoint } from '../doc';
import { SEVERITY_ORDER, countBySeverity, severityLabel } from '../labels';
import type { HistoryPoint, MonthlyFinding } from '../types';

/** Audits drawn on the score chart at most: two years of monthly audits. */
export const SCORE_CHART_MAX = 24;

/** Five bars, critical to info, each with its word and count; none when there is no finding. */
export function severityChart(ctx: ExportContext, findings: readonly MonthlyFinding[]): ChartBlock[] {
  if (!findings.length) return [];
  const counts = countBySeverity(findings);
  const parts = SEVERITY_ORDER.map((s) => ctx.tn(`export.chart.severity.part.${s}`, counts[s]));
  return [{
    kind: 'chart',
    chart: 'severity',
    title: ctx.t('export.chart.severity.title'),
    description: ctx.tn('export.chart.severity.desc', findings.length, { parts: new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(parts) }),
    columns: [ctx.t('export.col.severity'), ctx.t('export.chart.severity.col.count')],
    bars: SEVERITY_ORDER.map((severity) => ({ severity, label: severityLabel(ctx, severity), count: counts[severity] })),
  }];
}

/**
 * The audit's score and those of the domain's earlier audits, oldest first, the last
 * SCORE_CHART_MAX; none with fewer than two. Later audits are left out (an old audit's report does
 * not know the future), and so are entries whose date or score cannot be drawn.
 */
export function scoreChart(ctx: ExportContext, audit: Audit, history: readonly HistoryPoint[] = []): ChartBlock[] {
  const earlier = history
    .filter((h) => typeof h.startedAt === 'string' && Number.isFinite(Date.parse(h.startedAt)) && Number.isFinite(h.score) && h.startedAt < audit.startedAt)
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  const audits = [...earlier, { startedAt: audit.startedAt, score: audit.score.value }].slice(-SCORE_CHART_MAX);
  if (audits.length < 2) return [];
  const points: ScorePoint[] = audits.map((a) => {
    const date = ctx.date(a.startedAt);
    return { at: a.startedAt, date, score: a.score, text: ctx.t('export.chart.score.point', { date, score: a.score }) };
  });
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return [{
    kind: 'chart',
    chart: 'score',
    title: ctx.t('export.chart.score.title'),
    // Two audits at least: the plural form always.
    description: ctx.t('export.chart.score.desc', { first: first.score, from: first.date, last: last.score, to: last.date, count: points.length }),
    columns: [ctx.t('export.fact.date'), ctx.t('export.chart.score.col.score')],
    points,
  }];
}
