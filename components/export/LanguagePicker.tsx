import { LOCALES, type Locale } from '../../lib/i18n';
import { useT } from '../i18n';

/** The language of the report, independent of the language of the interface. */
export function LanguagePicker({ value, onChange }: { value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useT();
  return (
    <label class="export-language">
      {t('export.ui.language')}{' '}
      <select value={value} data-testid="export-language" onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Locale)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`export.ui.language.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
