/** The full report, laid out for A4 paper: the browser's "Print → Save as PDF" makes the PDF. */
import { useEffect, useState } from 'preact/hooks';
import { DocView } from '../../components/export/DocView';
import { loadAgencyProfile } from '../../components/export/useAgencyProfile';
import { useT } from '../../components/i18n';
import type { AgencyProfile } from '../../lib/agency/schema';
import type { Audit } from '../../lib/audit/schema';
import { auditDoc } from '../../lib/export';
import type { Locale } from '../../lib/i18n';
import type { Settings } from '../../lib/settings/schema';
import { loadSettings } from '../../lib/settings/storage';
import { getAudit, openVigieDB } from '../../lib/store/db';
import { PRINT_DOC, type PrintLevel } from './params';

type State = { phase: 'loading' } | { phase: 'missing' } | { phase: 'ready'; audit: Audit; agency: AgencyProfile | null; settings: Settings | null };

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
}

const loadFromHistory = async (id: string) => getAudit(await openVigieDB(), id);

export function PrintPage({ id, lang, level = 'standard', load = loadFromHistory, loadAgency = loadAgencyProfile, loadSettingsFor = () => loadSettings().catch(() => null) }: PrintPageProps) {
  const { t } = useT();
  const [state, setState] = useState<State>({ phase: 'loading' });

  useEffect(() => {
    void Promise.all([load(id), loadAgency(), loadSettingsFor()])
      .then(([audit, agency, settings]) => setState(audit ? { phase: 'ready', audit, agency, settings } : { phase: 'missing' }))
      .catch(() => setState({ phase: 'missing' }));
  }, [id]);

  if (state.phase === 'loading') return <p class="loading">{t('export.print.loading')}</p>;
  if (state.phase === 'missing') return <p class="error" role="alert">{t('export.print.notFound')}</p>;
  const doc = auditDoc(state.audit, { locale: lang, level: PRINT_DOC[level], agency: state.agency, ...(state.settings ? { settings: state.settings } : {}) });
  if (typeof document !== 'undefined') document.title = doc.title;
  return (
    <main class="print-main" data-testid="print-page" data-audit-id={state.audit.id} data-level={level}>
      <button type="button" class="print-button no-print" onClick={() => window.print()}>{t('export.print.button')}</button>
      <DocView doc={doc} />
    </main>
  );
}
