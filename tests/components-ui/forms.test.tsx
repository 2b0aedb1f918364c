// @vitest-environment happy-dom
/**
 * Forms that read: every problem is said under its field (tied with aria-describedby and
 * aria-invalid) once the user leaves the field or tries to save, a refused save lists the fields to
 * fix, and what was typed stays in the field. Options page, agency profile, the history page's
 * agency fields and checklist notes, in English and French.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgencyProfileForm } from '../../components/AgencyProfileForm';
import { ChecklistEntry, NOTE_MAX } from '../../components/checklist/ChecklistEntry';
import { AgencyFieldsForm } from '../../components/history/AgencyFieldsForm';
import { TranslatorProvider } from '../../components/i18n';
import { parseNumber } from '../../components/options/form';
import { OptionsPage } from '../../entrypoints/options/OptionsPage';
import { AGENCY_STORAGE_KEY } from '../../lib/agency/schema';
import type { ChecklistPoint } from '../../lib/audit/schema';
import { CHECKLIST } from '../../lib/diagnosis/checklist-model';
import { translate, type Locale } from '../../lib/i18n';
import { fr } from '../../lib/i18n/fr';
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

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The user leaves `el` for another field (not for a button: see useShownErrors). */
function leave(el: HTMLElement) {
  act(() => {
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: document.body }));
  });
}

function $<T extends Element = HTMLInputElement>(selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

/** The text of the elements a control's aria-describedby names, in order. */
function description(el: Element): string[] {
  return (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => root.querySelector(`#${CSS.escape(id)}`)?.textContent ?? `(missing #${id})`);
}

const t = (locale: Locale, key: string, params?: Record<string, string | number>) => translate(locale, key, params);
/** The error as the page shows it: a word for screen readers, then the message. */
const shownError = (locale: Locale, message: string) => `${t(locale, 'form.error.label')} ${message}`;

function memoryArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  const area: SettingsArea = {
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
  return { data, area };
}

async function mountOptions(locale: Locale) {
  const store = memoryArea({ [SETTINGS_KEY]: defaultSettings('UTC') });
  act(() => render(<TranslatorProvider locale={locale}><OptionsPage area={store.area} /></TranslatorProvider>, root));
  await until(() => root.querySelector('[data-testid="options-save"]'), 'the loaded settings form');
  return store.data;
}

async function saveOptions() {
  await act(async () => { $<HTMLButtonElement>('[data-testid="options-save"]').click(); });
  return until(() => root.querySelector('[data-testid="options-status"]')?.textContent, 'the save status');
}

describe('numbers as typed', () => {
  it('reads a comma or a point as the decimal separator and anything else as not a number', () => {
    expect(parseNumber('99,5')).toBe(99.5);
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('.5')).toBe(0.5);
    for (const bad of ['', 'twelve', '1e3', '0x10', '1.2.3', '12 h']) expect(parseNumber(bad)).toBeNaN();
  });
});

describe('options page validation', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`says an out-of-range number under the field once it is left, and keeps it (${locale})`, async () => {
      await mountOptions(locale);
      const cycle = $('input[name="cycleDay"]');
      type(cycle, '31');
      // Not while the field is being filled in…
      expect(cycle.getAttribute('aria-invalid')).toBeNull();
      expect(root.querySelector('#opt-cycleDay-error')).toBeNull();
      // …but as soon as it is left.
      leave(cycle);
      const message = t(locale, 'form.number.whole', { min: 1, max: 28 });
      expect(message).toBe(locale === 'en' ? 'Enter a whole number from 1 to 28.' : 'Saisissez un nombre entier de 1 à 28.');
      expect(cycle.getAttribute('aria-invalid')).toBe('true');
      expect(description(cycle)).toEqual([t(locale, 'options.cycleDay.hint'), shownError(locale, message)]);
      expect(cycle.value).toBe('31');
      // Fixed: the message goes at once.
      type(cycle, '28');
      expect(cycle.getAttribute('aria-invalid')).toBeNull();
      expect(root.querySelector('#opt-cycleDay-error')).toBeNull();
    });

    it(`refuses a save with a summary of the fields to fix, loses nothing, then saves once fixed (${locale})`, async () => {
      const data = await mountOptions(locale);
      type($('input[name="P1-amount"]'), 'twelve');
      type($('input[name="critique-per-breach"]'), '40');
      type($('input[name="end"]'), '08:00');
      expect(await saveOptions()).toBe(t(locale, 'options.invalid'));
      expect((data[SETTINGS_KEY] as Settings).priorities.P1.amount).toBe(4);

      const summary = $<HTMLElement>('[data-testid="options-summary"]');
      expect(document.activeElement).toBe(summary);
      expect(summary.querySelector('.form-summary-title')!.textContent).toBe(t(locale, 'form.summary.other', { count: 3 }));
      const items = [...summary.querySelectorAll('li')].map((li) => li.textContent);
      expect(items).toEqual([
        `${t(locale, 'form.label.in', { field: t(locale, 'options.hours.end'), group: t(locale, 'options.hours.title') })} — ${t(locale, 'options.hours.order', { start: '09:00' })}`,
        `${t(locale, 'form.label.in', { field: t(locale, 'options.priorities.amount'), group: t(locale, 'priority.P1.name') })} — ${t(locale, 'form.number.whole', { min: 1, max: 1000 })}`,
        `${t(locale, 'form.label.in', { field: t(locale, 'options.sla.cap'), group: 'Critique' })} — ${t(locale, 'options.sla.cap.belowBreach', { value: 40 })}`,
      ]);
      // Each entry leads to its field.
      const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(links).toEqual(['#opt-workingHours-end', '#opt-priorities-P1-amount', '#opt-sla-critique-compensation-capPercent']);
      act(() => summary.querySelectorAll('a')[1]!.click());
      expect(document.activeElement).toBe($('input[name="P1-amount"]'));

      // Every field says its problem, and keeps what was typed.
      const amount = $('input[name="P1-amount"]');
      expect(amount.value).toBe('twelve');
      expect(amount.getAttribute('aria-invalid')).toBe('true');
      expect(description(amount)).toEqual([shownError(locale, t(locale, 'form.number.whole', { min: 1, max: 1000 }))]);
      expect($('input[name="critique-cap"]').getAttribute('aria-invalid')).toBe('true');
      expect($('input[name="critique-per-breach"]').value).toBe('40');

      type(amount, '12');
      type($('input[name="critique-cap"]'), '50');
      type($('input[name="end"]'), '18:00');
      expect(root.querySelector('[data-testid="options-summary"]')).toBeNull();
      expect(await saveOptions()).toBe(t(locale, 'options.saved'));
      const saved = data[SETTINGS_KEY] as Settings;
      expect(saved.priorities.P1.amount).toBe(12);
      expect(saved.sla.critique.compensation).toEqual({ percentPerBreach: 40, capPercent: 50 });
    });
  }

  it('says a tier text that is too long by how much, without cutting it', async () => {
    await mountOptions('en');
    const contents = $<HTMLTextAreaElement>('textarea[name="business-contents"]');
    expect(contents.hasAttribute('maxlength')).toBe(false);
    type(contents, 'x'.repeat(2003));
    leave(contents);
    expect(description(contents)).toEqual([shownError('en', 'Too long: 2,003 characters, 2,000 at most. Remove 3 characters.')]);
    expect(contents.value).toHaveLength(2003);
  });

  it('has a label for every control and unique ids', async () => {
    await mountOptions('fr');
    const controls = [...root.querySelectorAll<HTMLElement>('input, select, textarea')];
    const unlabelled = controls.filter((c) => {
      if (c.getAttribute('aria-labelledby')) return !c.getAttribute('aria-labelledby')!.split(' ').every((id) => root.querySelector(`#${CSS.escape(id)}`)?.textContent);
      return !(c.id && root.querySelector(`label[for="${c.id}"]`)) && !c.closest('label');
    });
    expect(unlabelled.map((c) => c.getAttribute('name'))).toEqual([]);
    const ids = [...root.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // Headings are unique within the page.
    const headings = [...root.querySelectorAll('h1, h2, h3')].map((h) => h.textContent);
    expect(headings.filter((h, i) => headings.indexOf(h) !== i)).toEqual([]);
  });
});

describe('agency profile validation', () => {
  function storage(initial: Record<string, unknown> = {}) {
    const items: Record<string, unknown> = { ...initial };
    const calls: string[] = [];
    return {
      items,
      calls,
      area: {
        get: async (key: string) => (key in items ? { [key]: items[key] } : {}),
        set: async (v: Record<string, unknown>) => void (calls.push('set'), Object.assign(items, v)),
        remove: async (key: string) => void (calls.push('remove'), delete items[key]),
      } as unknown as Parameters<typeof AgencyProfileForm>[0]['storage'],
    };
  }

  async function mount(locale: Locale, initial: Record<string, unknown> = {}) {
    const s = storage(initial);
    act(() => render(<TranslatorProvider locale={locale}><AgencyProfileForm storage={s.area} /></TranslatorProvider>, root));
    await act(async () => {});
    return s;
  }

  async function save() {
    await act(async () => { $<HTMLButtonElement>('[data-testid="agency-save"]').click(); });
  }

  for (const locale of ['en', 'fr'] as const) {
    it(`refuses an http:// website and a missing name, keeping what was typed (${locale})`, async () => {
      const s = await mount(locale);
      const website = $('#agency-website');
      type(website, 'http://agence.example');
      leave(website);
      const http = t(locale, 'options.agency.website.http');
      expect(http).toBe(locale === 'en' ? 'Use the secure address: it must start with https://, not http://.' : 'Utilisez l\'adresse sécurisée\u00a0: elle doit commencer par https://, et non par http://.');
      expect(website.getAttribute('aria-invalid')).toBe('true');
      expect(description(website)).toEqual([t(locale, 'options.agency.website.hint'), shownError(locale, http)]);

      await save();
      expect(s.calls).toEqual([]);
      const summary = $('[data-testid="agency-summary"]');
      expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#agency-name', '#agency-website']);
      expect(description($('#agency-name'))).toEqual([t(locale, 'options.agency.name.hint'), shownError(locale, t(locale, 'options.agency.name.required'))]);
      expect($('[data-testid="agency-status"]').textContent).toBe(t(locale, 'options.agency.invalid'));
      expect(website.value).toBe('http://agence.example');

      type(website, 'agence.example');
      expect(description(website)[1]).toBe(shownError(locale, t(locale, 'options.agency.website.invalid')));

      type($('#agency-name'), 'Atelier Nord');
      type(website, 'https://agence.example');
      expect(root.querySelector('[data-testid="agency-summary"]')).toBeNull();
      await save();
      expect(s.items[AGENCY_STORAGE_KEY]).toEqual({ name: 'Atelier Nord', website: 'https://agence.example' });
      expect($('[data-testid="agency-status"]').textContent).toBe(t(locale, 'agency.saved'));
    });
  }

  it('says why a logo is refused, in words, and keeps the logo already chosen', async () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    await mount('fr', { [AGENCY_STORAGE_KEY]: { name: 'Atelier Nord', logo } });
    const picker = $('input[name="agency-logo"]');
    const pick = async (file: File) => {
      Object.defineProperty(picker, 'files', { value: [file], configurable: true });
      await act(async () => { picker.dispatchEvent(new Event('change', { bubbles: true })); });
    };
    await pick(new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.svg', { type: 'image/svg+xml' }));
    expect(description(picker)[1]).toBe(shownError('fr', '«\u00a0logo.svg\u00a0» n\'est pas une image PNG, JPEG, WebP ou GIF\u00a0; le logo n\'a pas été changé.'));
    expect(picker.getAttribute('aria-invalid')).toBe('true');
    expect($<HTMLImageElement>('img.agency-logo').getAttribute('src')).toBe(logo);

    await pick(new File([new Uint8Array(420_000)], 'grand.png', { type: 'image/png' }));
    expect(description(picker)[1]).toBe(shownError('fr', t('fr', 'options.agency.logo.size', { file: 'grand.png', size: '420', max: '150' })));
    expect($<HTMLImageElement>('img.agency-logo').getAttribute('src')).toBe(logo);
  });

  it('removes the profile when every field is emptied', async () => {
    const s = await mount('en', { [AGENCY_STORAGE_KEY]: { name: 'Atelier Nord' } });
    await until(() => $('#agency-name').value === 'Atelier Nord', 'the stored profile');
    type($('#agency-name'), '');
    await save();
    expect(s.calls).toEqual(['remove']);
    expect($('[data-testid="agency-status"]').textContent).toBe('Profile removed: reports no longer show an agency.');
  });
});

describe('checklist notes', () => {
  const points: ChecklistPoint[] = CHECKLIST.map((p) => ({ id: p.id, block: p.block, level: p.level, status: 'unknown', origin: 'none' }));

  for (const locale of ['en', 'fr'] as const) {
    it(`counts the note against its limit and says when it is too long, never cutting it (${locale})`, () => {
      const notes: string[] = [];
      act(() => render(<TranslatorProvider locale={locale}><ChecklistEntry points={points} onStatus={() => {}} onAccept={() => {}} onNote={(_id, n) => notes.push(n)} /></TranslatorProvider>, root));
      const note = $<HTMLTextAreaElement>('[data-testid="point-note"]');
      expect(root.querySelector(`label[for="${note.id}"]`)!.textContent).toBe(t(locale, 'checklist.note'));
      expect(note.hasAttribute('maxlength')).toBe(false);
      type(note, 'Backups by the host');
      expect(notes).toEqual(['Backups by the host']);
      expect(description(note)[0]).toBe(t(locale, 'form.counter', { length: 19, max: NOTE_MAX }));

      const long = 'x'.repeat(NOTE_MAX + 5);
      type(note, long);
      expect(notes).toEqual(['Backups by the host']);
      expect(note.value).toBe(long);
      expect(note.getAttribute('aria-invalid')).toBe('true');
      const [counter, error] = description(note);
      expect(counter).toBe(t(locale, 'form.counter', { length: NOTE_MAX + 5, max: NOTE_MAX }));
      expect(error).toBe(shownError(locale, t(locale, 'checklist.note.tooLong', { max: NOTE_MAX })));
      expect(error).toContain(locale === 'en' ? 'This note is too long to be saved' : 'Cette note est trop longue pour être enregistrée');

      type(note, long.slice(0, NOTE_MAX));
      expect(notes.at(-1)).toHaveLength(NOTE_MAX);
      expect(note.getAttribute('aria-invalid')).toBeNull();
      expect($('[data-testid="point-note-error"]').textContent).toBe('');
    });
  }
});

describe("the history page's agency fields", () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`refuses an uptime out of range with its reason under the field (${locale})`, async () => {
      const saved: unknown[] = [];
      act(() => render(
        <TranslatorProvider locale={locale}>
          <AgencyFieldsForm domain="shop.example" month="2026-11" initial={null} now={() => new Date('2026-11-28T10:00:00Z')} onSave={async (f) => { saved.push(f); return null; }} />
        </TranslatorProvider>,
        root,
      ));
      const uptime = $('input[name="uptime"]');
      type(uptime, '120');
      leave(uptime);
      const message = t(locale, 'form.number.range', { min: 0, max: 100 });
      expect(message).toBe(locale === 'en' ? 'Enter a number from 0 to 100.' : 'Saisissez un nombre de 0 à 100.');
      expect(description(uptime)).toEqual([t(locale, 'options.agencyFields.uptime.hint'), shownError(locale, message)]);

      type($('input[name="tickets-P1"]'), '2.5');
      await act(async () => { $<HTMLButtonElement>('button[type=submit]').click(); });
      expect(saved).toEqual([]);
      expect(description($('input[name="tickets-P1"]'))).toEqual([shownError(locale, t(locale, 'form.error.named', { field: 'P1', message: t(locale, 'form.number.whole', { min: 0, max: 100_000 }) }))]);
      expect(uptime.value).toBe('120');

      type(uptime, locale === 'fr' ? '99,5' : '99.5');
      type($('input[name="tickets-P1"]'), '2');
      await act(async () => { $<HTMLButtonElement>('button[type=submit]').click(); });
      expect(saved).toMatchObject([{ uptimePercent: 99.5, tickets: { P0: 0, P1: 2, P2: 0, P3: 0 } }]);
    });
  }
});

describe('French typography of the form messages', () => {
  it('puts a no-break space before : ; ? ! » and %, and after «', () => {
    const keys = Object.keys(fr).filter((k) => k.startsWith('options.') || k.startsWith('form.') || k === 'checklist.note.tooLong' || k === 'checklist.note.unsaved');
    const bad = keys.filter((k) => / [:;?!»%]|« /.test(fr[k as keyof typeof fr]));
    expect(bad).toEqual([]);
  });
});
