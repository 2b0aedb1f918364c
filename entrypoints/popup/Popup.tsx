import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChecklistEntry, VerdictBanner } from '../../components/checklist';
import { knowledgeBaseMessage } from '../../lib/export/tech-status';
import { ExportPanel } from '../../components/export/ExportPanel';
import { useAgencyProfile } from '../../components/export/useAgencyProfile';
import { FindingsBySeverity } from '../../components/FindingsBySeverity';
import { GradeBadge } from '../../components/GradeBadge';
import { useT } from '../../components/i18n';
import { useChecklist } from '../../components/useChecklist';
import type { Audit } from '../../lib/audit/schema';
import type { ScanResponse } from '../../lib/messages';
import type { Settings } from '../../lib/settings/schema';
import { loadSettings } from '../../lib/settings/storage';
import { SeverityCounts, TopActions } from '../../components/PopupGlance';

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
    // One click on the toolbar icon scans the active tab; the test build waits for its button
    // (and its Firefox driver page, ?harness=1, does not scan at all).
    const harness = __VIGIE_TEST_BUILD__ && new URLSearchParams(location.search).has('harness');
    if (tabIdFromUrl() === null && !harness) void scan();
  }, []);

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
        <PopupResult key={state.response.audit.id} audit={state.response.audit} previous={state.response.previous} />
      )}
    </main>
  );
}

const openPage = (path: string) => void browser.tabs.create({ url: browser.runtime.getURL(path as '/report.html') });

/** The one-glance result: grade, verdict, findings by severity, and the checklist to answer during a call. */
function PopupResult({ audit: scanned, previous }: { audit: Audit; previous: Extract<ScanResponse, { ok: true }>['previous'] }) {
  const { t, tn, dateTime } = useT();
  const checklist = useChecklist(scanned);
  const agency = useAgencyProfile();
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings).catch(() => setSettings(null));
  }, []);
  const { audit } = checklist;
  // Only an old knowledge base is worth the popup's room; the report always says its date.
  const kbMessage = knowledgeBaseMessage(audit);
  const kbStale = kbMessage?.key === 'kb.stale' ? kbMessage : null;
  return (
    <section data-testid="result" data-audit-id={audit.id}>
      <p class="domain" data-testid="domain">{audit.domain}</p>
      <GradeBadge score={audit.score} measured={audit.headerSource !== 'none'} />
      <p class="meta">
        <span data-testid="duration">{t('popup.duration', { ms: audit.durationMs })}</span>
        {' · '}
        <span data-testid="previous">
          {previous ? t('popup.previous', { date: dateTime(previous.startedAt), score: previous.score, grade: previous.grade }) : t('popup.previous.none')}
        </span>
      </p>
      <VerdictBanner signals={audit.signals} diagnosis={audit.diagnosis} points={audit.checklist.points} />
      {/* The short form: the report gives the whole sentence. */}
      {kbStale && <p class="warning compact" role="note" data-testid="kb-stale">{t('popup.kb-stale', kbStale.params)}</p>}
      <SeverityCounts findings={audit.findings} />
      <TopActions findings={audit.findings} />
      <details class="all-findings" data-testid="all-findings">
        <summary class="count" data-testid="finding-count">{tn('popup.findingCount', audit.findings.length)}</summary>
        <FindingsBySeverity findings={audit.findings} evidence={audit.evidence} />
      </details>
      <div class="actions">
        <button type="button" data-testid="open-report" onClick={() => openPage(`/report.html?id=${encodeURIComponent(audit.id)}`)}>
          {t('popup.openReport')}
        </button>
        <button type="button" data-testid="open-history" onClick={() => openPage(`/audits.html?domain=${encodeURIComponent(audit.domain)}`)}>
          {t('popup.openHistory')}
        </button>
      </div>
      <ExportPanel source={{ kind: 'audit', audit }} agency={agency} settings={settings} compact />
      <details
        class="popup-checklist"
        data-testid="popup-checklist"
        onToggle={(e) => {
          // Opening the checklist puts the keyboard on it: answering starts with the next key.
          const details = e.currentTarget as HTMLDetailsElement;
          if (details.open) details.querySelector<HTMLElement>('[data-testid=checklist]')?.focus();
        }}
      >
        <summary>{t('popup.checklist')}</summary>
        {checklist.error && <p role="alert" class="error">{checklist.error}</p>}
        <ChecklistEntry points={audit.checklist.points} findings={audit.findings} onStatus={checklist.onStatus} onAccept={checklist.onAccept} onNote={checklist.onNote} />
      </details>
    </section>
  );
}
