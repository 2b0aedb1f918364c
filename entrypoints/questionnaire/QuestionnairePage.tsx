/**
 * The blank client questionnaire, laid out for A4: the client ticks the 28 points and the ten
 * warning signs on paper (or a PDF); the agency then enters the answers with the keyboard checklist.
 */
import { useEffect, useState } from 'preact/hooks';
import { DocView } from '../../components/export/DocView';
import { loadAgencyProfile } from '../../components/export/useAgencyProfile';
import { useT } from '../../components/i18n';
import type { AgencyProfile } from '../../lib/agency/schema';
import { clientQuestionnaireDoc } from '../../lib/export';
import { LOCALES, type Locale } from '../../lib/i18n';

export interface QuestionnairePageProps {
  lang: Locale;
  /** Injectable for tests. */
  loadAgency?: () => Promise<AgencyProfile | null>;
}

export function QuestionnairePage({ lang, loadAgency = loadAgencyProfile }: QuestionnairePageProps) {
  const { t } = useT();
  const [agency, setAgency] = useState<AgencyProfile | null>(null);
  useEffect(() => {
    void loadAgency().then(setAgency).catch(() => setAgency(null));
  }, []);
  const doc = clientQuestionnaireDoc({ locale: lang, agency });
  if (typeof document !== 'undefined') document.title = doc.title;
  return (
    <main class="print-main questionnaire-main" data-testid="questionnaire-page">
      <nav class="no-print questionnaire-tools">
        <span class="muted">{t('proposal.questionnaire.language')}</span>{' '}
        {LOCALES.map((l) => (
          <a key={l} href={`?lang=${l}`} aria-current={l === lang ? 'page' : undefined} data-testid={`questionnaire-lang-${l}`}>
            {l.toUpperCase()}
          </a>
        ))}{' '}
        <button type="button" class="print-button" onClick={() => window.print()}>{t('proposal.questionnaire.print')}</button>
      </nav>
      <DocView doc={doc} />
    </main>
  );
}
