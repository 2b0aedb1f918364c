import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChecklistEntry, PrioritiesList, SignalsPanel, TierCard, VerdictBanner } from '../../components/checklist';
import { ExportPanel } from '../../components/export/ExportPanel';
import { FindingsBySeverity } from '../../components/FindingsBySeverity';
import { GradeBadge } from '../../components/GradeBadge';
import { useT } from '../../components/i18n';
import { PermissionRequests } from '../../components/PermissionRequests';
import { SeverityCounts } from '../../components/PopupGlance';
import { MaintenanceFacts } from '../../components/MaintenanceFacts';
import { TechnologiesTable } from '../../components/TechnologiesTable';
import { useChecklist } from '../../components/useChecklist';
import { AGENCY_STORAGE_KEY, parseAgencyProfile, type AgencyProfile } from '../../lib/agency/schema';
import type { Audit } from '../../lib/audit/schema';
import type { HistoryPoint } from '../../lib/export';
import type { Settings } from '../../lib/settings/schema';
import { declareCriticality, loadSettings } from '../../lib/settings/storage';
import { domainSummaries, getAudit, openVigieDB } from '../../lib/store/db';

type State =
  | { phase: 'loading' }
  | { phase: 'missing' }
  | { phase: 'ready'; audit: Audit; settings: Settings; agency: AgencyProfile | null; history: readonly HistoryPoint[] };

async function loadAgency(): Promise<AgencyProfile | null> {
  try {
    return parseAgencyProfile((await browser.storage.local.get(AGENCY_STORAGE_KEY))[AGENCY_STORAGE_KEY]);
  } catch {
    return null;
  }
}

export function ReportPage() {
  const { t } = useT();
  const [state, setState] = useState<State>({ phase: 'loading' });

  useEffect(() => {
    const id = new URLSearchParams(location.search).get('id') ?? '';
    const db = openVigieDB();
    void Promise.all([db.then((d) => getAudit(d, id)), loadSettings(), loadAgency()])
      .then(([audit, settings, agency]) => {
        setState(audit ? { phase: 'ready', audit, settings, agency, history: [] } : { phase: 'missing' });
        if (!audit) return;
        document.title = t('report.title', { domain: audit.domain });
        // The domain's audits only feed the exports' score chart: read after the first render, never before it.
        void db
          .then((d) => domainSummaries(d, audit.domain))
          .then((history) => setState((s) => (s.phase === 'ready' ? { ...s, history } : s)))
          .catch(() => {});
      })
      .catch(() => setState({ phase: 'missing' }));
  }, []);

  if (state.phase === 'loading') return <p class="loading">{t('report.loading')}</p>;
  if (state.phase === 'missing') return <p class="error" role="alert">{t('report.notFound')}</p>;
  return <Report audit={state.audit} settings={state.settings} agency={state.agency} history={state.history} onSettings={(settings) => setState({ ...state, settings })} />;
}

/** The report's sections, in page order, for its contents line (anchor id, heading). */
const SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['findings', 'report.findings'],
  ['priorities', 'priorities.title'],
  ['checklist', 'report.checklist'],
  ['tier', 'tier.title'],
  ['technologies', 'report.technologies'],
  ['score', 'report.scoreTests'],
  ['export', 'export.ui.title'],
  ['not-measured', 'report.notMeasured'],
];

function Report({ audit: loaded, settings, agency, history, onSettings }: { audit: Audit; settings: Settings; agency: AgencyProfile | null; history: readonly HistoryPoint[]; onSettings: (s: Settings) => void }) {
  const { t, dateTime, locale } = useT();
  const checklist = useChecklist(loaded);
  const { audit } = checklist;
  const criticality = settings.criticality[audit.domain];

  async function declare(level: NonNullable<typeof criticality>) {
    const saved = await declareCriticality(audit.domain, level);
    if (saved.ok) {
      onSettings(saved.settings);
      // Re-diagnose with the same answers so the recommended tier follows the declaration.
      const point = audit.checklist.points[0]!;
      checklist.onStatus(point.id, point.status);
    }
  }

  return (
    <main class="report-main" data-testid="report" data-audit-id={audit.id}>
      <p class="report-nav">
        <a href={browser.runtime.getURL(`/audits.html?domain=${encodeURIComponent(audit.domain)}` as '/audits.html')}>{t('popup.openHistory')}</a>
        {' · '}
        <a href={browser.runtime.getURL(`/questionnaire.html?lang=${locale}` as '/questionnaire.html')}>{t('report.questionnaire')}</a>
      </p>
      <h1>{t('report.title', { domain: audit.domain })}</h1>
      <section class="summary" aria-label={t('report.summary')}>
        <GradeBadge score={audit.score} measured={audit.headerSource !== 'none'} />
        <dl>
          <dt>{t('report.url')}</dt>
          <dd><code>{audit.url}</code></dd>
          <dt>{t('report.date')}</dt>
          <dd>{dateTime(audit.startedAt)}</dd>
          <dt>{t('report.platform')}</dt>
          <dd>{audit.platform.name} {audit.platform.version}</dd>
          <dt>{t('report.headerSource')}</dt>
          <dd data-testid="header-source">{t(`headerSource.${audit.headerSource}`)}</dd>
        </dl>
        <SeverityCounts findings={audit.findings} />
      </section>

      <nav class="report-toc" aria-label={t('report.contents')}>
        <ol>
          {SECTIONS.map(([id, key]) => <li key={id}><a href={`#${id}`}>{t(key)}</a></li>)}
        </ol>
      </nav>

      <VerdictBanner signals={audit.signals} diagnosis={audit.diagnosis} points={audit.checklist.points} />

      {/* The panel is its own section with its own heading ("Alert signals" was printed twice). */}
      <SignalsPanel signals={audit.signals} />

      <section id="findings">
        <h2>{t('report.findings')}</h2>
        <FindingsBySeverity findings={audit.findings} evidence={audit.evidence} />
      </section>

      {/* The list has its own heading: the page adds none (two headings in a row said the same). */}
      <div id="priorities">
        <PrioritiesList findings={audit.findings} now={new Date(audit.startedAt)} priorities={settings.priorities} />
      </div>

      <section id="checklist">
        <h2>{t('report.checklist')}</h2>
        {checklist.error && <p role="alert" class="error">{checklist.error}</p>}
        <ChecklistEntry points={audit.checklist.points} findings={audit.findings} onStatus={checklist.onStatus} onAccept={checklist.onAccept} onNote={checklist.onNote} />
      </section>

      <div id="tier">
        <TierCard tier={audit.diagnosis.tier} tiers={settings.tiers} {...(criticality ? { criticality } : {})} onDeclareCriticality={(level) => void declare(level)} />
      </div>

      <section id="technologies">
        <h2>{t('report.technologies')}</h2>
        <MaintenanceFacts audit={audit} />
        <TechnologiesTable technologies={audit.technologies} kbDate={audit.knowledgeBase?.date} />
      </section>

      <section id="score">
        <h2>{t('report.scoreTests')}</h2>
        <table data-testid="score-tests">
          <thead>
            <tr><th>{t('report.test')}</th><th>{t('report.result')}</th><th>{t('report.modifier')}</th></tr>
          </thead>
          <tbody>
            {audit.score.tests.map((test) => (
              <tr key={test.test} class={test.pass === false ? 'failing' : ''}>
                <td>{t(`score.test.${test.test}`)}</td>
                <td>{t(`score.result.${test.result}`)}</td>
                <td class="num">{test.modifier > 0 ? `+${test.modifier}` : test.modifier}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div id="export">
        <ExportPanel source={{ kind: 'audit', audit }} agency={agency} settings={settings} history={history} printUrl={browser.runtime.getURL(`/print.html?id=${encodeURIComponent(audit.id)}` as '/print.html')} />
      </div>

      <PermissionRequests audit={audit} />

      <section id="not-measured">
        <h2>{t('report.notMeasured')}</h2>
        {audit.notMeasured.length === 0 ? (
          <p class="muted">{t('report.notMeasured.none')}</p>
        ) : (
          <ul data-testid="not-measured">
            {audit.notMeasured.map((n, i) => (
              <li key={i} data-what={n.what}><strong>{t(`measure.${n.what}`)}</strong> — {t(n.reason.key, n.reason.params)}</li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
