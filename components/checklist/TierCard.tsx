/**
 * The recommended tier with its reasons, the agency's three tiers (names, contents and SLAs from the
 * options, the catalogue's wording otherwise), the three engagement models, and the criticality
 * question when the page lets the user declare it.
 */
import type { Diagnosis } from '../../lib/audit/schema';
import { ENGAGEMENT_MODELS, TIERS, type Criticality, type Settings, type TierId } from '../../lib/settings/schema';
import { Fragment } from 'preact';
import { useT } from '../i18n';
import type { Translator } from '../../lib/i18n';

export function tierText(t: Translator['t'], tiers: Settings['tiers'], id: TierId, field: 'name' | 'contents' | 'sla'): string {
  return tiers[id][field]?.trim() || t(`tier.${id}.${field}`);
}

export interface TierCardProps {
  tier: Diagnosis['tier'];
  tiers: Settings['tiers'];
  criticality?: Criticality;
  /** When given, the criticality question is shown and its answer reported. */
  onDeclareCriticality?: (level: Criticality) => void;
}

const LEVELS: readonly Criticality[] = ['low', 'medium', 'high'];

export function TierCard({ tier, tiers, criticality, onDeclareCriticality }: TierCardProps) {
  const { t } = useT();
  return (
    <section class="tier" data-testid="tier" data-recommended={tier.recommended}>
      <h2>{t('tier.title')}</h2>
      {onDeclareCriticality && (
        <fieldset class="criticality" data-testid="criticality">
          <legend>{t('criticality.title')}</legend>
          {LEVELS.map((level) => (
            <label key={level}>
              <input type="radio" name="criticality" value={level} checked={criticality === level} onChange={() => onDeclareCriticality(level)} />{' '}
              {t(`criticality.${level}`)}
            </label>
          ))}
        </fieldset>
      )}
      <p class="tier-recommended">
        <strong>{t('tier.recommended', { tier: tierText(t, tiers, tier.recommended, 'name') })}</strong>
      </p>
      <ul class="tier-reasons">
        {tier.reasons.map((r, i) => (
          <li key={i}>{t(r.key, r.params)}</li>
        ))}
      </ul>
      <div class="tier-grid">
        {TIERS.map((id) => (
          <article key={id} class={`tier-option${id === tier.recommended ? ' recommended' : ''}`} data-tier={id} aria-current={id === tier.recommended ? 'true' : undefined}>
            <h3>{tierText(t, tiers, id, 'name')}</h3>
            <p>{tierText(t, tiers, id, 'contents')}</p>
            <p class="muted">{tierText(t, tiers, id, 'sla')}</p>
            <p class="muted">{t('tier.model', { model: t(`engagement.${tiers[id].model}.name`) })}</p>
          </article>
        ))}
      </div>
      <details class="engagement-models">
        <summary>{t('engagement.title')}</summary>
        <dl>
          {ENGAGEMENT_MODELS.map((m) => (
            <Fragment key={m}>
              <dt>{t(`engagement.${m}.name`)}</dt>
              <dd>{t(`engagement.${m}.description`)}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
    </section>
  );
}
