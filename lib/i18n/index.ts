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

/** "2020-11-30" → "30 novembre 2020" / "November 30, 2020"; anything else is left as it is. */
function formatDay(value: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || !Number.isFinite(Date.parse(value))) return value;
  return dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
}

/** An ISO 8601 duration in years and months ("P8Y9M") in words; anything else is left as it is. */
function formatDuration(value: string, locale: Locale): string {
  const m = /^P(?:(\d{1,4})Y)?(?:(\d{1,4})M)?$/.exec(value);
  if (!m || value === 'P') return value;
  const years = Number(m[1] ?? 0);
  const months = Number(m[2] ?? 0);
  if (!years && !months) return translate(locale, 'format.duration.none');
  const y = years ? translatePlural(locale, 'format.duration.years', years) : '';
  const mo = months ? translatePlural(locale, 'format.duration.months', months) : '';
  return y && mo ? translate(locale, 'format.duration.both', { years: y, months: mo }) : y || mo;
}

const FORMATS: Record<string, (value: string, locale: Locale, params: MessageParams) => string> = {
  date: formatDay,
  duration: formatDuration,
  // The parameter names another message (or is empty): a sentence that varies with the facts, worded
  // in the language being rendered, with the same parameters. One level only.
  msg: (value, locale, params) => (value && hasMessage(value) ? translate(locale, value, { ...params, [MSG_DEPTH]: 1 }) : ''),
};
const MSG_DEPTH = '__nested';

/**
 * Renders a message; unknown keys come back as the key itself so a gap is visible, never a crash.
 * `{name}` inserts a parameter (numbers in the locale's digits); `{name|date}` and
 * `{name|duration}` word an ISO day or an ISO duration, so parameters stay machine values and every
 * language words them its own way; `{name|msg}` inserts the message whose key the parameter holds;
 * `{name|count:key}` the plural form of `key` that fits the number.
 */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const template = catalogues[locale][key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{([a-zA-Z0-9_]+)(?:\|(date|duration|msg|count)(?::([a-zA-Z0-9._-]{1,80}))?)?\}/g, (whole, name: string, format?: string, arg?: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name]!;
    // `{n|count:some.key}`: the `.one` / `.other` form of some.key for that number, in this language.
    if (format === 'count') return typeof value === 'number' && arg ? translatePlural(locale, arg, value) : formatParam(value, locale);
    if (format === 'msg' && Object.prototype.hasOwnProperty.call(params, MSG_DEPTH)) return '';
    return format && typeof value === 'string' ? FORMATS[format]!(value, locale, params) : formatParam(value, locale);
  });
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
