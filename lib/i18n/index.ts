/**
 * FR and EN message catalogues, as plain modules usable by extension pages, exports and the CLI.
 * Messages use `{name}` placeholders; plural forms are separate keys ending in `.one` / `.other`.
 */
import { en, type MessageKey } from './en';
import { fr } from './fr';

export type Locale = 'en' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'fr'];
export type MessageParams = Record<string, string | number>;
export type { MessageKey };

const catalogues: Record<Locale, Record<string, string>> = { en, fr };

export function hasMessage(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(en, key);
}

// Intl formatters are costly to build: one of each per locale and options, reused.
const formatterCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let formatter = formatterCache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatterCache.set(key, formatter);
  }
  return formatter;
}
const numberFormat = (locale: Locale, options?: Intl.NumberFormatOptions) =>
  cached(`n|${locale}|${options ? JSON.stringify(options) : ''}`, () => new Intl.NumberFormat(locale, options));
const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

function formatParam(value: string | number, locale: Locale): string {
  return typeof value === 'number' ? numberFormat(locale).format(value) : value;
}

/** Renders a message; unknown keys come back as the key itself so a gap is visible, never a crash. */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const template = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? formatParam(params[name]!, locale) : whole,
  );
}

/** Chooses `key.one` or `key.other` by the locale's plural rules and passes `count` as a parameter. */
export function translatePlural(locale: Locale, key: string, count: number, params: MessageParams = {}): string {
  const form = cached(`p|${locale}`, () => new Intl.PluralRules(locale)).select(count) === 'one' ? 'one' : 'other';
  return translate(locale, `${key}.${form}`, { ...params, count });
}

export interface Translator {
  locale: Locale;
  t: (key: MessageKey | (string & {}), params?: MessageParams) => string;
  tn: (key: string, count: number, params?: MessageParams) => string;
  date: (iso: string | Date) => string;
  dateTime: (iso: string | Date) => string;
  number: (n: number, options?: Intl.NumberFormatOptions) => string;
}

export function createTranslator(locale: Locale): Translator {
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    tn: (key, count, params) => translatePlural(locale, key, count, params),
    date: (iso) => dateFormat(locale, { dateStyle: 'long' }).format(new Date(iso)),
    dateTime: (iso) => dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    number: (n, options) => numberFormat(locale, options).format(n),
  };
}

/** Picks FR or EN from a browser language list (e.g. navigator.languages); English otherwise. */
export function pickLocale(languages: readonly string[] | undefined): Locale {
  for (const lang of languages ?? []) {
    const base = lang.toLowerCase().split('-')[0];
    if (base === 'fr') return 'fr';
    if (base === 'en') return 'en';
  }
  return 'en';
}
