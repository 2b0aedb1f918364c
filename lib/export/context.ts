/** The language, time zone and message lookup an export is written with. */
import { hasMessage, translate, type Locale, type MessageParams } from '../i18n';
import type { ExportOptions } from './types';
import { truncate } from './sanitize';

export interface ExportContext {
  locale: Locale;
  timeZone: string | undefined;
  t: (key: string, params?: MessageParams) => string;
  tn: (key: string, count: number, params?: MessageParams) => string;
  has: (key: string) => boolean;
  /** A long date in the report's language; a value that is not a date comes back unchanged. */
  date: (iso: string) => string;
  number: (n: number) => string;
  /** Bounds a page-supplied value for inline use, saying how much was cut. */
  clip: (value: string, max?: number) => string;
}

export const INLINE_MAX = 300;

function fill(template: string, params: MessageParams, locale: Locale): string {
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name]!;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

export function createExportContext(options: Pick<ExportOptions, 'locale' | 'timeZone' | 'messages'>): ExportContext {
  const { locale, timeZone } = options;
  const extra = options.messages?.[locale] ?? {};
  const has = (key: string) => Object.prototype.hasOwnProperty.call(extra, key) || hasMessage(key);
  const t = (key: string, params: MessageParams = {}) =>
    Object.prototype.hasOwnProperty.call(extra, key) ? fill(extra[key]!, params, locale) : translate(locale, key, params);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) });
  const ctx: ExportContext = {
    locale,
    timeZone,
    t,
    has,
    tn: (key, count, params = {}) => t(`${key}.${new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other'}`, { ...params, count }),
    date: (iso) => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : dateFormat.format(parsed);
    },
    number: (n) => new Intl.NumberFormat(locale).format(n),
    clip: (value, max = INLINE_MAX) => truncate(value, max, (rest) => t('export.truncated', { count: rest })),
  };
  return ctx;
}
