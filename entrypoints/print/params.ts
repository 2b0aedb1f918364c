/** `print.html?id=<auditId>&lang=fr|en`: the language defaults to the browser's. */
import { pickLocale, type Locale } from '../../lib/i18n';

export function parsePrintParams(search: string, languages: readonly string[]): { id: string; lang: Locale } {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  return { id: (params.get('id') ?? '').slice(0, 100), lang: lang === 'fr' || lang === 'en' ? lang : pickLocale(languages) };
}
