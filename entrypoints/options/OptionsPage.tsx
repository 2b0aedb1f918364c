/**
 * Options page: loads the settings, lets the form edit them, saves them validated. A field's
 * problem shows under it once the user leaves it, and every problem on a refused save, with a
 * summary linking to each; what was typed stays in the fields until it is fixed or reset.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AgencyProfileForm } from '../../components/AgencyProfileForm';
import { useT } from '../../components/i18n';
import { ErrorSummary, useShownErrors } from '../../components/options/form';
import { QuestionnaireSection } from '../../components/options/ProposalSettingsForm';
import { settingsProblems } from '../../components/options/settings-problems';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { loadSettings, saveSettings, type SettingsArea } from '../../lib/settings/storage';
import { SettingsForm } from './SettingsForm';

function supportedTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

export interface OptionsPageProps {
  /** Storage area (browser.storage.local when absent); injectable for tests. */
  area?: SettingsArea;
  onLanguage?: (settings: Settings) => void;
}

type Status = 'idle' | 'saved' | 'invalid' | 'failed';

export function OptionsPage({ area, onLanguage }: OptionsPageProps) {
  const { t, tn } = useT();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>('idle');
  // A reset gives the form fresh fields (number boxes and rule lists keep their own text otherwise).
  const [generation, setGeneration] = useState(0);
  const errors = useShownErrors();

  useEffect(() => {
    void loadSettings(area).then((s) => setSettings(s));
  }, []);

  async function save(next: Settings) {
    if (settingsProblems(next, t, tn).length > 0) {
      errors.tried();
      return setStatus('invalid');
    }
    try {
      const result = await saveSettings(next, area);
      if (!result.ok) {
        errors.tried();
        return setStatus('invalid');
      }
      errors.reset();
      setStatus('saved');
      onLanguage?.(result.settings);
    } catch {
      setStatus('failed');
    }
  }

  if (!settings) return <main class="report-main" aria-busy="true" />;
  const problems = settingsProblems(settings, t, tn);
  const messages = new Map(problems.map((p) => [p.id, p.message]));
  const errorOf = (id: string) => (errors.shown(id) ? messages.get(id) ?? null : null);
  const statusText = { idle: '', saved: t('options.saved'), invalid: t('options.invalid'), failed: t('options.saveFailed') }[status];

  return (
    <main class="report-main options-main">
      <h1>{t('options.title')}</h1>
      <p>
        <a href={browser.runtime.getURL('/audits.html')}>{t('options.links.history')}</a>
      </p>
      <AgencyProfileForm />
      <p class="form-intro">{t('options.settings.intro')}</p>
      <SettingsForm
        key={generation}
        settings={settings}
        timeZones={supportedTimeZones()}
        errorOf={errorOf}
        onFocusOut={errors.onFocusOut}
        onSubmit={() => void save(settings)}
        onChange={(next) => {
          setSettings(next);
          setStatus('idle');
        }}
      >
        <div class="form-footer">
          <ErrorSummary id="options-summary" problems={errors.attempt > 0 ? problems : []} attempt={errors.attempt} testId="options-summary" />
          <div class="form-actions">
            <button type="submit" class="primary" data-testid="options-save">
              {t('options.save')}
            </button>
            <button
              type="button"
              data-testid="options-reset"
              onClick={() => {
                const d = { ...defaultSettings(), criticality: settings.criticality };
                setSettings(d);
                setGeneration(generation + 1);
                errors.reset();
                void save(d);
              }}
            >
              {t('options.reset')}
            </button>
            <p role="status" data-testid="options-status" class={`form-status${status === 'invalid' || status === 'failed' ? ' form-status-error' : ''}`}>
              {statusText}
            </p>
          </div>
        </div>
      </SettingsForm>
      <QuestionnaireSection />
    </main>
  );
}
