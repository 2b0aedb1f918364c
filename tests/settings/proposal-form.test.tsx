// @vitest-environment happy-dom
/** The scope and service-level options: edited in the options page, saved validated, refused when inconsistent. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TranslatorProvider } from '../../components/i18n';
import { OptionsPage } from '../../entrypoints/options/OptionsPage';
import { parseRuleList, ruleChoices, ruleListText } from '../../lib/proposal/rule-list';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { SETTINGS_KEY, type SettingsArea } from '../../lib/settings/storage';
import { until } from '../support/dom';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});


function edit(selector: string, value: string, type: 'input' | 'change' = 'input') {
  const el = root.querySelector<HTMLInputElement>(selector);
  if (!el) throw new Error(`no ${selector}`);
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event(type, { bubbles: true }));
  });
}

async function mount(initial: Record<string, unknown>) {
  const data: Record<string, unknown> = structuredClone(initial);
  const area: SettingsArea = { get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}), set: async (items) => void Object.assign(data, structuredClone(items)) };
  act(() => render(<TranslatorProvider locale="en"><OptionsPage area={area} /></TranslatorProvider>, root));
  await until(() => root.querySelector('[data-testid="options-save"]'), 'the loaded settings form');
  return data;
}

/** Clicks Save and returns the status the page then shows (an empty status means not answered yet). */
async function save() {
  act(() => root.querySelector<HTMLButtonElement>('[data-testid="options-save"]')!.click());
  return until(() => root.querySelector('[data-testid="options-status"]')?.textContent, 'the save status');
}

describe('rule lists typed by the agency', () => {
  it('keeps check ids once, counts the other lines, and a check in both lists is quoted', () => {
    expect(parseRuleList('components.eol\n  csp.missing \n\nnot an id\ncomponents.eol; <script>')).toEqual({ ids: ['components.eol', 'csp.missing'], invalid: 2 });
    const rules = ruleChoices(['csp.missing'], ['csp.missing', 'cookies.secure-missing']);
    expect(rules).toEqual({ 'csp.missing': 'quote', 'cookies.secure-missing': 'contract' });
    expect(ruleListText(rules, 'contract')).toBe('cookies.secure-missing');
  });
});

describe('scope and service-level options', () => {
  it('shows the stored values and saves the edits', async () => {
    const data = await mount({ [SETTINGS_KEY]: defaultSettings('UTC') });
    expect(root.querySelector<HTMLInputElement>('input[name="scope-major-upgrade"]')!.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[name="business-availability"]')!.value).toBe('99.5');
    act(() => root.querySelector<HTMLInputElement>('input[name="scope-no-https"]')!.click());
    edit('select[name="scope-family-performance"]', 'quote', 'change');
    edit('textarea[name="scope-rules-quote"]', 'csp.missing\nnonsense here');
    expect(root.querySelector('[data-testid="scope-rules-quote-invalid"]')!.textContent).toBe('1 line is not a check id and is ignored.');
    edit('textarea[name="scope-rules-contract"]', 'components.eol');
    edit('input[name="critique-P0-response-amount"]', '15');
    edit('select[name="essentiel-reporting"]', 'monthly', 'change');
    edit('input[name="business-per-breach"]', '4');
    edit('input[name="business-cap"]', '12');
    expect(await save()).toBe('Saved');
    const stored = data[SETTINGS_KEY] as Settings;
    expect(stored.scope).toEqual({ majorUpgradeIsQuote: true, noHttpsIsQuote: false, families: { performance: 'quote' }, rules: { 'components.eol': 'contract', 'csp.missing': 'quote' } });
    expect(stored.sla.critique.response.P0).toEqual({ amount: 15, unit: 'minutes' });
    expect(stored.sla.essentiel.reporting).toBe('monthly');
    expect(stored.sla.business.compensation).toEqual({ percentPerBreach: 4, capPercent: 12 });
  });

  it('links to the blank client questionnaire in both languages', async () => {
    await mount({ [SETTINGS_KEY]: defaultSettings('UTC') });
    expect(root.querySelector('[data-testid="questionnaire-link-fr"]')!.getAttribute('href')).toMatch(/\/questionnaire\.html\?lang=fr$/);
    expect(root.querySelector('[data-testid="questionnaire-link-en"]')!.textContent).toBe('Questionnaire in English');
  });

  it('refuses a cap lower than one breach and keeps the stored value', async () => {
    const data = await mount({ [SETTINGS_KEY]: defaultSettings('UTC') });
    edit('input[name="critique-per-breach"]', '40');
    expect(await save()).toBe('Some values are not valid; they were not saved.');
    expect((data[SETTINGS_KEY] as Settings).sla.critique.compensation.percentPerBreach).toBe(10);
  });
});
