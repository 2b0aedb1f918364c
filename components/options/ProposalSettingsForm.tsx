/**
 * Options for the proposal part of the report: what the monthly fee covers (scope) and the service
 * levels of each tier (response and restoration per priority, availability, reporting, compensation).
 * Edits a Settings value; saving and validation are the options page's (StrictSettings).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Family } from '../../lib/audit/schema';
import { parseRuleList, ruleChoices, ruleListText } from '../../lib/proposal/rule-list';
import { REPORTING, SLA_UNITS, type Reporting, type ScopeClass, type SlaDelay, type SlaUnit, type TierSla } from '../../lib/settings/proposal';
import { PRIORITIES, TIERS, type PriorityId, type Settings, type TierId } from '../../lib/settings/schema';
import { useT } from '../i18n';

export interface ProposalSettingsFormProps {
  settings: Settings;
  onChange: (next: Settings) => void;
}

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
const checked = (e: Event) => (e.currentTarget as HTMLInputElement).checked;

function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span class="muted">{label}</span>
      {children}
    </label>
  );
}

function RuleList({ scope, settings, onRules }: { scope: ScopeClass; settings: Settings; onRules: (scope: ScopeClass, ids: string[]) => void }) {
  const { t, tn } = useT();
  const [text, setText] = useState(() => ruleListText(settings.scope.rules, scope));
  const { invalid } = parseRuleList(text);
  return (
    <Field label={t(`options.scope.rules.${scope}`)}>
      <textarea name={`scope-rules-${scope}`} rows={3} maxLength={20000} value={text} placeholder="components.eol"
        onInput={(e) => {
          const next = value(e);
          setText(next);
          onRules(scope, parseRuleList(next).ids);
        }} />
      {invalid > 0 && <span class="error" data-testid={`scope-rules-${scope}-invalid`}>{tn('options.scope.rules.invalid', invalid)}</span>}
    </Field>
  );
}

function DelayInput({ name, delay, onDelay }: { name: string; delay: SlaDelay; onDelay: (d: SlaDelay) => void }) {
  const { t } = useT();
  return (
    <span class="sla-delay">
      <input name={`${name}-amount`} type="number" min={1} max={1000} step={1} value={delay.amount} aria-label={t('options.priorities.amount')} onInput={(e) => onDelay({ ...delay, amount: Number(value(e)) })} />{' '}
      <select name={`${name}-unit`} value={delay.unit} aria-label={t('options.priorities.unit')} onChange={(e) => onDelay({ ...delay, unit: value(e) as SlaUnit })}>
        {SLA_UNITS.map((u) => (
          <option key={u} value={u}>{t(`options.sla.unit.${u}`)}</option>
        ))}
      </select>
    </span>
  );
}

export function ProposalSettingsForm({ settings, onChange }: ProposalSettingsFormProps) {
  const { t } = useT();
  const scope = settings.scope;
  const setScope = (patch: Partial<Settings['scope']>) => onChange({ ...settings, scope: { ...scope, ...patch } });
  const onRules = (which: ScopeClass, ids: string[]) => {
    const other = Object.entries(scope.rules).filter(([, c]) => c !== which).map(([id]) => id);
    setScope({ rules: which === 'quote' ? ruleChoices(ids, other) : ruleChoices(other, ids) });
  };
  const setSla = (id: TierId, patch: Partial<TierSla>) => onChange({ ...settings, sla: { ...settings.sla, [id]: { ...settings.sla[id], ...patch } } });
  const setDelay = (id: TierId, kind: 'response' | 'restore', p: PriorityId, d: SlaDelay) => setSla(id, { [kind]: { ...settings.sla[id][kind], [p]: d } });

  return (
    <>
      <fieldset data-testid="scope-settings">
        <legend>{t('options.scope.title')}</legend>
        <p class="muted">{t('options.scope.intro')}</p>
        <label>
          <input type="checkbox" name="scope-major-upgrade" checked={scope.majorUpgradeIsQuote} onChange={(e) => setScope({ majorUpgradeIsQuote: checked(e) })} />{' '}
          {t('options.scope.majorUpgrade')}
        </label>
        <label>
          <input type="checkbox" name="scope-no-https" checked={scope.noHttpsIsQuote} onChange={(e) => setScope({ noHttpsIsQuote: checked(e) })} />{' '}
          {t('options.scope.noHttps')}
        </label>
        <table>
          <thead>
            <tr>
              <th>{t('options.scope.family')}</th>
              <th>{t('options.scope.choice')}</th>
            </tr>
          </thead>
          <tbody>
            {Family.options.map((f) => (
              <tr key={f}>
                <th id={`scope-family-label-${f}`}>{t(`options.scope.family.${f}`)}</th>
                <td>
                  <select name={`scope-family-${f}`} aria-labelledby={`scope-family-label-${f}`} value={scope.families[f] ?? ''}
                    onChange={(e) => {
                      const { [f]: _old, ...rest } = scope.families;
                      const choice = value(e);
                      setScope({ families: choice === 'contract' || choice === 'quote' ? { ...rest, [f]: choice } : rest });
                    }}>
                    <option value="">{t('options.scope.choice.default')}</option>
                    <option value="contract">{t('proposal.scope.contract')}</option>
                    <option value="quote">{t('proposal.scope.quote')}</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <RuleList scope="quote" settings={settings} onRules={onRules} />
        <RuleList scope="contract" settings={settings} onRules={onRules} />
        <p class="muted">{t('options.scope.rules.help')}</p>
      </fieldset>

      <fieldset data-testid="sla-settings">
        <legend>{t('options.sla.title')}</legend>
        <p class="muted">{t('options.sla.intro')}</p>
        {TIERS.map((id) => {
          const sla = settings.sla[id];
          return (
            <div key={id} class="tier-settings" data-sla-tier={id}>
              <h3>{settings.tiers[id].name || t(`tier.${id}.name`)}</h3>
              <table>
                <thead>
                  <tr>
                    <th />
                    <th>{t('options.sla.response')}</th>
                    <th>{t('options.sla.restore')}</th>
                  </tr>
                </thead>
                <tbody>
                  {PRIORITIES.map((p) => (
                    <tr key={p}>
                      <th>{t(`priority.${p}.name`)}</th>
                      <td><DelayInput name={`${id}-${p}-response`} delay={sla.response[p]} onDelay={(d) => setDelay(id, 'response', p, d)} /></td>
                      <td><DelayInput name={`${id}-${p}-restore`} delay={sla.restore[p]} onDelay={(d) => setDelay(id, 'restore', p, d)} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Field label={t('options.sla.availability')}>
                <input name={`${id}-availability`} type="number" min={90} max={100} step={0.01} value={sla.availability} onInput={(e) => setSla(id, { availability: Number(value(e)) })} />
              </Field>
              <Field label={t('options.sla.reporting')}>
                <select name={`${id}-reporting`} value={sla.reporting} onChange={(e) => setSla(id, { reporting: value(e) as Reporting })}>
                  {REPORTING.map((r) => (
                    <option key={r} value={r}>{t(`proposal.reporting.${r}`)}</option>
                  ))}
                </select>
              </Field>
              <Field label={t('options.sla.perBreach')}>
                <input name={`${id}-per-breach`} type="number" min={0} max={100} step={0.5} value={sla.compensation.percentPerBreach} onInput={(e) => setSla(id, { compensation: { ...sla.compensation, percentPerBreach: Number(value(e)) } })} />
              </Field>
              <Field label={t('options.sla.cap')}>
                <input name={`${id}-cap`} type="number" min={0} max={100} step={0.5} value={sla.compensation.capPercent} onInput={(e) => setSla(id, { compensation: { ...sla.compensation, capPercent: Number(value(e)) } })} />
              </Field>
            </div>
          );
        })}
      </fieldset>

      <fieldset data-testid="questionnaire-links">
        <legend>{t('options.questionnaire.title')}</legend>
        <p class="muted">{t('options.questionnaire.intro')}</p>
        <p>
          {(['fr', 'en'] as const).map((lang) => (
            <a key={lang} href={browser.runtime.getURL(`/questionnaire.html?lang=${lang}`)} target="_blank" rel="noopener" data-testid={`questionnaire-link-${lang}`}>
              {t(`options.questionnaire.${lang}`)}
            </a>
          )).reduce<preact.ComponentChild[]>((all, a, i) => (i ? [...all, ' · ', a] : [a]), [])}
        </p>
      </fieldset>
    </>
  );
}
