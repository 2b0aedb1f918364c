/** The monthly report of a domain under the seven headings, from lib/history's MonthlyReportData. */
import type { AgencyProfile } from '../../agency/schema';
import { SEVERITIES } from '../../audit/schema';
import type { ExportContext } from '../context';
import { code, heading, paragraph, text, type Block, type Doc, type Inline } from '../doc';
import { byUrgency, findingTitle, pointLabel, priorityLabel, severityLabel, statusLabel } from '../labels';
import type { MonthlyFinding, MonthlyReportData } from '../types';
import { deadlineText, letterhead } from './common';

const none = (ctx: ExportContext) => paragraph(text(ctx.t('export.monthly.none')));

/** The last day of the period, `to` being exclusive. */
function lastDay(to: string): string {
  const t = Date.parse(to);
  return Number.isNaN(t) ? to : new Date(t - 1).toISOString();
}

function findingTable(ctx: ExportContext, title: string, findings: readonly MonthlyFinding[]): Block[] {
  return [
    heading(3, title),
    findings.length
      ? {
          kind: 'table',
          head: [ctx.t('export.col.finding'), ctx.t('export.col.severity'), ctx.t('export.col.priority')],
          rows: byUrgency(findings).map((f) => [[text(findingTitle(ctx, f))], [text(severityLabel(ctx, f.severity))], [text(f.priority)]]),
        }
      : none(ctx),
  ];
}

const versionCell = (ctx: ExportContext, v: string | null): Inline[] => (v ? [code(ctx.clip(v, 64))] : [text('—')]);

export function monthlyDoc(ctx: ExportContext, data: MonthlyReportData, agency: AgencyProfile | null): Doc {
  const period = { start: ctx.date(data.period.from), end: ctx.date(lastDay(data.period.to)) };
  const title = ctx.t('export.monthly.title', { domain: data.domain });
  const sec = data.security;
  const blocks: Block[] = [
    ...letterhead(agency),
    heading(1, title),
    paragraph(text(ctx.t('export.monthly.period', period)), text(' '), text(ctx.tn('export.monthly.auditCount', data.auditCount))),

    heading(2, ctx.t('export.monthly.availability')),
    paragraph(text(data.availability.uptimePercent === null
      ? ctx.t('export.monthly.notProvided')
      : ctx.t('export.monthly.uptime', { percent: ctx.number(data.availability.uptimePercent) }))),

    heading(2, ctx.t('export.monthly.requests')),
    data.incidentsAndRequests.tickets
      ? {
          kind: 'table',
          head: [ctx.t('export.col.priority'), ctx.t('export.col.count')],
          rows: (['P0', 'P1', 'P2', 'P3'] as const).map((p) => [[text(priorityLabel(ctx, p))], [text(ctx.number(data.incidentsAndRequests.tickets![p]))]]),
        }
      : paragraph(text(ctx.t('export.monthly.notProvided'))),

    heading(2, ctx.t('export.monthly.updates')),
    data.updatesApplied.technologies.length
      ? {
          kind: 'table',
          head: [ctx.t('export.col.component'), ctx.t('export.col.before'), ctx.t('export.col.after')],
          rows: data.updatesApplied.technologies.map((c) => [[text(ctx.clip(c.name, 100))], versionCell(ctx, c.from), versionCell(ctx, c.to)]),
        }
      : paragraph(text(ctx.t('export.monthly.noUpdate'))),
    ...(data.updatesApplied.fixedComponents.length ? findingTable(ctx, ctx.t('export.monthly.fixedComponents'), data.updatesApplied.fixedComponents) : []),

    heading(2, ctx.t('export.monthly.security')),
    paragraph(text(sec.scoreTo === null
      ? ctx.t('export.monthly.noScore')
      : sec.scoreFrom === null || sec.trend === 'none'
        ? ctx.t('export.monthly.score', { score: sec.scoreTo, grade: sec.gradeTo ?? '—' })
        : ctx.t(`export.monthly.trend.${sec.trend}`, { from: sec.scoreFrom, to: sec.scoreTo, gradeFrom: sec.gradeFrom ?? '—', gradeTo: sec.gradeTo ?? '—' }))),
    paragraph(text(ctx.t('export.monthly.openBySeverity', {
      list: SEVERITIES.filter((s) => (sec.openBySeverity[s] ?? 0) > 0).map((s) => `${severityLabel(ctx, s)} ${ctx.number(sec.openBySeverity[s]!)}`).join(', ') || '0',
    }))),
    ...findingTable(ctx, ctx.t('export.monthly.fixed'), sec.fixed),
    ...findingTable(ctx, ctx.t('export.monthly.new'), sec.appeared),

    heading(2, ctx.t('export.monthly.backups')),
    {
      kind: 'table',
      head: [ctx.t('export.col.point'), ctx.t('export.col.status')],
      rows: data.backups.points.map((p) => [[text(`${p.id} — ${pointLabel(ctx, p.id)}`)], [text(statusLabel(ctx, p.status))]]),
    },

    heading(2, ctx.t('export.monthly.performance')),
    paragraph(text(ctx.tn('export.monthly.performanceOpen', data.performance.open))),
    ...findingTable(ctx, ctx.t('export.monthly.fixed'), data.performance.fixed),
    ...findingTable(ctx, ctx.t('export.monthly.new'), data.performance.appeared),

    heading(2, ctx.t('export.monthly.recommendations')),
    data.recommendations.length
      ? {
          kind: 'table',
          head: [ctx.t('export.col.finding'), ctx.t('export.col.deadline'), ctx.t('export.col.firstSeen'), ctx.t('export.col.multiplier')],
          rows: data.recommendations.map((r) => [
            [text(findingTitle(ctx, r.finding))],
            [text(deadlineText(ctx, r.finding))],
            [text(r.firstSeen ? ctx.date(r.firstSeen) : ctx.t('export.age.unknown'))],
            [text(r.multiplier === null ? '—' : `×${r.multiplier}`)],
          ]),
        }
      : none(ctx),
    paragraph(text(ctx.t('export.cost.argument'))),
  ];
  if (data.timeSpentHours !== null) blocks.push(paragraph(text(ctx.t('export.monthly.timeSpent', { hours: ctx.number(data.timeSpentHours) }))));
  if (data.comment.trim()) blocks.push(heading(2, ctx.t('export.monthly.comment')), ...data.comment.split(/\n{2,}/).map((p) => paragraph(text(ctx.clip(p, 4000)))));
  blocks.push(paragraph(text(ctx.t('export.monthly.footer', period))));
  return { lang: ctx.locale, title, blocks };
}
