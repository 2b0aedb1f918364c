/** The full report: executive summary, findings by priority, checklist, technologies, tier, 1-5-15, evidence. */
import { evidenceForPeople } from '../tech-status';
import type { AgencyProfile } from '../../agency/schema';
import type { Audit, Finding } from '../../audit/schema';
import { ageAt } from '../age';
import { pointDimension } from '../../proposal/dimensions';
import { offerSettings, type OfferSettings } from '../../proposal/offer';
import type { ExportContext } from '../context';
import type { HistoryPoint } from '../types';
import { knowledgeBaseMessage, surfaceMessages, technologyStatus } from '../tech-status';
import { code, heading, isSafeLinkUrl, link, paragraph, strong, text, type Block, type Doc, type Inline } from '../doc';
import {
  PRIORITY_ORDER, blockLabel, byUrgency, categoryLabel, evidenceLabel, findingExplain, findingFix, findingTitle,
  levelLabel, measureLabel, message, pointLabel, priorityLabel, severityLabel, signalLabel, signalStateLabel, statusLabel,
} from '../labels';
import { channelBlocks, dimensionLabel, planBlocks, riskBlocks, scenarioBlocks, scopeBlocks, tierGridBlocks } from './offer';
import { scoreChart, severityChart } from './charts';
import { ageText, auditMessage, countsSentence, deadlineText, footer, gradeSentence, letterhead, riskItem, tierBlocks, topRisks, verdictBlocks } from './common';

/** Evidence values longer than this, or on several lines, go in a code block of the appendix. */
const BLOCK_VALUE = 160;
const APPENDIX_MAX = 4000;

/** `history`: the domain's audits, for the score chart drawn under the findings by severity. */
function executiveSummary(ctx: ExportContext, audit: Audit, history: readonly HistoryPoint[]): Block[] {
  const risks = topRisks(audit, 3);
  return [
    heading(2, ctx.t('export.section.executive')),
    paragraph(text(gradeSentence(ctx, audit)), text(' '), text(countsSentence(ctx, audit.findings))),
    ...severityChart(ctx, audit.findings),
    ...scoreChart(ctx, audit, history),
    ...verdictBlocks(ctx, audit),
    paragraph(text(ctx.t(audit.diagnosis.sufficient ? 'export.sufficient.yes' : 'export.sufficient.no'))),
    heading(3, ctx.t('export.section.signals')),
    {
      kind: 'table',
      head: [ctx.t('export.col.signal'), ctx.t('export.col.level'), ctx.t('export.col.state'), ctx.t('export.col.reasons')],
      rows: audit.signals.map((s) => [
        [text(`${s.id} — ${signalLabel(ctx, s.id)}`)],
        [text(levelLabel(ctx, s.level))],
        [s.state === 'raised' ? strong(signalStateLabel(ctx, s.state)) : text(signalStateLabel(ctx, s.state))],
        [text(s.reasons.slice(0, 5).map((r) => auditMessage(ctx, audit, r)).join(' ; ') + (s.reasons.length > 5 ? ` ${ctx.t('export.more', { count: s.reasons.length - 5 })}` : ''))],
      ]),
    },
    heading(3, ctx.t('export.section.topRisks')),
    risks.length ? { kind: 'list', items: risks.map((f) => riskItem(ctx, f)) } : paragraph(text(ctx.t('export.risks.none'))),
  ];
}

function findingDetails(ctx: ExportContext, finding: Finding): Block[] {
  const explain = findingExplain(ctx, finding);
  const fix = findingFix(ctx, finding);
  return [
    // The title alone: a rule id says nothing to the client (the JSON and CSV keep it).
    paragraph(strong(findingTitle(ctx, finding))),
    ...(explain ? [paragraph(strong(ctx.t('finding.explain')), text(' — '), text(explain))] : []),
    ...(fix ? [paragraph(strong(ctx.t('finding.fix')), text(' — '), text(fix))] : []),
  ];
}

/** `detailsFor`: the priorities whose findings get their "why it matters" and "what to do" (all by default). */
function findingsByPriority(ctx: ExportContext, audit: Audit, detailsFor: readonly string[] = PRIORITY_ORDER): Block[] {
  const blocks: Block[] = [heading(2, ctx.t('export.section.findings'))];
  if (!audit.findings.length) return [...blocks, paragraph(text(ctx.t('export.findings.none')))];
  for (const priority of PRIORITY_ORDER) {
    const group = byUrgency(audit.findings.filter((f) => f.priority === priority));
    if (!group.length) continue;
    blocks.push(heading(3, priorityLabel(ctx, priority)));
    blocks.push({
      kind: 'table',
      head: [ctx.t('export.col.finding'), ctx.t('export.col.severity'), ctx.t('proposal.col.dimension'), ctx.t('export.col.deadline'), ctx.t('export.col.age')],
      rows: group.map((f) => [[text(findingTitle(ctx, f))], [text(severityLabel(ctx, f.severity))], [text(dimensionLabel(ctx, f.dimension))], [text(deadlineText(ctx, f))], [text(ageText(ctx, f, audit.startedAt))]]),
    });
    if (detailsFor.includes(priority)) for (const f of group) blocks.push(...findingDetails(ctx, f));
  }
  return blocks;
}

function checklistByBlock(ctx: ExportContext, audit: Audit): Block[] {
  const blocks: Block[] = [heading(2, ctx.t('export.section.checklist'))];
  const due = new Map(audit.diagnosis.dueDates.map((d) => [d.point, d.due]));
  for (const block of ['A', 'B', 'C', 'D', 'E'] as const) {
    const points = audit.checklist.points.filter((p) => p.block === block);
    if (!points.length) continue;
    blocks.push(heading(3, blockLabel(ctx, block)));
    blocks.push({
      kind: 'table',
      head: [ctx.t('export.col.point'), ctx.t('export.col.level'), ctx.t('proposal.col.dimension'), ctx.t('export.col.status'), ctx.t('export.col.suggested'), ctx.t('export.col.due'), ctx.t('export.col.note')],
      rows: points.map((p) => [
        [text(`${p.id} — ${pointLabel(ctx, p.id)}`)],
        [text(levelLabel(ctx, p.level))],
        [text(dimensionLabel(ctx, pointDimension(p)))],
        [text(statusLabel(ctx, p.status))],
        [text(p.suggested ? statusLabel(ctx, p.suggested.status) : '—')],
        [text(due.has(p.id) ? ctx.date(due.get(p.id)!) : '—')],
        [text(p.note ? ctx.clip(p.note) : '')],
      ]),
    });
  }
  return blocks;
}

/** The checklist points that are not OK yet, in one table: what the meeting has to settle. */
function checklistToSettle(ctx: ExportContext, audit: Audit): Block[] {
  const open = audit.checklist.points.filter((p) => p.status !== 'ok' && p.status !== 'na');
  const blocks: Block[] = [heading(2, ctx.t('export.section.checklist'))];
  if (!open.length) return [...blocks, paragraph(text(ctx.t('export.checklist.allOk')))];
  return [...blocks, {
    kind: 'table',
    head: [ctx.t('export.col.point'), ctx.t('export.col.level'), ctx.t('export.col.status'), ctx.t('export.col.suggested')],
    rows: open.map((p) => [
      [text(`${p.id} — ${pointLabel(ctx, p.id)}`)],
      [text(levelLabel(ctx, p.level))],
      [text(statusLabel(ctx, p.status))],
      [text(p.suggested ? statusLabel(ctx, p.suggested.status) : '—')],
    ]),
  }];
}

/** The maintenance surface and the knowledge base's date, in sentences (shared by the full report and the proposal). */
export function maintenanceBlocks(ctx: ExportContext, audit: Audit): Block[] {
  const word = (m: { key: string; params: Record<string, string | number>; count?: number }) => (m.count === undefined ? ctx.t(m.key, m.params) : ctx.tn(m.key, m.count, m.params));
  const blocks: Block[] = [];
  const surface = audit.diagnosis.surface ? surfaceMessages(audit.diagnosis.surface) : [];
  if (surface.length) {
    const [total, ...rest] = surface;
    const state = rest.pop()!;
    blocks.push(paragraph(strong(word(total!)), text(rest.length ? ` (${rest.map(word).join(', ')})` : ''), text(` — ${word(state)}`)));
  }
  const kb = knowledgeBaseMessage(audit);
  if (kb) blocks.push(paragraph(text(word(kb))));
  return blocks;
}

function technologies(ctx: ExportContext, audit: Audit, grouped = false): Block[] {
  const blocks: Block[] = [heading(2, ctx.t('export.section.technologies')), ...maintenanceBlocks(ctx, audit)];
  if (!audit.technologies.length) return [...blocks, paragraph(text(ctx.t('export.technologies.none')))];
  blocks.push({
    kind: 'table',
    head: [ctx.t('export.col.component'), ctx.t('export.col.version'), ctx.t('export.col.category'), ctx.t('export.col.support'), ctx.t('export.col.vulnerabilities')],
    rows: audit.technologies.map((tech) => {
      const support = technologyStatus(tech, audit.knowledgeBase?.date).map((m) => ctx.clip(m.count === undefined ? ctx.t(m.key, m.params) : ctx.tn(m.key, m.count, m.params), 300));
      return [[text(ctx.clip(tech.name, 100))], tech.version ? [code(ctx.clip(tech.version, 64))] : [text('—')], [text(categoryLabel(ctx, tech.category))], [text(support.join(' ; ') || '—')], [text(ctx.number(tech.vulnerabilities.length))]];
    }),
  });
  if (grouped) return [...blocks, ...vulnerabilitiesByComponent(ctx, audit)];
  const vulnerable = audit.technologies.filter((tech) => tech.vulnerabilities.length > 0);
  if (vulnerable.length) {
    blocks.push(heading(3, ctx.t('export.section.vulnerabilities')));
    blocks.push({
      kind: 'table',
      head: [ctx.t('export.col.component'), ctx.t('export.col.advisory'), ctx.t('export.col.severity'), ctx.t('export.col.summary'), ctx.t('export.col.fixedIn')],
      rows: vulnerable.flatMap((tech) => tech.vulnerabilities.map((v) => [
        [text(ctx.clip(tech.name, 100)), ...(tech.version ? [text(' '), code(ctx.clip(tech.version, 64))] : [])],
        isSafeLinkUrl(v.url) ? [link(ctx.clip(v.id, 100), v.url)] : [text(ctx.clip(v.id, 100)), text(' '), code(ctx.clip(v.url, 500))],
        // A default severity is said to be one (most Drupal advisories state none).
        [text(v.severityUnknown ? `${severityLabel(ctx, v.severity)} (${ctx.t('tech.severity.unknown')})` : severityLabel(ctx, v.severity))],
        [text(ctx.clip(v.weakness ? ctx.t(`weakness.${v.weakness}`, { component: tech.name }) : v.summary))],
        v.fixedIn ? [code(ctx.clip(v.fixedIn, 64))] : [text('—')],
      ] satisfies Inline[][])),
    });
  }
  return blocks;
}

const SEVERITY_RANK = { critical: 4, high: 3, medium: 2, low: 1, info: 0 } as const;

/**
 * Components with known vulnerabilities, one row each: how many, the worst, and the version that
 * fixes them (the one answer of the audit, `updateTo`). The standard report's view: an old
 * WordPress with a hundred advisories stays one line.
 */
function vulnerabilitiesByComponent(ctx: ExportContext, audit: Audit): Block[] {
  const vulnerable = audit.technologies.filter((tech) => tech.vulnerabilities.length > 0);
  if (!vulnerable.length) return [];
  return [
    heading(3, ctx.t('export.section.vulnerabilities')),
    {
      kind: 'table',
      head: [ctx.t('export.col.component'), ctx.t('export.col.vulnerabilities'), ctx.t('export.col.worst'), ctx.t('export.col.fixedIn')],
      rows: vulnerable.map((tech) => {
        const worst = tech.vulnerabilities.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a)).severity;
        const fix = tech.updateTo?.version;
        return [
          [text(ctx.clip(tech.name, 100)), ...(tech.version ? [text(' '), code(ctx.clip(tech.version, 64))] : [])],
          [text(ctx.number(tech.vulnerabilities.length))],
          [text(severityLabel(ctx, worst))],
          fix ? [code(ctx.clip(fix, 64))] : [text('—')],
        ] satisfies Inline[][];
      }),
    },
  ];
}

function costOfWaiting(ctx: ExportContext, audit: Audit): Block[] {
  const aged = byUrgency(audit.findings).filter((f) => ageAt(f.firstSeen, audit.startedAt) !== null);
  return [
    heading(2, ctx.t('export.section.cost')),
    paragraph(text(ctx.t('export.cost.argument'))),
    aged.length
      ? {
          kind: 'table',
          head: [ctx.t('export.col.finding'), ctx.t('export.col.firstSeen'), ctx.t('export.col.ageDays'), ctx.t('export.col.multiplier')],
          rows: aged.map((f) => {
            const age = ageAt(f.firstSeen, audit.startedAt)!;
            return [[text(findingTitle(ctx, f))], [text(ctx.date(f.firstSeen!))], [text(ctx.number(age.days))], [text(`×${age.multiplier}`)]];
          }),
        }
      : paragraph(text(ctx.t('export.cost.noHistory'))),
  ];
}

function notMeasured(ctx: ExportContext, audit: Audit): Block[] {
  return [
    heading(2, ctx.t('export.section.notMeasured')),
    audit.notMeasured.length
      ? { kind: 'list', items: audit.notMeasured.map((n) => [strong(measureLabel(ctx, n.what)), text(' — '), text(message(ctx, n.reason))]) }
      : paragraph(text(ctx.t('export.notMeasured.none'))),
  ];
}

function evidenceAppendix(ctx: ExportContext, audit: Audit): Block[] {
  const blocks: Block[] = [{ kind: 'page-break' }, heading(2, ctx.t('export.section.appendix'))];
  const withEvidence = byUrgency(audit.findings).filter((f) => f.evidence.length > 0);
  if (!withEvidence.length) return [...blocks, paragraph(text(ctx.t('export.appendix.none')))];
  for (const f of withEvidence) {
    blocks.push(heading(3, findingTitle(ctx, f)));
    const short: Inline[][] = [];
    const long: Block[] = [];
    for (const item of f.evidence.map(evidenceForPeople)) {
      const value = ctx.clip(item.value, APPENDIX_MAX);
      if (value.length > BLOCK_VALUE || /[\r\n]/.test(value)) long.push(paragraph(strong(evidenceLabel(ctx, item.label))), { kind: 'code-block', text: value });
      // A label alone when the evidence is the fact itself (the page's generator tag).
      else short.push(value ? [strong(evidenceLabel(ctx, item.label)), text(' '), code(value)] : [strong(evidenceLabel(ctx, item.label))]);
    }
    if (short.length) blocks.push({ kind: 'list', items: short });
    blocks.push(...long);
  }
  return blocks;
}

/** The report's sections, listed after its title: the full report is long enough to need one. */
function withContents(ctx: ExportContext, blocks: Block[]): Block[] {
  const sections = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2);
  const at = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
  if (sections.length < 3 || at < 0) return blocks;
  const contents: Block[] = [heading(2, ctx.t('export.section.contents')), { kind: 'list', items: sections.map((h) => [text(h.text)]) }];
  return [...blocks.slice(0, at + 1), ...contents, ...blocks.slice(at + 1)];
}

function factsTable(ctx: ExportContext, audit: Audit): Block {
  return {
    kind: 'table',
    head: [ctx.t('export.col.item'), ctx.t('export.col.value')],
    rows: [
      [[text(ctx.t('export.fact.page'))], [code(ctx.clip(audit.url))]],
      [[text(ctx.t('export.fact.date'))], [text(ctx.date(audit.startedAt))]],
      [[text(ctx.t('export.fact.platform'))], [text(`${audit.platform.name} ${ctx.clip(audit.platform.version, 64)}`)]],
      [[text(ctx.t('export.fact.headerSource'))], [text(ctx.has(`headerSource.${audit.headerSource}`) ? ctx.t(`headerSource.${audit.headerSource}`) : audit.headerSource)]],
    ],
  };
}

/**
 * What a client meeting needs, in a few pages even for an old WordPress with dozens of known
 * flaws: the summary (with its charts: findings by severity, and the score over time when the
 * domain's `history` has two audits up to this one), the findings by priority, the checklist, the
 * components with their vulnerabilities counted per component, the risks and plan, and the
 * recommended tier. The full report adds the channels, scope, scenarios, tier grid, cost of waiting
 * and the evidence.
 */
export function standardDoc(ctx: ExportContext, audit: Audit, agency: AgencyProfile | null, history: readonly HistoryPoint[] = []): Doc {
  const title = ctx.t('export.standard.title', { domain: audit.domain });
  return {
    lang: ctx.locale,
    title,
    blocks: [
      ...letterhead(agency),
      heading(1, title),
      factsTable(ctx, audit),
      ...executiveSummary(ctx, audit, history),
      // Why and what to do for the urgent ones; the rest are listed with their deadlines.
      ...findingsByPriority(ctx, audit, ['P0', 'P1']),
      ...checklistToSettle(ctx, audit),
      ...technologies(ctx, audit, true),
      ...riskBlocks(ctx, audit, true),
      ...planBlocks(ctx, audit, true),
      heading(2, ctx.t('export.section.tier')),
      ...tierBlocks(ctx, audit),
      ...notMeasured(ctx, audit),
      footer(ctx, audit),
    ],
  };
}

export function fullDoc(ctx: ExportContext, audit: Audit, agency: AgencyProfile | null, offer: OfferSettings = offerSettings(), history: readonly HistoryPoint[] = []): Doc {
  const title = ctx.t('export.full.title', { domain: audit.domain });
  return {
    lang: ctx.locale,
    title,
    blocks: withContents(ctx, [
      ...letterhead(agency),
      heading(1, title),
      factsTable(ctx, audit),
      ...executiveSummary(ctx, audit, history),
      ...findingsByPriority(ctx, audit),
      ...checklistByBlock(ctx, audit),
      ...channelBlocks(ctx, audit, false),
      ...technologies(ctx, audit),
      ...riskBlocks(ctx, audit, false),
      ...planBlocks(ctx, audit, false),
      ...scopeBlocks(ctx, audit, offer, false),
      ...scenarioBlocks(ctx, audit, false),
      heading(2, ctx.t('export.section.tier')),
      ...tierBlocks(ctx, audit),
      ...tierGridBlocks(ctx, audit, offer, false),
      ...costOfWaiting(ctx, audit),
      ...notMeasured(ctx, audit),
      ...evidenceAppendix(ctx, audit),
      footer(ctx, audit),
    ]),
  };
}
