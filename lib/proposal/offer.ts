/** The settings an offer is written with: tiers, scope and service levels, validated with their defaults. */
import { defaultSettings, parseSettings, type Settings } from '../settings/schema';

export type OfferSettings = Pick<Settings, 'tiers' | 'scope' | 'sla'>;

/** Any value (a caller's settings, a stored record, nothing) read as complete offer settings. */
export function offerSettings(value?: unknown): OfferSettings {
  const { tiers, scope, sla } = parseSettings(value ?? {}, defaultSettings('UTC'));
  return { tiers, scope, sla };
}
