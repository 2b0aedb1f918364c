/**
 * The blank client questionnaire: the 28 checklist points and the ten warning signs, with boxes to
 * tick, for a client's self-diagnosis on paper (entrypoints/questionnaire). Nothing from any audit.
 */
import type { AgencyProfile } from '../../agency/schema';
import { BLOCKS, CHECKLIST, STATUSES } from '../../diagnosis/checklist-model';
import type { ExportContext } from '../context';
import { heading, paragraph, strong, text, type Block, type Doc } from '../doc';
import { blockLabel, signalLabel } from '../labels';
import { letterhead } from './common';

const SIGNAL_IDS = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10'] as const;
const CRITICAL_SIGNALS = new Set(['S2', 'S3', 'S4']);

function boxes(ctx: ExportContext, labels: readonly string[]): string {
  // Each box stays with its whole label on one line ("☐ Je ne sais pas" never splits): no-break spaces inside, plain spaces between.
  return labels.map((label) => ctx.t('proposal.questionnaire.box', { label }).replace(/ /g, '\u00a0')).join('   ');
}

export function questionnaireDoc(ctx: ExportContext, agency: AgencyProfile | null): Doc {
  const title = ctx.t('proposal.questionnaire.title');
  const statusLabels = STATUSES.map((s) => (s === 'unknown' ? ctx.t('proposal.questionnaire.dontKnow') : ctx.t(`checklist.status.${s}`)));
  const blocks: Block[] = [
    ...letterhead(agency),
    heading(1, title),
    paragraph(text(ctx.t('proposal.questionnaire.intro'))),
    {
      kind: 'table',
      head: [ctx.t('export.col.item'), ctx.t('export.col.value')],
      rows: (['site', 'company', 'name', 'date'] as const).map((f) => [[strong(ctx.t(`proposal.questionnaire.field.${f}`))], []]),
    },
    heading(2, ctx.t('proposal.questionnaire.points')),
    paragraph(text(ctx.t('proposal.questionnaire.pointsIntro'))),
  ];
  for (const block of BLOCKS) {
    blocks.push(heading(3, blockLabel(ctx, block)));
    blocks.push({
      kind: 'table',
      head: [ctx.t('export.col.point'), ctx.t('proposal.questionnaire.col.question'), ctx.t('proposal.questionnaire.col.answer'), ctx.t('proposal.questionnaire.col.note')],
      rows: CHECKLIST.filter((p) => p.block === block).map((p) => [
        [strong(p.id), ...(p.level === 'critique' ? [text(` ${ctx.t('proposal.questionnaire.essential')}`)] : [])],
        [strong(ctx.t(`checklist.${p.id}.label`)), text(` — ${ctx.t(`checklist.${p.id}.help`)}`)],
        [text(boxes(ctx, statusLabels))],
        [],
      ]),
    });
  }
  blocks.push(
    { kind: 'page-break' },
    heading(2, ctx.t('proposal.questionnaire.signals')),
    paragraph(text(ctx.t('proposal.questionnaire.signalsIntro'))),
    {
      kind: 'table',
      head: [ctx.t('proposal.questionnaire.col.signal'), ctx.t('proposal.questionnaire.col.answer'), ctx.t('proposal.questionnaire.col.note')],
      rows: SIGNAL_IDS.map((id) => [
        [strong(id), text(` — ${signalLabel(ctx, id)}`), ...(CRITICAL_SIGNALS.has(id) ? [text(` ${ctx.t('proposal.questionnaire.essential')}`)] : [])],
        [text(boxes(ctx, [ctx.t('proposal.questionnaire.yes'), ctx.t('proposal.questionnaire.no'), ctx.t('proposal.questionnaire.dontKnow')]))],
        [],
      ]),
    },
    heading(2, ctx.t('proposal.questionnaire.agency')),
    paragraph(text(ctx.t('proposal.questionnaire.agencyText'))),
  );
  return { lang: ctx.locale, title, blocks };
}
