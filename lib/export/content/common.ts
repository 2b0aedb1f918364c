/** Pieces shared by the email, proposal, full and monthly documents. */
import { isSafeLogoDataUrl, type AgencyProfile } from '../../agency/schema';
import type { Audit, Finding } from '../../audit/schema';
import type { MessageRef } from '../../evidence/schema';
import { ageAt } from '../age';
import type { ExportContext } from '../context';
import { code, link, paragraph, text, type Block, type Inline } from '../doc';
import { byUrgency, countBySeverity, findingTitle, message, priorityDelay, signalLabel, tierLabel } from '../labels';
import type { MonthlyFinding } from '../types';

export function letterhead(agency: AgencyProfile | null | undefined): Block[] {
  if (!agency) return [];
  const lines: Inline[][] = [];
  if (agency.contact) lines.push([text(agency.contact)]);
  if (agency.website) lines.push([agency.website.startsWith('https:') ? link(agency.website, agency.website) : code(agency.website)]);
  return [{ kind: 'letterhead', name: agency.name, lines, ...(agency.logo && isSafeLogoDataUrl(agency.logo) ? { logo: agency.logo } : {}) }];
}

/** "within 4 working hours (by 3 March 2026)": the delay of the priority, and the deadline when known. */
export function deadlineText(ctx: ExportContext, finding: MonthlyFinding): string {
  const delay = priorityDelay(ctx, finding.priority);
  return finding.deadline ? ctx.t('export.deadline.by', { delay, date: ctx.date(finding.deadline) }) : delay;
}

/** "first seen 2 May 2025 (300 days), cost ×1", or a dash when the history does not know. */
export function ageText(ctx: ExportContext, finding: MonthlyFinding, at: string): string {
  const age = ageAt(finding.firstSeen, at);
  if (!age || !finding.firstSeen) return ctx.t('export.age.unknown');
  return ctx.tn('export.age.known', age.days, { date: ctx.date(finding.firstSeen), multiplier: age.multiplier });
}

export function countsSentence(ctx: ExportContext, findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const key = counts.critical > 0 ? 'export.counts' : counts.high > 0 ? 'export.counts.noCritical' : 'export.counts.minor';
  return ctx.tn(key, findings.length, { critical: counts.critical, high: counts.high });
}

export function gradeSentence(ctx: ExportContext, audit: Audit): string {
  return ctx.t('export.grade', { grade: audit.score.grade, score: audit.score.value });
}

/** A reason from the diagnosis; a `finding` parameter naming a finding of the audit is shown by its title. */
export function auditMessage(ctx: ExportContext, audit: Audit, ref: MessageRef): string {
  const named = typeof ref.params.finding === 'string' ? audit.findings.find((f) => f.id === ref.params.finding) : undefined;
  return message(ctx, named ? { key: ref.key, params: { ...ref.params, finding: findingTitle(ctx, named) } } : ref);
}

const CRITICAL_SIGNALS = ['S2', 'S3', 'S4'];

/** The rule of three criticals, said prominently; when undecided, which answers would settle it. */
export function verdictBlocks(ctx: ExportContext, audit: Audit): Block[] {
  const verdict = audit.diagnosis.threeCriticals;
  const critical = audit.signals.filter((s) => CRITICAL_SIGNALS.includes(s.id));
  const raised = critical.filter((s) => s.state === 'raised').map((s) => signalLabel(ctx, s.id));
  const blocks: Block[] = [{
    kind: 'callout',
    tone: verdict === 'probable' ? 'danger' : verdict === 'possible' ? 'warning' : 'info',
    content: [text(ctx.t(`export.verdict.${verdict}`, { raised: raised.join(', ') }))],
  }];
  const pending = critical.filter((s) => s.state === 'unconfirmed');
  if (verdict !== 'probable' && pending.length > 0) {
    blocks.push(paragraph(text(ctx.t('export.verdict.settle'))));
    blocks.push({ kind: 'list', items: pending.map((s) => [text(signalLabel(ctx, s.id)), text(' — '), text(s.reasons.map((r) => auditMessage(ctx, audit, r)).join(' ; '))]) });
  }
  return blocks;
}

export function tierBlocks(ctx: ExportContext, audit: Audit): Block[] {
  const { tier } = audit.diagnosis;
  return [
    paragraph(text(ctx.t('export.tier.recommended', { tier: tierLabel(ctx, tier.recommended) }))),
    ...(tier.reasons.length ? [{ kind: 'list', items: tier.reasons.map((r) => [text(message(ctx, r))]) } satisfies Block] : []),
  ];
}

export function topRisks(audit: Audit, count: number): Finding[] {
  return byUrgency(audit.findings.filter((f) => f.severity !== 'info')).slice(0, count);
}

export function riskItem(ctx: ExportContext, finding: MonthlyFinding): Inline[] {
  return [
    { kind: 'strong', text: findingTitle(ctx, finding) },
    text(ctx.t('export.risk.meta', { severity: ctx.has(`severity.${finding.severity}`) ? ctx.t(`severity.${finding.severity}`) : finding.severity, priority: finding.priority, deadline: deadlineText(ctx, finding) })),
  ];
}

export function footer(ctx: ExportContext, audit: Audit): Block {
  return paragraph(text(ctx.t('export.footer', { date: ctx.date(audit.startedAt) })));
}
