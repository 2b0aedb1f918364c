import { describe, expect, it } from 'vitest';
import { en } from '../../lib/i18n/en';
import { fr } from '../../lib/i18n/fr';
import { createTranslator, pickLocale, translate, translatePlural } from '../../lib/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages for every key', () => {
    const mismatches = Object.keys(en).filter((key) => placeholders(en[key as keyof typeof en]).join() !== placeholders(fr[key as keyof typeof fr]).join());
    expect(mismatches).toEqual([]);
  });

  it('have no empty message', () => {
    const empty = [...Object.entries(en), ...Object.entries(fr)].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('en', 'popup.duration', { ms: 1234 })).toBe('Scanned in 1,234 ms');
    expect(translate('fr', 'popup.duration', { ms: 1234 })).toMatch(/^Analysé en 1\s234 ms$/);
  });

  it('leaves unknown placeholders visible and returns unknown keys as themselves', () => {
    expect(translate('en', 'popup.duration')).toBe('Scanned in {ms} ms');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });

  it('does not interpret parameter values as templates', () => {
    expect(translate('en', 'popup.scanning', { host: '{ms}<b>' })).toBe('Scanning {ms}<b>…');
  });

  it('chooses plural forms by the locale rules', () => {
    expect(translatePlural('en', 'popup.findingCount', 1)).toBe('1 finding');
    expect(translatePlural('en', 'popup.findingCount', 0)).toBe('0 findings');
    expect(translatePlural('fr', 'popup.findingCount', 0)).toBe('0 constat');
    expect(translatePlural('fr', 'popup.findingCount', 2)).toBe('2 constats');
  });

  it('formats dates in the chosen language', () => {
    const { date } = createTranslator('fr');
    expect(date('2026-03-05T10:00:00Z')).toBe('5 mars 2026');
    expect(createTranslator('en').date('2026-03-05T10:00:00Z')).toBe('March 5, 2026');
  });
});

describe('pickLocale', () => {
  it('follows the first French or English language of the browser', () => {
    expect(pickLocale(['fr-CA', 'en'])).toBe('fr');
    expect(pickLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLocale(['de-DE'])).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });
});
