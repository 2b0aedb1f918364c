/** `questionnaire.html?lang=fr|en`: the language defaults to the browser's. */
import { pickLocale, type Locale } from '../../lib/i18n';

export function parseQuestionnaireLang(search: string, languages: readonly string[]): Locale {
  const lang = new URLSearchParams(search).get('lang');
  return lang === 'fr' || lang === 'en' ? lang : pickLocale(languages);
}
