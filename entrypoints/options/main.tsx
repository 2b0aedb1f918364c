import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { TranslatorProvider } from '../../components/i18n';
import '../../components/styles.css';
import type { Locale } from '../../lib/i18n';
import type { Settings } from '../../lib/settings/schema';
import { loadSettings } from '../../lib/settings/storage';
import { OptionsPage } from './OptionsPage';

function localeOf(settings: Settings): Locale | undefined {
  return settings.language.ui === 'auto' ? undefined : settings.language.ui;
}

function App() {
  const [locale, setLocale] = useState<Locale | undefined>(undefined);
  useEffect(() => {
    void loadSettings().then((s) => setLocale(localeOf(s)));
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale ?? (navigator.language.startsWith('fr') ? 'fr' : 'en');
  }, [locale]);
  return (
    <TranslatorProvider locale={locale}>
      <OptionsPage onLanguage={(s) => setLocale(localeOf(s))} />
    </TranslatorProvider>
  );
}

document.title = 'Vigie';
render(<App />, document.getElementById('app')!);
