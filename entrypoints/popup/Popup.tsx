import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FindingsBySeverity } from '../../components/FindingsBySeverity';
import { GradeBadge } from '../../components/GradeBadge';
import { useT } from '../../components/i18n';
import type { ScanResponse } from '../../lib/messages';

type State =
  | { phase: 'idle' }
  | { phase: 'scanning'; host: string }
  | { phase: 'done'; response: ScanResponse };

/** The test build may name its target tab in the URL (a popup opened as a tab targets itself otherwise). */
function tabIdFromUrl(): number | null {
  if (!__VIGIE_TEST_BUILD__) return null;
  const raw = new URLSearchParams(location.search).get('tabId');
  return raw && /^\d+$/.test(raw) ? Number(raw) : null;
}

async function targetTab(): Promise<{ id: number; url?: string } | null> {
  const fromUrl = tabIdFromUrl();
  if (fromUrl !== null) return browser.tabs.get(fromUrl).then((t) => ({ id: fromUrl, url: t.url })).catch(() => ({ id: fromUrl }));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
}

export function Popup() {
  const { t, tn, dateTime } = useT();
  const [state, setState] = useState<State>({ phase: 'idle' });

  async function scan() {
    const tab = await targetTab();
    if (!tab) {
      setState({ phase: 'done', response: { ok: false, error: { code: 'unsupported-page', message: t('error.unsupported.browser-page'), messageKey: 'error.unsupported.browser-page', params: {} } } });
      return;
    }
    setState({ phase: 'scanning', host: hostOf(tab.url) });
    const response = (await browser.runtime.sendMessage({ type: 'vigie:scan', tabId: tab.id })) as ScanResponse;
    setState({ phase: 'done', response });
  }

  useEffect(() => {
    // One click on the toolbar icon scans the active tab; the test build waits for its button.
    if (tabIdFromUrl() === null) void scan();
  }, []);

  const openReport = (id: string) => void browser.tabs.create({ url: browser.runtime.getURL(`/report.html?id=${encodeURIComponent(id)}`) });

  return (
    <main class="popup-main">
      <header class="popup-header">
        <h1>{t('app.name')}</h1>
        <button type="button" class="primary" data-testid="scan" onClick={() => void scan()} disabled={state.phase === 'scanning'}>
          {state.phase === 'idle' ? t('popup.scan') : t('popup.rescan')}
        </button>
      </header>
      {state.phase === 'idle' && <p class="muted">{t('popup.idle')}</p>}
      {state.phase === 'scanning' && (
        <p class="loading" role="status" aria-live="polite" data-testid="loading">
          <span class="spinner" aria-hidden="true" /> {t('popup.scanning', { host: state.host })}
        </p>
      )}
      {state.phase === 'done' && !state.response.ok && (
        <div class="error" role="alert" data-testid="error" data-error-code={state.response.error.code}>
          <strong>{t('error.title')}</strong>
          <p>{t(state.response.error.messageKey, state.response.error.params)}</p>
        </div>
      )}
      {state.phase === 'done' && state.response.ok && (
        <section data-testid="result" data-audit-id={state.response.audit.id}>
          <p class="domain" data-testid="domain">{state.response.audit.domain}</p>
          <GradeBadge score={state.response.audit.score} />
          <p class="meta">
            <span data-testid="duration">{t('popup.duration', { ms: state.response.audit.durationMs })}</span>
            {' · '}
            <span data-testid="previous">
              {state.response.previous
                ? t('popup.previous', { date: dateTime(state.response.previous.startedAt), score: state.response.previous.score, grade: state.response.previous.grade })
                : t('popup.previous.none')}
            </span>
          </p>
          <p class="count" data-testid="finding-count">{tn('popup.findingCount', state.response.audit.findings.length)}</p>
          <FindingsBySeverity findings={state.response.audit.findings} />
          <button type="button" data-testid="open-report" onClick={() => openReport((state.response as { audit: { id: string } }).audit.id)}>
            {t('popup.openReport')}
          </button>
        </section>
      )}
    </main>
  );
}
