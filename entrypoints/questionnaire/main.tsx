import { render } from 'preact';
import { TranslatorProvider } from '../../components/i18n';
import '../print/print.css';
import './questionnaire.css';
import { parseQuestionnaireLang } from './params';
import { QuestionnairePage } from './QuestionnairePage';

const lang = parseQuestionnaireLang(location.search, navigator.languages);
document.documentElement.lang = lang;
render(
  <TranslatorProvider locale={lang}>
    <QuestionnairePage lang={lang} />
  </TranslatorProvider>,
  document.getElementById('app')!,
);
