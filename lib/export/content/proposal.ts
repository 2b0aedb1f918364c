/** One page for a proposal: key facts, the main risks, raised signals, and the recommendation. */
import type { AgencyProfile } from '../../agency/schema';
import type { Audit } from '../../audit/schema';
import { offerSettings, type OfferSettings } from '../../proposal/offer';
import type { ExportContext } from '../context';
import { code, heading, paragraph, text, type Block, type Doc, type Inline } from '../doc';
import { signalLabel, tierLabel } from '../labels';
import { channelBlocks, planBlocks, riskBlocks, scenarioBlocks, scopeBlocks, tierGridBlocks } from './offer';
import { countsSentence, footer, letterhead, riskItem, tierBlocks, topRisks, verdictBlocks } from './common';
import { maintenanceBlocks } from './full';

export function proposalDoc(ctx: ExportContext, audit: Audit, agency: AgencyProfile | null, offer: OfferSettings = offerSettings()): Doc {
  const title = ctx.t('export.proposal.title', { domain: audit.domain });
  const risks = topRisks(audit, 4);
  const raised = audit.signals.filter((s) => s.state === 'raised');
  const blocks: Block[] = [
    ...letterhead(agency),
    heading(1, title),
    paragraph(text(ctx.t('export.proposal.intro', { domain: audit.domain, date: ctx.date(audit.startedAt) }))),
    {
      kind: 'table',
      head: [ctx.t('export.col.item'), ctx.t('export.col.value')],
      rows: [
        [[text(ctx.t('export.fact.page'))], [code(ctx.clip(audit.url))]],
        [[text(ctx.t('export.fact.grade'))], [text(ctx.t('export.fact.gradeValue', { grade: audit.score.grade, score: audit.score.value }))]],
        [[text(ctx.t('export.fact.findings'))], [text(countsSentence(ctx, audit.findings))]],
        [[text(ctx.t('export.fact.tier'))], [text(tierLabel(ctx, audit.diagnosis.tier.recommended))]],
      ],
    },
    ...verdictBlocks(ctx, audit),
    heading(2, ctx.t('export.proposal.risks')),
    risks.length ? { kind: 'list', items: risks.map((f) => riskItem(ctx, f)) } : paragraph(text(ctx.t('export.risks.none'))),
    heading(2, ctx.t('export.proposal.signals')),
    // One line, not a list, so that the summary stays on one page.
    paragraph(text(raised.length ? raised.map((s) => signalLabel(ctx, s.id)).join(' · ') : ctx.t('export.signals.none'))),
    ...riskBlocks(ctx, audit, true),
    ...planBlocks(ctx, audit, true),
    ...scopeBlocks(ctx, audit, offer, true),
    ...scenarioBlocks(ctx, audit, true),
    heading(2, ctx.t('export.proposal.recommendation')),
    ...maintenanceBlocks(ctx, audit),
    ...tierBlocks(ctx, audit),
    ...tierGridBlocks(ctx, audit, offer, true),
    ...channelBlocks(ctx, audit, true),
    paragraph(text(ctx.t('export.cost.argument'))),
  ];
  if (agency) blocks.push(paragraph(text(ctx.t(agency.contact ? 'export.proposal.contact' : 'export.proposal.contact.nameOnly', { agency: agency.name, contact: agency.contact ?? '' }))));
  blocks.push(footer(ctx, audit));
  return { lang: ctx.locale, title, blocks };
}

/**
 * The one-page summary to attach to a proposal (print level "summary"): the grade, the three to
 * five risks that matter most, the recommended maintenance level and why, the next steps, and the
 * agency's letterhead and contact. The proposal adds the plan, scope, scenarios and level grid.
 */
export function summaryDoc(ctx: ExportContext, audit: Audit, agency: AgencyProfile | null): Doc {
  const title = ctx.t('export.proposal.title', { domain: audit.domain });
  const risks = topRisks(audit, 5);
  const urgent = audit.findings.filter((f) => f.priority === 'P0' || f.priority === 'P1').length;
  const toAnswer = audit.checklist.points.filter((p) => p.level === 'critique' && p.status === 'unknown').map((p) => p.id);
  const steps: Inline[][] = [
    ...(urgent ? [[text(ctx.tn('export.summary.next.fix', urgent))]] : []),
    ...(toAnswer.length ? [[text(ctx.t('export.summary.next.answer', { points: toAnswer.join(', ') }))]] : []),
    [text(ctx.t('export.summary.next.tier', { tier: tierLabel(ctx, audit.diagnosis.tier.recommended) }))],
    [text(ctx.t('export.summary.next.rescan'))],
  ];
  const blocks: Block[] = [
    ...letterhead(agency),
    heading(1, title),
    paragraph(text(ctx.t('export.proposal.intro', { domain: audit.domain, date: ctx.date(audit.startedAt) }))),
    {
      kind: 'table',
      head: [ctx.t('export.col.item'), ctx.t('export.col.value')],
      rows: [
        [[text(ctx.t('export.fact.grade'))], [text(ctx.t('export.fact.gradeValue', { grade: audit.score.grade, score: audit.score.value }))]],
        [[text(ctx.t('export.fact.findings'))], [text(countsSentence(ctx, audit.findings))]],
        [[text(ctx.t('export.fact.tier'))], [text(tierLabel(ctx, audit.diagnosis.tier.recommended))]],
      ],
    },
    heading(2, ctx.t('export.proposal.risks')),
    risks.length ? { kind: 'list', items: risks.map((f) => riskItem(ctx, f)) } : paragraph(text(ctx.t('export.risks.none'))),
    heading(2, ctx.t('export.proposal.recommendation')),
    ...maintenanceBlocks(ctx, audit),
    ...tierBlocks(ctx, audit),
    heading(2, ctx.t('export.summary.next')),
    { kind: 'list', items: steps },
  ];
  if (agency) blocks.push(paragraph(text(ctx.t(agency.contact ? 'export.proposal.contact' : 'export.proposal.contact.nameOnly', { agency: agency.name, contact: agency.contact ?? '' }))));
  blocks.push(footer(ctx, audit));
  return { lang: ctx.locale, title, blocks };
}
