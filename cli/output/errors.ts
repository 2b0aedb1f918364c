/** A failed site's message in the report's language. */
import { translate, type Locale } from '../../lib/i18n';
import type { ScanError } from '../scan';

export function errorMessage(locale: Locale, error: ScanError): string {
  return translate(locale, error.key, error.params);
}
