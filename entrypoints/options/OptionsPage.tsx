/** Options page: loads the settings, lets the form edit them, saves them validated. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AgencyProfileForm } from '../../components/AgencyProfileForm';
import { useT } from '../../components/i18n';
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

export function OptionsPage({ area, onLanguage }: OptionsPageProps) {
  const { t } = useT();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid'>('idle');

  useEffect(() => {
    void loadSettings(area).then((s) => setSettings(s));
  }, []);

  async function save(next: Settings) {
    const result = await saveSettings(next, area);
    setStatus(result.ok ? 'saved' : 'invalid');
    if (result.ok) onLanguage?.(result.settings);
  }

  if (!settings) return <main class="report-main" aria-busy="true" />;
  return (
    <main class="report-main options-main">
      <h1>{t('options.title')}</h1>
      <p>
        <a href={browser.runtime.getURL('/audits.html')}>{t('options.links.history')}</a>
      </p>
      <AgencyProfileForm />
      <SettingsForm
        settings={settings}
        timeZones={supportedTimeZones()}
        onChange={(next) => {
          setSettings(next);
          setStatus('idle');
        }}
      />
      <div class="options-actions">
        <button type="button" class="primary" data-testid="options-save" onClick={() => void save(settings)}>
          {t('options.save')}
        </button>{' '}
        <button
          type="button"
          data-testid="options-reset"
          onClick={() => {
            const d = { ...defaultSettings(), criticality: settings.criticality };
            setSettings(d);
            void save(d);
          }}
        >
          {t('options.reset')}
        </button>{' '}
        <span role="status" data-testid="options-status" class={status === 'invalid' ? 'error' : 'muted'}>
          {status === 'saved' ? t('options.saved') : status === 'invalid' ? t('options.invalid') : ''}
        </span>
      </div>
    </main>
  );
}
