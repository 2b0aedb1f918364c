/**
 * Proposal settings: which recommended actions the monthly fee covers (scope) and the service levels
 * sold with each tier (response and restoration times, availability, reporting, compensation).
 * Validated like every other section; the defaults are the agency's starting point, not statistics.
 */
import { z } from 'zod';
import { Family } from '../audit/schema';

export const ScopeClass = z.enum(['contract', 'quote']);
export type ScopeClass = z.infer<typeof ScopeClass>;

export const MAX_SCOPE_RULES = 300;
export const RULE_ID = /^[a-z-]+\.[a-z0-9-]+$/;

/**
 * How actions are classed (docs/proposal.md): a per-rule choice wins, then the two toggles (a major
 * version upgrade, a site without HTTPS at all), then a per-family choice; otherwise within the contract.
 */
export const ScopeSettings = z.object({
  majorUpgradeIsQuote: z.boolean(),
  noHttpsIsQuote: z.boolean(),
  families: z.partialRecord(Family, ScopeClass),
  rules: z
    .record(z.string().max(100).regex(RULE_ID), ScopeClass)
    .refine((r) => Object.keys(r).length <= MAX_SCOPE_RULES, { message: 'too many rules' }),
});
export type ScopeSettings = z.infer<typeof ScopeSettings>;

export const SlaUnit = z.enum(['minutes', 'hours', 'working-hours', 'working-days', 'monthly-cycle']);
export type SlaUnit = z.infer<typeof SlaUnit>;
export const SLA_UNITS: readonly SlaUnit[] = SlaUnit.options;

export const SlaDelay = z.object({ amount: z.number().int().min(1).max(1000), unit: SlaUnit });
export type SlaDelay = z.infer<typeof SlaDelay>;
const ByPriority = z.object({ P0: SlaDelay, P1: SlaDelay, P2: SlaDelay, P3: SlaDelay });

export const Reporting = z.enum(['weekly', 'monthly', 'quarterly']);
export type Reporting = z.infer<typeof Reporting>;
export const REPORTING: readonly Reporting[] = Reporting.options;

export const Compensation = z
  .object({
    /** Percentage of the monthly fee credited for each missed commitment. */
    percentPerBreach: z.number().min(0).max(100),
    /** Most that can be credited in one month, as a percentage of the monthly fee. */
    capPercent: z.number().min(0).max(100),
  })
  .refine((c) => c.capPercent >= c.percentPerBreach, { message: 'cap below one breach' });
export type Compensation = z.infer<typeof Compensation>;

export const TierSla = z.object({
  response: ByPriority,
  restore: ByPriority,
  /** Monthly availability commitment, in percent. */
  availability: z.number().min(90).max(100),
  reporting: Reporting,
  compensation: Compensation,
});
export type TierSla = z.infer<typeof TierSla>;

export const SlaSettings = z.object({ essentiel: TierSla, business: TierSla, critique: TierSla });
export type SlaSettings = z.infer<typeof SlaSettings>;

const d = (amount: number, unit: SlaUnit): SlaDelay => ({ amount, unit });

export function defaultScope(): ScopeSettings {
  return { majorUpgradeIsQuote: true, noHttpsIsQuote: true, families: {}, rules: {} };
}

/** Business follows the default priority matrix; Essentiel is slower, Critique faster and round the clock. */
export function defaultSla(): SlaSettings {
  return {
    essentiel: {
      response: { P0: d(4, 'working-hours'), P1: d(1, 'working-days'), P2: d(3, 'working-days'), P3: d(1, 'monthly-cycle') },
      restore: { P0: d(2, 'working-days'), P1: d(5, 'working-days'), P2: d(10, 'working-days'), P3: d(1, 'monthly-cycle') },
      availability: 99,
      reporting: 'quarterly',
      compensation: { percentPerBreach: 2, capPercent: 10 },
    },
    business: {
      response: { P0: d(1, 'hours'), P1: d(4, 'working-hours'), P2: d(2, 'working-days'), P3: d(1, 'monthly-cycle') },
      restore: { P0: d(8, 'hours'), P1: d(2, 'working-days'), P2: d(5, 'working-days'), P3: d(1, 'monthly-cycle') },
      availability: 99.5,
      reporting: 'monthly',
      compensation: { percentPerBreach: 5, capPercent: 20 },
    },
    critique: {
      response: { P0: d(30, 'minutes'), P1: d(2, 'hours'), P2: d(1, 'working-days'), P3: d(1, 'monthly-cycle') },
      restore: { P0: d(4, 'hours'), P1: d(1, 'working-days'), P2: d(3, 'working-days'), P3: d(1, 'monthly-cycle') },
      availability: 99.9,
      reporting: 'weekly',
      compensation: { percentPerBreach: 10, capPercent: 30 },
    },
  };
}

/** Keeps the valid per-rule choices of a stored record (bounded), dropping the others. */
export function validScopeRules(value: unknown): Record<string, ScopeClass> {
  const out: Record<string, ScopeClass> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  let kept = 0;
  for (const [id, choice] of Object.entries(value as Record<string, unknown>)) {
    if (kept >= MAX_SCOPE_RULES) break;
    const parsed = ScopeClass.safeParse(choice);
    if (id.length <= 100 && RULE_ID.test(id) && parsed.success) {
      out[id] = parsed.data;
      kept++;
    }
  }
  return out;
}

/** Lenient reading of a stored scope: each field falls back to its default on its own. */
export function lenientScope(defaults: ScopeSettings = defaultScope()) {
  return z
    .object({
      majorUpgradeIsQuote: z.boolean().catch(defaults.majorUpgradeIsQuote),
      noHttpsIsQuote: z.boolean().catch(defaults.noHttpsIsQuote),
      families: z.partialRecord(Family, ScopeClass).catch(defaults.families),
      rules: z.unknown().optional().transform(validScopeRules),
    })
    .catch(defaults);
}

/** Lenient reading of the service levels: each tier falls back to its default on its own. */
export function lenientSla(defaults: SlaSettings = defaultSla()) {
  return z
    .object({
      essentiel: TierSla.catch(defaults.essentiel),
      business: TierSla.catch(defaults.business),
      critique: TierSla.catch(defaults.critique),
    })
    .catch(defaults);
}
