/** The monthly report of a domain, from the data lib/history gathers (MonthlyReportData). */
import type { AgencyProfile } from '../../agency/schema';
import type { ExportContext } from '../context';
import { heading, paragraph, text, type Block, type Doc } from '../doc';
import { byUrgency, findingTitle, message, pointLabel, severityLabel, statusLabel } from '../labels';
import type { MonthlyFinding, MonthlyReportData } from '../types';
import { ageText, deadlineText, letterhead } from './common';

function findingList(ctx: ExportContext, title: string, findings: readonly MonthlyFinding[], at: string, withAge: boolean): Block[] {
  const rows = byUrgency(findings).map((f) => [
    [text(findingTitle(ctx, f))],
    [text(severityLabel(ctx, f.severity))],
    [text(withAge ? deadlineText(ctx, f) : f.priority)],
    ...(withAge ? [[text(ageText(ctx, f, at))]] : []),
  ]);
  return [
    heading(3, title),
    rows.length
      ? {
          kind: 'table',
          head: [ctx.t('export.col.finding'), ctx.t('export.col.severity'), ctx.t(withAge ? 'export.col.deadline' : 'export.col.priority'), ...(withAge ? [ctx.t('export.col.age')] : [])],
          rows,
        }
      : paragraph(text(ctx.t('export.monthly.noneInList'))),
  ];
}

export function monthlyDoc(ctx: ExportContext, data: MonthlyReportData, agency: AgencyProfile | null): Doc {
  const period = { start: ctx.date(data.period.start), end: ctx.date(data.period.end) };
  const title = ctx.t('export.monthly.title', { domain: data.domain });
  const blocks: Block[] = [
    ...letterhead(agency),
    heading(1, title),
    paragraph(text(ctx.t('export.monthly.period', period))),
    heading(2, ctx.t('export.monthly.audits')),
    data.audits.length
      ? {
          kind: 'table',
          head: [ctx.t('export.fact.date'), ctx.t('export.fact.grade'), ctx.t('export.col.score'), ctx.t('export.fact.findings')],
          rows: data.audits.map((a) => [[text(ctx.date(a.startedAt))], [text(a.grade)], [text(ctx.number(a.score))], [text(ctx.number(a.findingCount))]]),
        }
      : paragraph(text(ctx.t('export.monthly.noAudit'))),
    heading(2, ctx.t('export.monthly.changes')),
    paragraph(text(ctx.t('export.monthly.changeCounts', { new: data.findings.new.length, fixed: data.findings.fixed.length, open: data.findings.open.length }))),
    ...findingList(ctx, ctx.t('export.monthly.fixed'), data.findings.fixed, data.period.end, false),
    ...findingList(ctx, ctx.t('export.monthly.new'), data.findings.new, data.period.end, false),
    ...findingList(ctx, ctx.t('export.monthly.open'), data.findings.open, data.period.end, true),
  ];
  if (data.checklistChanges?.length) {
    blocks.push(heading(2, ctx.t('export.monthly.checklist')), {
      kind: 'table',
      head: [ctx.t('export.col.point'), ctx.t('export.col.before'), ctx.t('export.col.after')],
      rows: data.checklistChanges.map((c) => [[text(`${c.point} — ${pointLabel(ctx, c.point)}`)], [text(statusLabel(ctx, c.from))], [text(statusLabel(ctx, c.to))]]),
    });
  }
  for (const section of data.sections ?? []) {
    blocks.push(heading(2, message(ctx, section.heading)));
    blocks.push(section.items.length ? { kind: 'list', items: section.items.map((item) => [text(message(ctx, item))]) } : paragraph(text(ctx.t('export.monthly.noneInList'))));
  }
  blocks.push(paragraph(text(ctx.t('export.cost.argument'))));
  blocks.push(paragraph(text(ctx.t('export.monthly.footer', period))));
  return { lang: ctx.locale, title, blocks };
}
