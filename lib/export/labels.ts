/**
 * Names of the things an export talks about, in the report's language. Checklist, signal, priority and
 * tier names come from the diagnosis catalogues, so the report and the pages use the same words.
 */
import type { Finding, Priority, Severity } from '../audit/schema';
import type { MessageRef } from '../evidence/schema';
import type { ExportContext } from './context';
import type { MonthlyFinding } from './types';

const PRIORITY_ORDER: readonly Priority[] = ['P0', 'P1', 'P2', 'P3'];
const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Re-rendered from the message key in the export's language; the stored title if the key is unknown. */
export function findingTitle(ctx: ExportContext, finding: MonthlyFinding): string {
  return ctx.clip(ctx.has(finding.message.key) ? ctx.t(finding.message.key, finding.message.params) : finding.title);
}

function ruleText(ctx: ExportContext, finding: Finding, part: 'explain' | 'fix'): string | null {
  const key = `rule.${finding.ruleId}.${part}`;
  return ctx.has(key) ? ctx.clip(ctx.t(key, finding.message.params), 2000) : null;
}
export const findingExplain = (ctx: ExportContext, finding: Finding) => ruleText(ctx, finding, 'explain');
export const findingFix = (ctx: ExportContext, finding: Finding) => ruleText(ctx, finding, 'fix');

export function message(ctx: ExportContext, ref: MessageRef): string {
  return ctx.clip(ctx.t(ref.key, ref.params), 1000);
}

/** A label from a key when the catalogue knows it, else the raw value (escaped like any text). */
function keyed(ctx: ExportContext, key: string, fallback: string): string {
  return ctx.has(key) ? ctx.t(key) : fallback;
}

export const severityLabel = (ctx: ExportContext, s: Severity) => keyed(ctx, `severity.${s}`, s);
/** "P1 — major (within 4 working hours)": the diagnosis name of the priority and its default delay. */
export const priorityLabel = (ctx: ExportContext, p: Priority) =>
  ctx.t('export.priority.heading', { name: keyed(ctx, `priority.${p}.name`, p), delay: priorityDelay(ctx, p) });
export function priorityDelay(ctx: ExportContext, p: Priority): string {
  return keyed(ctx, `export.priority.${p}.delay`, p);
}
export const pointLabel = (ctx: ExportContext, id: string) => keyed(ctx, `checklist.${id}.label`, id);
export const blockLabel = (ctx: ExportContext, id: string) => keyed(ctx, `checklist.block.${id}`, id);
export const statusLabel = (ctx: ExportContext, s: string) => keyed(ctx, `checklist.status.${s}`, s);
export const levelLabel = (ctx: ExportContext, l: string) => keyed(ctx, `checklist.level.${l}`, l);
export const signalLabel = (ctx: ExportContext, id: string) => keyed(ctx, `signal.${id}.title`, id);
export const signalStateLabel = (ctx: ExportContext, s: string) => keyed(ctx, `signal.state.${s}`, s);
export const tierLabel = (ctx: ExportContext, tier: string) => keyed(ctx, `tier.${tier}.name`, tier);
export const categoryLabel = (ctx: ExportContext, c: string) => keyed(ctx, `export.category.${c}`, c);
export const evidenceLabel = (ctx: ExportContext, label: string) => keyed(ctx, label, label);
export const measureLabel = (ctx: ExportContext, what: string) => keyed(ctx, `measure.${what}`, what);

/** Most urgent first: priority, then severity, then id (stable across runs). */
export function byUrgency<T extends MonthlyFinding>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export function countBySeverity(findings: readonly MonthlyFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export { PRIORITY_ORDER, SEVERITY_ORDER };
