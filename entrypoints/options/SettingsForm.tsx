/** The settings form: edits a Settings value and reports every change; no storage here. */
import type { ComponentChildren } from 'preact';
import { useT } from '../../components/i18n';
import { ariaFor, Field, FieldError, NumberInput } from '../../components/options/form';
import { ScopeSettingsSection, SlaSettingsSection } from '../../components/options/ProposalSettingsForm';
import { fieldId, tierName } from '../../components/options/settings-problems';
import {
  DelayUnit, ENGAGEMENT_MODELS, PRIORITIES, TIERS,
  type EngagementModel, type LanguageChoice, type PriorityId, type Settings, type TierId,
} from '../../lib/settings/schema';

/** The message to show under a field, if any (already filtered: left by the user, or a save tried). */
export type ErrorOf = (id: string) => string | null | undefined;

export interface SettingsFormProps {
  settings: Settings;
  onChange: (next: Settings) => void;
  timeZones?: readonly string[];
  errorOf?: ErrorOf;
  onSubmit?: () => void;
  onFocusOut?: (e: FocusEvent) => void;
  /** The save bar, at the end of the form. */
  children?: ComponentChildren;
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const LANGS: readonly LanguageChoice[] = ['auto', 'en', 'fr'];
const none: ErrorOf = () => null;

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** A section of the page: a heading and its fields. */
export function FormSection({ id, title, intro, testId, children }: { id: string; title: string; intro?: ComponentChildren; testId?: string; children: ComponentChildren }) {
  return (
    <section class="form-section" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p class="form-intro">{intro}</p>}
      {children}
    </section>
  );
}

export function SettingsForm({ settings, onChange, timeZones = [], errorOf = none, onSubmit, onFocusOut, children }: SettingsFormProps) {
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
  const daysId = fieldId(['workingHours', 'days']);
  const daysError = errorOf(daysId);

  return (
    <form
      class="settings-form"
      data-testid="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.();
      }}
      onFocusOut={onFocusOut}
    >
      <FormSection id="opt-languages" title={t('options.language.title')}>
        <div class="field-row">
          {(['ui', 'report'] as const).map((which) => {
            const id = fieldId(['language', which]);
            return (
              <Field key={which} id={id} label={t(`options.language.${which}`)} size="medium" error={errorOf(id)}>
                <select {...ariaFor(id, { error: errorOf(id) })} name={`language-${which}`} value={settings.language[which]} onChange={(e) => set({ language: { ...settings.language, [which]: value(e) as LanguageChoice } })}>
                  {LANGS.map((l) => (
                    <option key={l} value={l}>{t(`options.language.${l}`)}</option>
                  ))}
                </select>
              </Field>
            );
          })}
        </div>
      </FormSection>

      <FormSection id="opt-hours" title={t('options.hours.title')} intro={t('options.hours.intro')}>
        <fieldset class="form-choices" id={daysId} data-field={daysId} aria-describedby={daysError ? `${daysId}-error` : undefined}>
          <legend class="field-label">{t('options.hours.days')}</legend>
          <div class="choice-row">
            {DAYS.map((d) => (
              <label key={d} class="choice">
                <input type="checkbox" name={`day-${d}`} checked={wh.days.includes(d)} aria-invalid={daysError ? 'true' : undefined}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    setHours({ days: on ? [...wh.days, d].sort((a, b) => a - b) : wh.days.filter((x) => x !== d) });
                  }} />
                {t(`options.day.${d}`)}
              </label>
            ))}
          </div>
          <FieldError id={daysId} error={daysError} />
        </fieldset>
        <div class="field-row">
          {(['start', 'end'] as const).map((which) => {
            const id = fieldId(['workingHours', which]);
            return (
              <Field key={which} id={id} label={t(`options.hours.${which}`)} size="short" error={errorOf(id)}>
                <input {...ariaFor(id, { error: errorOf(id) })} name={which} type="time" value={wh[which]} onInput={(e) => setHours({ [which]: value(e) })} />
              </Field>
            );
          })}
        </div>
        {(() => {
            const id = fieldId(['workingHours', 'timeZone']);
            const hint = t('options.hours.timeZone.hint');
            return (
              <Field id={id} label={t('options.hours.timeZone')} hint={hint} size="medium" error={errorOf(id)}>
                <input {...ariaFor(id, { hint, error: errorOf(id) })} name="timeZone" type="text" list="vigie-time-zones" autoComplete="off" spellcheck={false} value={wh.timeZone} onInput={(e) => setHours({ timeZone: value(e) })} />
                <datalist id="vigie-time-zones">
                  {timeZones.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </Field>
            );
          })()}
      </FormSection>

      <FormSection id="opt-priorities" title={t('options.priorities.title')} intro={t('options.priorities.intro')}>
        <div class="form-table-wrap">
          <table class="form-table">
            <thead>
              <tr>
                <th scope="col" id="opt-priorities-col-priority">{t('options.priorities.priority')}</th>
                <th scope="col" id="opt-priorities-col-amount">{t('options.priorities.amount')}</th>
                <th scope="col" id="opt-priorities-col-unit">{t('options.priorities.unit')}</th>
                <th scope="col" id="opt-priorities-col-description" class="col-wide">{t('options.priorities.description')}</th>
              </tr>
            </thead>
            <tbody>
              {PRIORITIES.map((id) => {
                const rule = settings.priorities[id];
                const row = `opt-priorities-${id}-name`;
                const amountId = fieldId(['priorities', id, 'amount']);
                const unitId = fieldId(['priorities', id, 'unit']);
                const descId = fieldId(['priorities', id, 'description']);
                return (
                  <tr key={id} data-priority={id}>
                    <th scope="row" id={row}>{t(`priority.${id}.name`)}</th>
                    <td data-field={amountId} class={errorOf(amountId) ? 'field-invalid' : undefined}>
                      <NumberInput id={amountId} name={`${id}-amount`} integer value={rule.amount} aria-labelledby={`${row} opt-priorities-col-amount`}
                        describedBy={ariaFor(amountId, { error: errorOf(amountId) })} onValue={(n) => setPriority(id, { amount: n })} />
                      <FieldError id={amountId} error={errorOf(amountId)} />
                    </td>
                    <td data-field={unitId}>
                      <select {...ariaFor(unitId, { error: errorOf(unitId) })} name={`${id}-unit`} value={rule.unit} aria-labelledby={`${row} opt-priorities-col-unit`} onChange={(e) => setPriority(id, { unit: value(e) as DelayUnit })}>
                        {DelayUnit.options.map((u) => (
                          <option key={u} value={u}>{t(`options.unit.${u}`)}</option>
                        ))}
                      </select>
                      <FieldError id={unitId} error={errorOf(unitId)} />
                    </td>
                    <td data-field={descId} class={errorOf(descId) ? 'field-invalid' : undefined}>
                      <input {...ariaFor(descId, { error: errorOf(descId) })} name={`${id}-description`} type="text" value={rule.description ?? ''} placeholder={t(`priority.${id}.description`)} aria-labelledby={`${row} opt-priorities-col-description`}
                        onInput={(e) => {
                          const text = value(e);
                          const { description: _d, ...rest } = rule;
                          set({ priorities: { ...settings.priorities, [id]: text ? { ...rest, description: text } : rest } });
                        }} />
                      <FieldError id={descId} error={errorOf(descId)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {(() => {
          const id = fieldId(['cycleDay']);
          const hint = t('options.cycleDay.hint');
          return (
            <Field id={id} label={t('options.cycleDay')} hint={hint} size="short" error={errorOf(id)}>
              <NumberInput id={id} name="cycleDay" integer value={settings.cycleDay} describedBy={ariaFor(id, { hint, error: errorOf(id) })} onValue={(n) => set({ cycleDay: n })} />
            </Field>
          );
        })()}
      </FormSection>

      <FormSection id="opt-tiers" title={t('options.tiers.title')} intro={t('options.tiers.intro')}>
        {TIERS.map((id) => {
          const tier = settings.tiers[id];
          const f = (key: string) => fieldId(['tiers', id, key]);
          return (
            <fieldset key={id} class="form-group tier-settings" data-tier={id}>
              <legend><h3>{tierName(settings, id, t)}</h3></legend>
              <div class="field-row">
                <Field id={f('name')} label={t('options.tiers.name')} size="medium" error={errorOf(f('name'))}>
                  <input {...ariaFor(f('name'), { error: errorOf(f('name')) })} name={`${id}-name`} type="text" value={tier.name ?? ''} placeholder={t(`tier.${id}.name`)} onInput={(e) => setTier(id, { name: value(e) })} />
                </Field>
                <Field id={f('model')} label={t('options.tiers.model')} size="medium" error={errorOf(f('model'))}>
                  <select {...ariaFor(f('model'), { error: errorOf(f('model')) })} name={`${id}-model`} value={tier.model} onChange={(e) => setTier(id, { model: value(e) as EngagementModel })}>
                    {ENGAGEMENT_MODELS.map((m) => (
                      <option key={m} value={m}>{t(`engagement.${m}.name`)}</option>
                    ))}
                  </select>
                </Field>
              </div>
              <Field id={f('contents')} label={t('options.tiers.contents')} error={errorOf(f('contents'))}>
                <textarea {...ariaFor(f('contents'), { error: errorOf(f('contents')) })} name={`${id}-contents`} rows={3} value={tier.contents ?? ''} placeholder={t(`tier.${id}.contents`)} onInput={(e) => setTier(id, { contents: value(e) })} />
              </Field>
              <Field id={f('sla')} label={t('options.tiers.sla')} error={errorOf(f('sla'))}>
                <input {...ariaFor(f('sla'), { error: errorOf(f('sla')) })} name={`${id}-sla`} type="text" value={tier.sla ?? ''} placeholder={t(`tier.${id}.sla`)} onInput={(e) => setTier(id, { sla: value(e) })} />
              </Field>
            </fieldset>
          );
        })}
      </FormSection>

      <SlaSettingsSection settings={settings} onChange={onChange} errorOf={errorOf} />
      <ScopeSettingsSection settings={settings} onChange={onChange} errorOf={errorOf} />
      {children}
    </form>
  );
}
