import { render } from 'preact';
import { TranslatorProvider } from '../../components/i18n';
import '../../components/styles.css';
import { ReportPage } from './ReportPage';

document.documentElement.lang = navigator.language.startsWith('fr') ? 'fr' : 'en';
render(
  <TranslatorProvider>
    <ReportPage />
  </TranslatorProvider>,
  document.getElementById('app')!,
);
