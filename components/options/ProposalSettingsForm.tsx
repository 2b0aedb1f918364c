/**
 * Options for the proposal part of the report: the service levels of each tier (response and
 * restoration per priority, availability, reporting, compensation) and what the monthly fee covers
 * (scope). They edit a Settings value; saving and validation are the options page's (StrictSettings).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Family } from '../../lib/audit/schema';
import { parseRuleList, ruleChoices, ruleListText } from '../../lib/proposal/rule-list';
import { REPORTING, SLA_UNITS, type Reporting, type ScopeClass, type SlaDelay, type SlaUnit, type TierSla } from '../../lib/settings/proposal';
import { PRIORITIES, TIERS, type PriorityId, type Settings, type TierId } from '../../lib/settings/schema';
import { useT } from '../i18n';
import { ariaFor, Field, FieldError, NumberInput } from './form';
import { fieldId, tierName } from './settings-problems';

export interface ProposalSectionProps {
  settings: Settings;
  onChange: (next: Settings) => void;
  errorOf?: (id: string) => string | null | undefined;
}

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
const checked = (e: Event) => (e.currentTarget as HTMLInputElement).checked;
const none = () => null;

function Section({ id, title, intro, testId, children }: { id: string; title: string; intro: string; testId: string; children: ComponentChildren }) {
  return (
    <section class="form-section" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p class="form-intro">{intro}</p>
      {children}
    </section>
  );
}

const RULES_HELP = 'opt-scope-rules-help';
const EXAMPLE_RULES = ['components.eol', 'csp.missing'] as const;

/** The help on check ids, with the example ids shown as code (they are values, not words). */
function ruleIdsHelp(t: (key: string, params?: Record<string, string>) => string) {
  const [before, between, after] = t('options.scope.rules.help', { first: '\u0000', second: '\u0000' }).split('\u0000');
  return (
    <>
      {before}<code>{EXAMPLE_RULES[0]}</code>{between}<code>{EXAMPLE_RULES[1]}</code>{after}
    </>
  );
}

function RuleList({ scope, settings, onRules }: { scope: ScopeClass; settings: Settings; onRules: (scope: ScopeClass, ids: string[]) => void }) {
  const { t, tn } = useT();
  const [text, setText] = useState(() => ruleListText(settings.scope.rules, scope));
  const { invalid } = parseRuleList(text);
  const id = scope === 'quote' ? fieldId(['scope', 'rules']) : fieldId(['scope', 'rules', 'contract']);
  const warningId = `${id}-warning`;
  return (
    <Field id={id} label={t(`options.scope.rules.${scope}`)}>
      <textarea {...ariaFor(id, { extra: invalid > 0 ? `${RULES_HELP} ${warningId}` : RULES_HELP })} name={`scope-rules-${scope}`} rows={3} value={text} placeholder="components.eol" spellcheck={false}
        onInput={(e) => {
          const next = value(e);
          setText(next);
          onRules(scope, parseRuleList(next).ids);
        }} />
      {invalid > 0 && <p class="field-warning" id={warningId} data-testid={`scope-rules-${scope}-invalid`}>{tn('options.scope.rules.invalid', invalid)}</p>}
    </Field>
  );
}

function DelayInput({ id, name, delay, labelledBy, unitLabel, error, onDelay }: { id: string; name: string; delay: SlaDelay; labelledBy: string; unitLabel: string; error?: string | null; onDelay: (d: SlaDelay) => void }) {
  const { t } = useT();
  return (
    <div class={`sla-delay${error ? ' field-invalid' : ''}`} data-field={id}>
      <div class="control-pair">
        <NumberInput id={id} name={`${name}-amount`} integer value={delay.amount} aria-labelledby={labelledBy} describedBy={ariaFor(id, { error })} onValue={(n) => onDelay({ ...delay, amount: n })} />
        <select name={`${name}-unit`} value={delay.unit} aria-labelledby={`${labelledBy} ${unitLabel}`} onChange={(e) => onDelay({ ...delay, unit: value(e) as SlaUnit })}>
          {SLA_UNITS.map((u) => (
            <option key={u} value={u}>{t(`options.sla.unit.${u}`)}</option>
          ))}
        </select>
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Service levels and compensation, one group per tier. */
export function SlaSettingsSection({ settings, onChange, errorOf = none }: ProposalSectionProps) {
  const { t } = useT();
  const setSla = (id: TierId, patch: Partial<TierSla>) => onChange({ ...settings, sla: { ...settings.sla, [id]: { ...settings.sla[id], ...patch } } });
  const setDelay = (id: TierId, kind: 'response' | 'restore', p: PriorityId, d: SlaDelay) => setSla(id, { [kind]: { ...settings.sla[id][kind], [p]: d } });
  return (
    <Section id="opt-sla" title={t('options.sla.title')} intro={t('options.sla.intro')} testId="sla-settings">
      {TIERS.map((id) => {
        const sla = settings.sla[id];
        const f = (...path: string[]) => fieldId(['sla', id, ...path]);
        const col = (kind: string) => `opt-sla-${id}-col-${kind}`;
        const unitLabel = `opt-sla-${id}-unit-label`;
        return (
          <fieldset key={id} class="form-group tier-settings" data-sla-tier={id}>
            <legend><h3>{t('options.sla.tier', { tier: tierName(settings, id, t) })}</h3></legend>
            <span hidden id={unitLabel}>{t('options.priorities.unit')}</span>
            <div class="form-table-wrap">
              <table class="form-table">
                <thead>
                  <tr>
                    <th scope="col">{t('options.priorities.priority')}</th>
                    <th scope="col" id={col('response')}>{t('options.sla.response')}</th>
                    <th scope="col" id={col('restore')}>{t('options.sla.restore')}</th>
                  </tr>
                </thead>
                <tbody>
                  {PRIORITIES.map((p) => {
                    const row = `opt-sla-${id}-${p}-name`;
                    return (
                      <tr key={p}>
                        <th scope="row" id={row}>{t(`priority.${p}.name`)}</th>
                        {(['response', 'restore'] as const).map((kind) => (
                          <td key={kind}>
                            <DelayInput id={f(kind, p, 'amount')} name={`${id}-${p}-${kind}`} delay={sla[kind][p]} labelledBy={`${col(kind)} ${row}`} unitLabel={unitLabel}
                              error={errorOf(f(kind, p, 'amount'))} onDelay={(d) => setDelay(id, kind, p, d)} />
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div class="field-row">
              <Field id={f('availability')} label={t('options.sla.availability')} size="short" error={errorOf(f('availability'))}>
                <NumberInput id={f('availability')} name={`${id}-availability`} value={sla.availability} describedBy={ariaFor(f('availability'), { error: errorOf(f('availability')) })} onValue={(n) => setSla(id, { availability: n })} />
              </Field>
              <Field id={f('reporting')} label={t('options.sla.reporting')} size="medium" error={errorOf(f('reporting'))}>
                <select {...ariaFor(f('reporting'), { error: errorOf(f('reporting')) })} name={`${id}-reporting`} value={sla.reporting} onChange={(e) => setSla(id, { reporting: value(e) as Reporting })}>
                  {REPORTING.map((r) => (
                    <option key={r} value={r}>{t(`proposal.reporting.${r}`)}</option>
                  ))}
                </select>
              </Field>
            </div>
            <div class="field-row">
              {(['percentPerBreach', 'capPercent'] as const).map((key) => {
                const fid = f('compensation', key);
                return (
                  <Field key={key} id={fid} label={t(key === 'capPercent' ? 'options.sla.cap' : 'options.sla.perBreach')} size="short" error={errorOf(fid)}>
                    <NumberInput id={fid} name={`${id}-${key === 'capPercent' ? 'cap' : 'per-breach'}`} value={sla.compensation[key]} describedBy={ariaFor(fid, { error: errorOf(fid) })}
                      onValue={(n) => setSla(id, { compensation: { ...sla.compensation, [key]: n } })} />
                  </Field>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </Section>
  );
}

/** What the monthly fee covers: the two toggles, a choice per kind of check, and per-check lists. */
export function ScopeSettingsSection({ settings, onChange }: ProposalSectionProps) {
  const { t } = useT();
  const scope = settings.scope;
  const setScope = (patch: Partial<Settings['scope']>) => onChange({ ...settings, scope: { ...scope, ...patch } });
  const onRules = (which: ScopeClass, ids: string[]) => {
    const other = Object.entries(scope.rules).filter(([, c]) => c !== which).map(([id]) => id);
    setScope({ rules: which === 'quote' ? ruleChoices(ids, other) : ruleChoices(other, ids) });
  };
  return (
    <Section id="opt-scope" title={t('options.scope.title')} intro={t('options.scope.intro')} testId="scope-settings">
      <fieldset class="form-choices">
        <legend class="field-label">{t('options.scope.toggles')}</legend>
        <label class="choice">
          <input type="checkbox" name="scope-major-upgrade" checked={scope.majorUpgradeIsQuote} onChange={(e) => setScope({ majorUpgradeIsQuote: checked(e) })} />
          {t('options.scope.majorUpgrade')}
        </label>
        <label class="choice">
          <input type="checkbox" name="scope-no-https" checked={scope.noHttpsIsQuote} onChange={(e) => setScope({ noHttpsIsQuote: checked(e) })} />
          {t('options.scope.noHttps')}
        </label>
      </fieldset>
      <div class="form-table-wrap">
        <table class="form-table form-table-narrow">
          <thead>
            <tr>
              <th scope="col">{t('options.scope.family')}</th>
              <th scope="col">{t('options.scope.choice')}</th>
            </tr>
          </thead>
          <tbody>
            {Family.options.map((f) => (
              <tr key={f}>
                <th scope="row" id={`scope-family-label-${f}`}>{t(`options.scope.family.${f}`)}</th>
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
      </div>
      <p class="form-intro" id={RULES_HELP}>{ruleIdsHelp(t)}</p>
      <div class="field-row field-row-wide">
        <RuleList scope="quote" settings={settings} onRules={onRules} />
        <RuleList scope="contract" settings={settings} onRules={onRules} />
      </div>
    </Section>
  );
}

/** Links to the blank client questionnaire, in both languages. */
export function QuestionnaireSection() {
  const { t } = useT();
  return (
    <Section id="opt-questionnaire" title={t('options.questionnaire.title')} intro={t('options.questionnaire.intro')} testId="questionnaire-links">
      <ul class="link-list">
        {(['fr', 'en'] as const).map((lang) => (
          <li key={lang}>
            <a href={browser.runtime.getURL(`/questionnaire.html?lang=${lang}`)} target="_blank" rel="noopener" data-testid={`questionnaire-link-${lang}`}>
              {t(`options.questionnaire.${lang}`)}
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}
