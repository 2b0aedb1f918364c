import { render } from 'preact';
import { TranslatorProvider } from '../../components/i18n';
import { parsePrintParams } from './params';
import { PrintPage } from './PrintPage';
import './print.css';

const params = parsePrintParams(location.search, navigator.languages);
document.documentElement.lang = params.lang;
render(
  <TranslatorProvider locale={params.lang}>
    <PrintPage id={params.id} lang={params.lang} level={params.level} />
  </TranslatorProvider>,
  document.getElementById('app')!,
);
