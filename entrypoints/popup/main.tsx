import { render } from 'preact';
import { TranslatorProvider } from '../../components/i18n';
import '../../components/styles.css';
import { Popup } from './Popup';

document.documentElement.lang = navigator.language.startsWith('fr') ? 'fr' : 'en';
document.title = 'Vigie';
render(
  <TranslatorProvider>
    <Popup />
  </TranslatorProvider>,
  document.getElementById('app')!,
);
