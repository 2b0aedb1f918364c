import '../lib/zod-setup';
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { createTranslator, pickLocale, type Locale, type Translator } from '../lib/i18n';

const TranslatorContext = createContext<Translator>(createTranslator('en'));

export function TranslatorProvider({ locale, children }: { locale?: Locale; children: ComponentChildren }) {
  const translator = useMemo(() => createTranslator(locale ?? pickLocale(navigator.languages)), [locale]);
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>;
}

export function useT(): Translator {
  return useContext(TranslatorContext);
}
