/** The full report, laid out for A4 paper: the browser's "Print → Save as PDF" makes the PDF. */
import { useEffect, useState } from 'preact/hooks';
import { DocView } from '../../components/export/DocView';
import { loadAgencyProfile } from '../../components/export/useAgencyProfile';
import { useT } from '../../components/i18n';
import type { AgencyProfile } from '../../lib/agency/schema';
import type { Audit } from '../../lib/audit/schema';
import { auditDoc, type HistoryPoint } from '../../lib/export';
import type { Locale } from '../../lib/i18n';
import type { Settings } from '../../lib/settings/schema';
import { loadSettings } from '../../lib/settings/storage';
import { domainSummaries, getAudit, openVigieDB } from '../../lib/store/db';
import { PRINT_DOC, type PrintLevel } from './params';

type State =
  | { phase: 'loading' }
  | { phase: 'missing' }
  | { phase: 'ready'; audit: Audit; agency: AgencyProfile | null; settings: Settings | null; history: readonly HistoryPoint[] };

export interface PrintPageProps {
  id: string;
  lang: Locale;
  /** summary (the one-page proposal), standard (a client meeting) or full (everything, with contents). */
  level?: PrintLevel;
  /** Injectable for tests. */
  load?: (id: string) => Promise<Audit | null>;
  loadAgency?: () => Promise<AgencyProfile | null>;
  /** The agency's settings (scope rules, tiers, SLAs); the defaults when absent. */
  loadSettingsFor?: () => Promise<Settings | null>;
  /** The domain's audits, for the score chart; none when they cannot be read (the chart is left out). */
  loadHistory?: (domain: string) => Promise<readonly HistoryPoint[]>;
}

const loadFromHistory = async (id: string) => getAudit(await openVigieDB(), id);
const loadDomainHistory = async (domain: string) => domainSummaries(await openVigieDB(), domain);

export function PrintPage({
  id, lang, level = 'standard', load = loadFromHistory, loadAgency = loadAgencyProfile, loadSettingsFor = () => loadSettings().catch(() => null), loadHistory = loadDomainHistory,
}: PrintPageProps) {
  const { t } = useT();
  const [state, setState] = useState<State>({ phase: 'loading' });

  useEffect(() => {
    void Promise.all([load(id), loadAgency(), loadSettingsFor()])
      .then(async ([audit, agency, settings]) => {
        if (!audit) return setState({ phase: 'missing' });
        const history = await loadHistory(audit.domain).catch(() => []);
        setState({ phase: 'ready', audit, agency, settings, history });
      })
      .catch(() => setState({ phase: 'missing' }));
  }, [id]);

  if (state.phase === 'loading') return <p class="loading">{t('export.print.loading')}</p>;
  if (state.phase === 'missing') return <p class="error" role="alert">{t('export.print.notFound')}</p>;
  const doc = auditDoc(state.audit, { locale: lang, level: PRINT_DOC[level], agency: state.agency, history: state.history, ...(state.settings ? { settings: state.settings } : {}) });
  if (typeof document !== 'undefined') document.title = doc.title;
  return (
    <main class="print-main" data-testid="print-page" data-audit-id={state.audit.id} data-level={level}>
      <button type="button" class="print-button no-print" onClick={() => window.print()}>{t('export.print.button')}</button>
      <DocView doc={doc} />
    </main>
  );
}
