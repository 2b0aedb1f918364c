import { render } from 'preact';
import { TranslatorProvider } from '../../components/i18n';
import '../../components/styles.css';
import '../../components/history/history.css';
import { createTranslator, pickLocale } from '../../lib/i18n';
import { openVigieDB } from '../../lib/store/db';
import { HistoryPage } from './HistoryPage';
import { browserHistoryIO } from './io';

const locale = pickLocale(navigator.languages);
document.documentElement.lang = locale;
const app = document.getElementById('app')!;

function domainFromUrl(): string | null {
  const value = new URLSearchParams(location.search).get('domain');
  return value ? value.trim().toLowerCase().slice(0, 253) : null;
}

function navigate(domain: string | null) {
  const url = new URL(location.href);
  if (domain) url.searchParams.set('domain', domain);
  else url.searchParams.delete('domain');
  history.pushState(null, '', url);
}

function show(db: Awaited<ReturnType<typeof openVigieDB>>) {
  render(
    <TranslatorProvider locale={locale}>
      <HistoryPage key={domainFromUrl() ?? ''} db={db} io={browserHistoryIO()} initialDomain={domainFromUrl()} now={() => new Date()} onNavigate={navigate} />
    </TranslatorProvider>,
    app,
  );
}

openVigieDB()
  .then((db) => {
    show(db);
    window.addEventListener('popstate', () => show(db));
  })
  .catch((error) => {
    console.error('Vigie: the history could not be opened', error);
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.textContent = createTranslator(locale).t('history.error.open');
    app.replaceChildren(p);
  });
