import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, StrictSettings } from '../../lib/settings/schema';
import { declareCriticality, loadSettings, saveSettings, SETTINGS_KEY, type SettingsArea } from '../../lib/settings/storage';

function memoryArea(initial: Record<string, unknown> = {}): SettingsArea & { data: Record<string, unknown> } {
  const data = structuredClone(initial);
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

describe('settings defaults', () => {
  it('follow the specification: P0 1 h round the clock, P1 4 working hours, P2 2 working days, P3 next cycle, Mon–Fri 9–18', () => {
    const d = defaultSettings('Europe/Paris');
    expect(d.priorities).toEqual({
      P0: { amount: 1, unit: 'hours' },
      P1: { amount: 4, unit: 'working-hours' },
      P2: { amount: 2, unit: 'working-days' },
      P3: { amount: 1, unit: 'monthly-cycle' },
    });
    expect(d.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', timeZone: 'Europe/Paris' });
    expect(d.tiers.critique.model).toBe('sla-contract');
    expect(StrictSettings.safeParse(d).success).toBe(true);
  });
});

describe('parseSettings (reading stored data)', () => {
  const defaults = defaultSettings('UTC');

  it('returns the defaults for missing or non-object data', () => {
    for (const bad of [undefined, null, 42, 'settings', []]) expect(parseSettings(bad, defaults)).toEqual(defaults);
  });

  it('keeps each valid section and replaces only the bad ones', () => {
    const stored = {
      version: 1,
      language: { ui: 'fr', report: 'klingon' },
      workingHours: { days: [1, 2, 3, 4], start: '08:30', end: '17:00', timeZone: 'Not/AZone' },
      priorities: { P0: { amount: 2, unit: 'hours' }, P1: { amount: -3, unit: 'working-hours' }, P2: 'soon' },
      tiers: { essentiel: { name: 'Starter', model: 'fixed-fee' }, business: { model: 'barter' } },
      criticality: { 'shop.example': 'high', 'blog.example': 'extreme', '': 'low' },
      cycleDay: 31,
    };
    const s = parseSettings(stored, defaults);
    expect(s.language).toEqual({ ui: 'fr', report: 'auto' });
    expect(s.workingHours).toEqual(defaults.workingHours);
    expect(s.priorities.P0).toEqual({ amount: 2, unit: 'hours' });
    expect(s.priorities.P1).toEqual(defaults.priorities.P1);
    expect(s.priorities.P2).toEqual(defaults.priorities.P2);
    expect(s.tiers.essentiel).toEqual({ name: 'Starter', model: 'fixed-fee' });
    expect(s.tiers.business).toEqual(defaults.tiers.business);
    expect(s.criticality).toEqual({ 'shop.example': 'high' });
    expect(s.cycleDay).toBe(1);
  });

  it('refuses working hours that end before they start', () => {
    const s = parseSettings({ workingHours: { days: [1], start: '18:00', end: '09:00', timeZone: 'UTC' } }, defaults);
    expect(s.workingHours).toEqual(defaults.workingHours);
  });

  it('bounds overlong texts by falling back', () => {
    const s = parseSettings({ tiers: { critique: { name: 'x'.repeat(81), model: 'sla-contract' } } }, defaults);
    expect(s.tiers.critique).toEqual(defaults.tiers.critique);
  });
});

describe('settings storage', () => {
  it('loads defaults when nothing is stored, saves and loads back', async () => {
    const area = memoryArea();
    const defaults = defaultSettings('UTC');
    expect(await loadSettings(area, defaults)).toEqual(defaults);
    const edited = { ...defaults, priorities: { ...defaults.priorities, P1: { amount: 8, unit: 'working-hours' as const } } };
    expect(await saveSettings(edited, area)).toEqual({ ok: true, settings: edited });
    expect(await loadSettings(area, defaults)).toEqual(edited);
  });

  it('refuses an invalid save and leaves the stored value untouched', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: defaultSettings('UTC') });
    const bad = { ...defaultSettings('UTC'), workingHours: { days: [], start: '9', end: '18:00', timeZone: 'UTC' } };
    const r = await saveSettings(bad, area);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual(expect.arrayContaining(['workingHours.days', 'workingHours.start']));
    expect(area.data[SETTINGS_KEY]).toEqual(defaultSettings('UTC'));
  });

  it('falls back to defaults when the storage read fails', async () => {
    const broken: SettingsArea = { get: async () => { throw new Error('quota'); }, set: async () => {} };
    expect(await loadSettings(broken, defaultSettings('UTC'))).toEqual(defaultSettings('UTC'));
  });

  it('records a domain\'s declared criticality without touching the other settings', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { ...defaultSettings('UTC'), criticality: { 'a.example': 'low' } } });
    await declareCriticality('shop.example', 'high', area);
    const s = await loadSettings(area, defaultSettings('UTC'));
    expect(s.criticality).toEqual({ 'a.example': 'low', 'shop.example': 'high' });
    expect(s.workingHours.timeZone).toBe('UTC');
  });
});
