// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TranslatorProvider } from '../../components/i18n';
import { OptionsPage } from '../../entrypoints/options/OptionsPage';
import { defaultSettings } from '../../lib/settings/schema';
import { SETTINGS_KEY, type SettingsArea } from '../../lib/settings/storage';
import { until, untilText } from '../support/dom';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function memoryArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  const area: SettingsArea = {
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
  return { data, area };
}


function edit(selector: string, value: string, type: 'input' | 'change' = 'input') {
  const el = root.querySelector<HTMLInputElement>(selector)!;
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event(type, { bubbles: true }));
  });
}

async function mount(initial: Record<string, unknown> = {}) {
  const store = memoryArea(initial);
  act(() => render(<TranslatorProvider locale="en"><OptionsPage area={store.area} /></TranslatorProvider>, root));
  await until(() => root.querySelector('[data-testid="options-save"]'), 'the loaded settings form');
  return store;
}

describe('options page', () => {
  it('shows the stored settings, falling back to defaults for a damaged section', async () => {
    await mount({ [SETTINGS_KEY]: { ...defaultSettings('Europe/Paris'), priorities: 'garbage' } });
    expect(root.querySelector<HTMLInputElement>('input[name="timeZone"]')!.value).toBe('Europe/Paris');
    expect(root.querySelector<HTMLInputElement>('input[name="P1-amount"]')!.value).toBe('4');
    expect(root.querySelector<HTMLSelectElement>('select[name="P2-unit"]')!.value).toBe('working-days');
  });

  it('saves an edited priority matrix, working hours and tier', async () => {
    const { data } = await mount({ [SETTINGS_KEY]: defaultSettings('UTC') });
    edit('input[name="P1-amount"]', '8');
    edit('select[name="P1-unit"]', 'hours', 'change');
    edit('input[name="start"]', '08:30');
    edit('input[name="critique-name"]', 'Premium 24/7');
    edit('select[name="business-model"]', 'fixed-fee', 'change');
    act(() => root.querySelector<HTMLInputElement>('input[name="day-6"]')!.click());
    act(() => root.querySelector<HTMLButtonElement>('[data-testid="options-save"]')!.click());
    await untilText(root, '[data-testid="options-status"]', 'Saved');
    const saved = data[SETTINGS_KEY] as ReturnType<typeof defaultSettings>;
    expect(saved.priorities.P1).toEqual({ amount: 8, unit: 'hours' });
    expect(saved.workingHours).toEqual({ days: [1, 2, 3, 4, 5, 6], start: '08:30', end: '18:00', timeZone: 'UTC' });
    expect(saved.tiers.critique).toEqual({ name: 'Premium 24/7', model: 'sla-contract' });
    expect(saved.tiers.business.model).toBe('fixed-fee');
  });

  it('refuses invalid values and keeps what was stored', async () => {
    const { data } = await mount({ [SETTINGS_KEY]: defaultSettings('UTC') });
    edit('input[name="timeZone"]', 'Mars/Olympus_Mons');
    act(() => root.querySelector<HTMLButtonElement>('[data-testid="options-save"]')!.click());
    await untilText(root, '[data-testid="options-status"]', 'Some values are not valid; they were not saved.');
    expect((data[SETTINGS_KEY] as ReturnType<typeof defaultSettings>).workingHours.timeZone).toBe('UTC');
  });

  it('restores the defaults but keeps the criticality declared per domain', async () => {
    const { data } = await mount({ [SETTINGS_KEY]: { ...defaultSettings('UTC'), cycleDay: 10, criticality: { 'shop.example': 'high' } } });
    act(() => root.querySelector<HTMLButtonElement>('[data-testid="options-reset"]')!.click());
    await untilText(root, '[data-testid="options-status"]', 'Saved');
    const saved = data[SETTINGS_KEY] as ReturnType<typeof defaultSettings>;
    expect(saved.cycleDay).toBe(1);
    expect(saved.criticality).toEqual({ 'shop.example': 'high' });
  });
});
