/**
 * Agency settings: priority matrix, working hours, engagement tiers, declared criticality per domain
 * and languages. Every field falls back to its default when the stored value is bad, so a damaged
 * record never blocks the extension and never loses the fields that are still valid.
 */
import { z } from 'zod';
import { ScopeSettings, SlaSettings, defaultScope, defaultSla, lenientScope, lenientSla } from './proposal';

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type PriorityId = (typeof PRIORITIES)[number];

/**
 * How an intervention delay is counted:
 * - `hours`: round the clock (P0);
 * - `working-hours`: only inside working hours;
 * - `working-days`: that many full working days, counted in working hours (2 days = 2 × the day's length);
 * - `monthly-cycle`: the start of the Nth next monthly cycle (the first working hour on or after
 *   `cycleDay` of the following month).
 */
export const DelayUnit = z.enum(['hours', 'working-hours', 'working-days', 'monthly-cycle']);
export type DelayUnit = z.infer<typeof DelayUnit>;

export const PriorityRule = z.object({
  amount: z.number().int().min(1).max(1000),
  unit: DelayUnit,
  /** The agency's own wording of what the level covers; empty means the catalogue's text. */
  description: z.string().max(500).optional(),
});
export type PriorityRule = z.infer<typeof PriorityRule>;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const WorkingHours = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: HHMM,
    end: HHMM,
    timeZone: z.string().max(64).refine(isValidTimeZone),
  })
  .refine((w) => w.start < w.end, { message: 'start must be before end' });
export type WorkingHours = z.infer<typeof WorkingHours>;

export const TierId = z.enum(['essentiel', 'business', 'critique']);
export type TierId = z.infer<typeof TierId>;
export const TIERS: readonly TierId[] = TierId.options;

export const EngagementModel = z.enum(['fixed-fee', 'time-credit', 'sla-contract']);
export type EngagementModel = z.infer<typeof EngagementModel>;
export const ENGAGEMENT_MODELS: readonly EngagementModel[] = EngagementModel.options;

/** A tier as the agency sells it; empty texts mean the catalogue's default wording. */
export const TierSettings = z.object({
  name: z.string().max(80).optional(),
  contents: z.string().max(2000).optional(),
  sla: z.string().max(500).optional(),
  model: EngagementModel,
});
export type TierSettings = z.infer<typeof TierSettings>;

/** How much the client's business depends on the site, declared once per domain. */
export const Criticality = z.enum(['low', 'medium', 'high']);
export type Criticality = z.infer<typeof Criticality>;

export const LanguageChoice = z.enum(['auto', 'en', 'fr']);
export type LanguageChoice = z.infer<typeof LanguageChoice>;

export const MAX_DOMAINS = 5000;

export function browserTimeZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return tz && isValidTimeZone(tz) ? tz : 'UTC';
}

export function defaultSettings(timeZone: string = browserTimeZone()) {
  return {
    version: 1 as const,
    language: { ui: 'auto' as LanguageChoice, report: 'auto' as LanguageChoice },
    workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', timeZone } as WorkingHours,
    priorities: {
      P0: { amount: 1, unit: 'hours' },
      P1: { amount: 4, unit: 'working-hours' },
      P2: { amount: 2, unit: 'working-days' },
      P3: { amount: 1, unit: 'monthly-cycle' },
    } as Record<PriorityId, PriorityRule>,
    cycleDay: 1,
    tiers: {
      essentiel: { model: 'fixed-fee' },
      business: { model: 'time-credit' },
      critique: { model: 'sla-contract' },
    } as Record<TierId, TierSettings>,
    criticality: {} as Record<string, Criticality>,
    /** What the monthly fee covers (lib/proposal/scope.ts). */
    scope: defaultScope(),
    /** Service levels and compensations per tier (the proposal's tier grid). */
    sla: defaultSla(),
  };
}
export type Settings = ReturnType<typeof defaultSettings>;

/** Keeps the valid (domain → criticality) entries of a stored record, dropping the others. */
export function validCriticalities(value: unknown): Record<string, Criticality> {
  const out: Record<string, Criticality> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  let kept = 0;
  for (const [domain, level] of Object.entries(value as Record<string, unknown>)) {
    if (kept >= MAX_DOMAINS) break;
    const parsed = Criticality.safeParse(level);
    if (domain.length > 0 && domain.length <= 253 && parsed.success) {
      out[domain] = parsed.data;
      kept++;
    }
  }
  return out;
}

/** The settings schema; every section catches bad data with its default, independently. */
export function settingsSchema(defaults: Settings = defaultSettings()) {
  const priority = (id: PriorityId) => PriorityRule.catch(defaults.priorities[id]);
  const tier = (id: TierId) => TierSettings.catch(defaults.tiers[id]);
  return z.object({
    version: z.literal(1).catch(1),
    language: z
      .object({ ui: LanguageChoice.catch('auto'), report: LanguageChoice.catch('auto') })
      .catch(defaults.language),
    workingHours: WorkingHours.catch(defaults.workingHours),
    priorities: z
      .object({ P0: priority('P0'), P1: priority('P1'), P2: priority('P2'), P3: priority('P3') })
      .catch(defaults.priorities),
    cycleDay: z.number().int().min(1).max(28).catch(defaults.cycleDay),
    tiers: z
      .object({ essentiel: tier('essentiel'), business: tier('business'), critique: tier('critique') })
      .catch(defaults.tiers),
    criticality: z.unknown().optional().transform(validCriticalities),
    scope: lenientScope(defaults.scope),
    sla: lenientSla(defaults.sla),
  });
}

/** Reads any stored value as complete settings: never throws, keeps every valid section. */
export function parseSettings(value: unknown, defaults: Settings = defaultSettings()): Settings {
  const input = value && typeof value === 'object' ? value : {};
  const parsed = settingsSchema(defaults).safeParse(input);
  return parsed.success ? (parsed.data as Settings) : defaults;
}

/** The schema a save must pass as is (no silent defaults): the options page reports what is wrong. */
export const StrictSettings = z.object({
  version: z.literal(1),
  language: z.object({ ui: LanguageChoice, report: LanguageChoice }),
  workingHours: WorkingHours,
  priorities: z.object({ P0: PriorityRule, P1: PriorityRule, P2: PriorityRule, P3: PriorityRule }),
  cycleDay: z.number().int().min(1).max(28),
  tiers: z.object({ essentiel: TierSettings, business: TierSettings, critique: TierSettings }),
  criticality: z.record(z.string().min(1).max(253), Criticality).refine((r) => Object.keys(r).length <= MAX_DOMAINS),
  // Absent in records saved before these sections existed: their defaults; present but invalid: refused.
  scope: ScopeSettings.default(defaultScope),
  sla: SlaSettings.default(defaultSla),
});
