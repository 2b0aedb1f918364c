/**
 * Recommended engagement tier from the declared criticality of the site and what the audit found.
 *
 * Starting point, from the criticality declared once per domain: low → Essentiel, medium → Business,
 * high → Critique; not declared → Essentiel, with a reason asking to declare it.
 * The findings can only raise the tier, one step at a time and never above Critique:
 * - at least Business when a serious finding (critical or high) is open, when components are out of
 *   date (S3 raised) or when vulnerable components are exposed (S8 raised): the site needs regular,
 *   planned interventions;
 * - at least Business when the maintenance surface is large (lib/diagnosis/surface.ts: 20
 *   components to keep up to date, or 10 plugins and themes);
 * - Critique when a major incident is probable (rule of three) on a site declared medium or high
 *   (at least Business otherwise).
 */
import type { Diagnosis, Finding, Signal } from '../audit/schema';
import type { MessageRef } from '../evidence/schema';
import type { Criticality, TierId } from '../settings/schema';
import { largeSurface, type MaintenanceSurface } from './surface';

const ORDER: readonly TierId[] = ['essentiel', 'business', 'critique'];
const BASE: Record<Criticality, TierId> = { low: 'essentiel', medium: 'business', high: 'critique' };

export interface TierInput {
  criticality?: Criticality;
  findings: readonly Finding[];
  signals: readonly Signal[];
  threeCriticals: Diagnosis['threeCriticals'];
  surface?: MaintenanceSurface;
}

function atLeast(a: TierId, b: TierId): TierId {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

export function recommendTier(input: TierInput): Diagnosis['tier'] {
  const reasons: MessageRef[] = [];
  let tier: TierId;
  if (input.criticality) {
    tier = BASE[input.criticality];
    reasons.push({ key: `tier.reason.criticality-${input.criticality}`, params: {} });
  } else {
    tier = 'essentiel';
    reasons.push({ key: 'tier.reason.criticality-undeclared', params: {} });
  }
  const raised = (id: string) => input.signals.some((s) => s.id === id && s.state === 'raised');
  const serious = input.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').length;
  if (serious > 0) {
    reasons.push({ key: 'tier.reason.serious-findings', params: { count: serious } });
    tier = atLeast(tier, 'business');
  }
  if (raised('S3')) {
    reasons.push({ key: 'tier.reason.outdated', params: {} });
    tier = atLeast(tier, 'business');
  }
  if (raised('S8')) {
    reasons.push({ key: 'tier.reason.vulnerable', params: {} });
    tier = atLeast(tier, 'business');
  }
  if (input.surface && largeSurface(input.surface)) {
    const extensions = (input.surface.byKind.plugin ?? 0) + (input.surface.byKind.theme ?? 0);
    reasons.push({ key: 'tier.reason.surface', params: { count: input.surface.total, extensions } });
    tier = atLeast(tier, 'business');
  }
  if (input.threeCriticals === 'probable') {
    reasons.push({ key: 'tier.reason.three-criticals', params: {} });
    if (input.criticality === 'medium' || input.criticality === 'high') tier = 'critique';
    else tier = atLeast(tier, 'business');
  }
  if (reasons.length === 1 && tier === 'essentiel' && input.criticality) reasons.push({ key: 'tier.reason.default', params: {} });
  return { recommended: tier, reasons };
}
