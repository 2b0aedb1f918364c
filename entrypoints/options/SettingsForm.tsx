/** The settings form: edits a Settings value and reports every change; no storage here. */
import type { ComponentChildren } from 'preact';
import { useT } from '../../components/i18n';
import { ProposalSettingsForm } from '../../components/options/ProposalSettingsForm';
import {
  DelayUnit, ENGAGEMENT_MODELS, PRIORITIES, TIERS,
  type EngagementModel, type LanguageChoice, type PriorityId, type Settings, type TierId,
} from '../../lib/settings/schema';

export interface SettingsFormProps {
  settings: Settings;
  onChange: (next: Settings) => void;
  timeZones?: readonly string[];
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const LANGS: readonly LanguageChoice[] = ['auto', 'en', 'fr'];

function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span class="muted">{label}</span>
      {children}
    </label>
  );
}

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

export function SettingsForm({ settings, onChange, timeZones = [] }: SettingsFormProps) {
  const { t } = useT();
  const set = (patch: Partial<Settings>) => onChange({ ...settings, ...patch });
  const setPriority = (id: PriorityId, patch: Partial<Settings['priorities'][PriorityId]>) =>
    set({ priorities: { ...settings.priorities, [id]: { ...settings.priorities[id], ...patch } } });
  const setTier = (id: TierId, patch: Partial<Settings['tiers'][TierId]>) => {
    const next = { ...settings.tiers[id], ...patch };
    for (const key of ['name', 'contents', 'sla'] as const) if (next[key] === '') delete next[key];
    set({ tiers: { ...settings.tiers, [id]: next } });
  };
  const wh = settings.workingHours;
  const setHours = (patch: Partial<Settings['workingHours']>) => set({ workingHours: { ...wh, ...patch } });

  return (
    <form class="settings-form" data-testid="settings-form" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('options.language.title')}</legend>
        {(['ui', 'report'] as const).map((which) => (
          <Field key={which} label={t(`options.language.${which}`)}>
            <select name={`language-${which}`} value={settings.language[which]} onChange={(e) => set({ language: { ...settings.language, [which]: value(e) as LanguageChoice } })}>
              {LANGS.map((l) => (
                <option key={l} value={l}>{t(`options.language.${l}`)}</option>
              ))}
            </select>
          </Field>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('options.priorities.title')}</legend>
        <p class="muted">{t('options.priorities.intro')}</p>
        <table>
          <thead>
            <tr>
              <th />
              <th>{t('options.priorities.amount')}</th>
              <th>{t('options.priorities.unit')}</th>
              <th>{t('options.priorities.description')}</th>
            </tr>
          </thead>
          <tbody>
            {PRIORITIES.map((id) => {
              const rule = settings.priorities[id];
              return (
                <tr key={id} data-priority={id}>
                  <th>{t(`priority.${id}.name`)}</th>
                  <td>
                    <input name={`${id}-amount`} type="number" min={1} max={1000} step={1} value={rule.amount} aria-label={t('options.priorities.amount')} onInput={(e) => setPriority(id, { amount: Number(value(e)) })} />
                  </td>
                  <td>
                    <select name={`${id}-unit`} value={rule.unit} aria-label={t('options.priorities.unit')} onChange={(e) => setPriority(id, { unit: value(e) as DelayUnit })}>
                      {DelayUnit.options.map((u) => (
                        <option key={u} value={u}>{t(`options.unit.${u}`)}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input name={`${id}-description`} type="text" maxLength={500} value={rule.description ?? ''} placeholder={t(`priority.${id}.description`)} aria-label={t('options.priorities.description')}
                      onInput={(e) => {
                        const text = value(e);
                        const { description: _d, ...rest } = rule;
                        set({ priorities: { ...settings.priorities, [id]: text ? { ...rest, description: text } : rest } });
                      }} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Field label={t('options.cycleDay')}>
          <input name="cycleDay" type="number" min={1} max={28} value={settings.cycleDay} onInput={(e) => set({ cycleDay: Number(value(e)) })} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('options.hours.title')}</legend>
        <div class="days" role="group" aria-label={t('options.hours.days')}>
          {DAYS.map((d) => (
            <label key={d}>
              <input type="checkbox" name={`day-${d}`} checked={wh.days.includes(d)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setHours({ days: on ? [...wh.days, d].sort((a, b) => a - b) : wh.days.filter((x) => x !== d) });
                }} />{' '}
              {t(`options.day.${d}`)}
            </label>
          ))}
        </div>
        <Field label={t('options.hours.start')}>
          <input name="start" type="time" value={wh.start} onInput={(e) => setHours({ start: value(e) })} />
        </Field>
        <Field label={t('options.hours.end')}>
          <input name="end" type="time" value={wh.end} onInput={(e) => setHours({ end: value(e) })} />
        </Field>
        <Field label={t('options.hours.timeZone')}>
          <input name="timeZone" type="text" list="vigie-time-zones" maxLength={64} value={wh.timeZone} onInput={(e) => setHours({ timeZone: value(e) })} />
          <datalist id="vigie-time-zones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('options.tiers.title')}</legend>
        <p class="muted">{t('options.tiers.intro')}</p>
        {TIERS.map((id) => {
          const tier = settings.tiers[id];
          return (
            <div key={id} class="tier-settings" data-tier={id}>
              <h3>{tier.name || t(`tier.${id}.name`)}</h3>
              <Field label={t('options.tiers.name')}>
                <input name={`${id}-name`} type="text" maxLength={80} value={tier.name ?? ''} placeholder={t(`tier.${id}.name`)} onInput={(e) => setTier(id, { name: value(e) })} />
              </Field>
              <Field label={t('options.tiers.contents')}>
                <textarea name={`${id}-contents`} maxLength={2000} rows={3} value={tier.contents ?? ''} placeholder={t(`tier.${id}.contents`)} onInput={(e) => setTier(id, { contents: value(e) })} />
              </Field>
              <Field label={t('options.tiers.sla')}>
                <input name={`${id}-sla`} type="text" maxLength={500} value={tier.sla ?? ''} placeholder={t(`tier.${id}.sla`)} onInput={(e) => setTier(id, { sla: value(e) })} />
              </Field>
              <Field label={t('options.tiers.model')}>
                <select name={`${id}-model`} value={tier.model} onChange={(e) => setTier(id, { model: value(e) as EngagementModel })}>
                  {ENGAGEMENT_MODELS.map((m) => (
                    <option key={m} value={m}>{t(`engagement.${m}.name`)}</option>
                  ))}
                </select>
              </Field>
            </div>
          );
        })}
      </fieldset>

      <ProposalSettingsForm settings={settings} onChange={onChange} />
    </form>
  );
}
