/**
 * The proposal part of the report (docs/proposal.md): maintenance plan per dimension, security
 * risks by type, scope of the monthly fee, with/without maintenance scenarios, the tier grid with
 * service levels and compensations, and the single request channel.
 * `compact` gives the shorter versions used by the one-page summary.
 */
import type { Audit, Finding, Priority } from '../../audit/schema';
import { requestChannelAdvice } from '../../proposal/channel';
import { maintenancePlan } from '../../proposal/dimensions';
import type { OfferSettings } from '../../proposal/offer';
import { likelihood, riskGroups } from '../../proposal/risk';
import { chooseScenarios, MAX_SCENARIOS } from '../../proposal/scenarios';
import { scopeActions, type ScopedAction } from '../../proposal/scope';
import type { SlaDelay, TierSla } from '../../settings/proposal';
import { TIERS, type TierId } from '../../settings/schema';
import type { ExportContext } from '../context';
import { heading, paragraph, strong, text, type Block, type Inline } from '../doc';
import { byUrgency, findingTitle, PRIORITY_ORDER, severityLabel } from '../labels';

const PER_CELL = 3;
const COMPACT_LIST = 3;
const COMPACT_SCENARIOS = 3;

/** "title 1 ; title 2 ; title 3 (+2 more)". */
function titles(ctx: ExportContext, findings: readonly Finding[], max: number): string {
  const shown = findings.slice(0, max).map((f) => findingTitle(ctx, f)).join(' ; ');
  return findings.length > max ? `${shown} ${ctx.t('export.more', { count: findings.length - max })}` : shown;
}

export function dimensionLabel(ctx: ExportContext, dimension: string): string {
  const key = `proposal.dimension.${dimension}.name`;
  return ctx.has(key) ? ctx.t(key) : dimension;
}

export function tierName(ctx: ExportContext, offer: OfferSettings, id: TierId): string {
  return offer.tiers[id].name || ctx.t(`tier.${id}.name`);
}

export function planBlocks(ctx: ExportContext, audit: Audit, compact: boolean): Block[] {
  const plan = maintenancePlan({ findings: byUrgency(audit.findings), checklist: audit.checklist });
  const head = compact
    ? [ctx.t('proposal.col.dimension'), ctx.t('proposal.col.frequency'), ctx.t('proposal.col.needs')]
    : [ctx.t('proposal.col.dimension'), ctx.t('proposal.col.covers'), ctx.t('proposal.col.frequency'), ctx.t('proposal.col.needs')];
  return [
    heading(2, ctx.t('proposal.plan.title')),
    ...(compact ? [] : [paragraph(text(ctx.t('proposal.plan.intro')))]),
    {
      kind: 'table',
      head,
      rows: plan.map((line) => {
        const needs: string[] = [];
        if (line.findings.length) {
          const count = ctx.tn('proposal.plan.findings', line.findings.length);
          needs.push(compact ? count : ctx.t('proposal.plan.list', { count, titles: titles(ctx, line.findings, PER_CELL) }));
        }
        if (line.points.length) needs.push(ctx.t('proposal.plan.points', { points: line.points.map((p) => p.id).join(', ') }));
        const cells: Inline[][] = [
          [strong(dimensionLabel(ctx, line.dimension))],
          ...(compact ? [] : [[text(ctx.t(`proposal.dimension.${line.dimension}.covers`))]]),
          [text(ctx.t(`proposal.dimension.${line.dimension}.frequency`))],
          [text(needs.length ? needs.join(' — ') : ctx.t('proposal.plan.routine'))],
        ];
        return cells;
      }),
    },
  ];
}

export function riskBlocks(ctx: ExportContext, audit: Audit, compact: boolean): Block[] {
  const groups = riskGroups(byUrgency(audit.findings));
  const blocks: Block[] = [heading(2, ctx.t('proposal.risk.title'))];
  if (!groups.length) return [...blocks, paragraph(text(ctx.t('proposal.risk.none')))];
  if (!compact) blocks.push(paragraph(text(ctx.t('proposal.risk.intro'))));
  blocks.push({
    kind: 'table',
    head: compact
      ? [ctx.t('proposal.col.riskType'), ctx.t('proposal.col.impact'), ctx.t('proposal.col.likelihood')]
      : [ctx.t('proposal.col.riskType'), ctx.t('proposal.col.findings'), ctx.t('proposal.col.impact'), ctx.t('proposal.col.likelihood')],
    rows: groups.map((g) => {
      const level = ctx.t(`proposal.likelihood.${likelihood(g.worst)}`);
      const cells: Inline[][] = [
        [strong(ctx.t(`proposal.risk.${g.category}.name`)), text(` (${ctx.number(g.findings.length)})`)],
        ...(compact ? [] : [[text(`${severityLabel(ctx, g.worst)} — ${titles(ctx, g.findings, PER_CELL)}`)]]),
        [text(ctx.t(`proposal.risk.${g.category}.impact`))],
        [strong(level), text(compact ? '' : ` — ${ctx.t(`proposal.risk.${g.category}.likelihood`)}`)],
      ];
      return cells;
    }),
  });
  return blocks;
}

function actionItem(ctx: ExportContext, action: ScopedAction): Inline[] {
  return [text(findingTitle(ctx, action.finding)), text(` — ${ctx.t(`proposal.scope.reason.${action.reason}`)}`)];
}

export function scopeBlocks(ctx: ExportContext, audit: Audit, offer: OfferSettings, compact: boolean): Block[] {
  const groups = scopeActions(byUrgency(audit.findings), audit, offer.scope);
  const blocks: Block[] = [heading(2, ctx.t('proposal.scope.title')), paragraph(text(ctx.t('proposal.scope.intro')))];
  for (const scope of ['contract', 'quote'] as const) {
    const actions = groups[scope];
    const shown = compact ? actions.slice(0, COMPACT_LIST) : actions;
    blocks.push(heading(3, `${ctx.t(`proposal.scope.${scope}`)} (${ctx.number(actions.length)})`));
    if (!actions.length) {
      blocks.push(paragraph(text(ctx.t(`proposal.scope.${scope}.none`))));
      continue;
    }
    const items = shown.map((a) => actionItem(ctx, a));
    if (actions.length > shown.length) items.push([text(ctx.t('export.more', { count: actions.length - shown.length }))]);
    blocks.push({ kind: 'list', items });
  }
  return blocks;
}

export function scenarioBlocks(ctx: ExportContext, audit: Audit, compact: boolean): Block[] {
  const chosen = chooseScenarios(audit, compact ? COMPACT_SCENARIOS : MAX_SCENARIOS);
  if (!chosen.length) return [];
  return [
    heading(2, ctx.t('proposal.scenario.title')),
    {
      kind: 'table',
      head: [ctx.t('proposal.col.situation'), ctx.t('proposal.col.without'), ctx.t('proposal.col.with')],
      rows: chosen.map((s) => [
        [strong(ctx.t(`proposal.scenario.${s.id}.title`))],
        [text(ctx.t(`proposal.scenario.${s.id}.without`))],
        [text(ctx.t(`proposal.scenario.${s.id}.with`))],
      ]),
    },
  ];
}

function delay(ctx: ExportContext, d: SlaDelay): string {
  return ctx.tn(`proposal.delay.${d.unit}`, d.amount);
}

function slaRow(ctx: ExportContext, label: string, cell: (sla: TierSla, id: TierId) => string, offer: OfferSettings): Inline[][] {
  return [[strong(label)], ...TIERS.map((id) => [text(cell(offer.sla[id], id))])];
}

export function tierGridBlocks(ctx: ExportContext, audit: Audit, offer: OfferSettings, compact: boolean): Block[] {
  const recommended = audit.diagnosis.tier.recommended;
  const head = ['', ...TIERS.map((id) => (id === recommended ? ctx.t('proposal.grid.recommended', { tier: tierName(ctx, offer, id) }) : tierName(ctx, offer, id)))];
  const pair = (p: Priority) => (sla: TierSla) => ctx.t('proposal.grid.pair', { response: delay(ctx, sla.response[p]), restore: delay(ctx, sla.restore[p]) });
  const rows: Inline[][][] = [
    ...(compact ? [] : [slaRow(ctx, ctx.t('proposal.grid.covers'), (_s, id) => ctx.clip(offer.tiers[id].contents || ctx.t(`tier.${id}.contents`), 2000), offer)]),
    slaRow(ctx, ctx.t('proposal.grid.model'), (_s, id) => ctx.t(`engagement.${offer.tiers[id].model}.name`), offer),
    ...PRIORITY_ORDER.map((p) => slaRow(ctx, ctx.t('proposal.grid.priority', { priority: ctx.t(`priority.${p}.name`) }), pair(p), offer)),
    slaRow(ctx, ctx.t('proposal.grid.availability'), (s) => ctx.t('proposal.grid.percent', { value: ctx.number(s.availability) }), offer),
    slaRow(ctx, ctx.t('proposal.grid.reporting'), (s) => ctx.t(`proposal.reporting.${s.reporting}`), offer),
    slaRow(ctx, ctx.t('proposal.grid.compensation'), (s) => s.compensation.percentPerBreach > 0
      ? ctx.t('proposal.grid.compensationValue', { percent: ctx.number(s.compensation.percentPerBreach), cap: ctx.number(s.compensation.capPercent) })
      : ctx.t('proposal.grid.compensationNone'), offer),
  ];
  return [
    heading(2, ctx.t('proposal.grid.title')),
    paragraph(text(ctx.t('proposal.grid.intro', { tier: tierName(ctx, offer, recommended) }))),
    { kind: 'table', head, rows },
    ...(compact ? [] : [paragraph(text(ctx.t('proposal.grid.note')))]),
  ];
}

export function channelBlocks(ctx: ExportContext, audit: Audit, compact: boolean): Block[] {
  const advice = requestChannelAdvice(audit);
  if (!advice.recommend) return [];
  return [
    ...(compact ? [] : [heading(2, ctx.t('proposal.channel.section'))]),
    { kind: 'callout', tone: 'warning', content: [strong(ctx.t('proposal.channel.title')), text(' '), text(ctx.t(`proposal.channel.because.${advice.because}`))] },
    ...(compact ? [] : [{ kind: 'list', items: (['one', 'trace', 'priority', 'report'] as const).map((k) => [text(ctx.t(`proposal.channel.why.${k}`))]) } satisfies Block]),
  ];
}

