import { describe, expect, it } from 'vitest';
import { defaultScope, defaultSla, MAX_SCOPE_RULES, ScopeSettings, SlaSettings } from '../../lib/settings/proposal';
import { defaultSettings, parseSettings, StrictSettings } from '../../lib/settings/schema';
import { saveSettings, SETTINGS_KEY, type SettingsArea } from '../../lib/settings/storage';

function memoryArea(): SettingsArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return { data, get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}), set: async (items) => void Object.assign(data, structuredClone(items)) };
}

describe('scope and service-level settings', () => {
  it('have valid defaults: Business follows the default priority matrix, Critique is the fastest tier', () => {
    const d = defaultSettings('UTC');
    expect(StrictSettings.safeParse(d).success).toBe(true);
    expect(d.sla.business.response.P0).toEqual({ amount: 1, unit: 'hours' });
    expect(d.sla.business.response.P1).toEqual({ amount: 4, unit: 'working-hours' });
    expect(d.sla.critique.availability).toBeGreaterThan(d.sla.business.availability);
    expect(d.sla.business.availability).toBeGreaterThan(d.sla.essentiel.availability);
    for (const tier of ['essentiel', 'business', 'critique'] as const) {
      const c = d.sla[tier].compensation;
      expect(c.capPercent).toBeGreaterThanOrEqual(c.percentPerBreach);
    }
    expect(d.scope).toEqual({ majorUpgradeIsQuote: true, noHttpsIsQuote: true, families: {}, rules: {} });
  });

  it('a record saved before these sections existed reads and saves with their defaults', async () => {
    const old: Record<string, unknown> = { ...defaultSettings('UTC') };
    delete old.scope;
    delete old.sla;
    expect(parseSettings(old, defaultSettings('UTC')).sla).toEqual(defaultSla());
    const area = memoryArea();
    const saved = await saveSettings(old, area);
    expect(saved.ok).toBe(true);
    expect((area.data[SETTINGS_KEY] as { scope: unknown }).scope).toEqual(defaultScope());
  });

  it('refuses to save a compensation cap below one breach, an availability under 90 % or an unknown unit', async () => {
    const base = defaultSettings('UTC');
    const cases = [
      { ...base, sla: { ...base.sla, business: { ...base.sla.business, compensation: { percentPerBreach: 10, capPercent: 5 } } } },
      { ...base, sla: { ...base.sla, critique: { ...base.sla.critique, availability: 42 } } },
      { ...base, sla: { ...base.sla, essentiel: { ...base.sla.essentiel, response: { ...base.sla.essentiel.response, P0: { amount: 1, unit: 'fortnights' } } } } },
      { ...base, scope: { ...base.scope, rules: { 'not a rule id': 'quote' } } },
      { ...base, scope: { ...base.scope, families: { transport: 'maybe' } } },
    ];
    for (const bad of cases) {
      const area = memoryArea();
      const result = await saveSettings(bad, area);
      expect(result.ok).toBe(false);
      expect(area.data[SETTINGS_KEY]).toBeUndefined();
    }
  });

  it('reading a damaged record keeps the valid tiers and rule choices and replaces only the bad ones', () => {
    const base = defaultSettings('UTC');
    const stored = {
      ...base,
      sla: { ...base.sla, business: { ...base.sla.business, availability: 12 }, critique: { ...base.sla.critique, reporting: 'weekly' } },
      scope: { majorUpgradeIsQuote: 'yes', noHttpsIsQuote: false, families: { csp: 'quote' }, rules: { 'csp.missing': 'quote', 'bad id!': 'quote', 'cookies.secure-missing': 'free' } },
    };
    const parsed = parseSettings(stored, base);
    expect(parsed.sla.business).toEqual(base.sla.business);
    expect(parsed.sla.critique.reporting).toBe('weekly');
    expect(parsed.scope).toEqual({ majorUpgradeIsQuote: true, noHttpsIsQuote: false, families: { csp: 'quote' }, rules: { 'csp.missing': 'quote' } });
  });

  it('bounds the number of per-rule choices', () => {
    const rules = Object.fromEntries(Array.from({ length: MAX_SCOPE_RULES + 1 }, (_, i) => [`family.rule-${i}`, 'quote']));
    expect(ScopeSettings.safeParse({ ...defaultScope(), rules }).success).toBe(false);
    const parsed = parseSettings({ scope: { ...defaultScope(), rules } }, defaultSettings('UTC'));
    expect(Object.keys(parsed.scope.rules)).toHaveLength(MAX_SCOPE_RULES);
    expect(SlaSettings.safeParse(defaultSla()).success).toBe(true);
  });
});

describe('partial records', () => {
  it('a record without criticality keeps its other sections (a missing key is not a reason to drop everything)', () => {
    const parsed = parseSettings({ cycleDay: 12, scope: { noHttpsIsQuote: false } }, defaultSettings('UTC'));
    expect(parsed.cycleDay).toBe(12);
    expect(parsed.criticality).toEqual({});
    expect(parsed.scope).toEqual({ ...defaultScope(), noHttpsIsQuote: false });
  });
});
