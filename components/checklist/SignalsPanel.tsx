/** The ten alert signals with their state and reasons. */
import type { Signal } from '../../lib/audit/schema';
import { useT } from '../i18n';

export function SignalsPanel({ signals }: { signals: Signal[] }) {
  const { t } = useT();
  return (
    <section class="signals" data-testid="signals">
      <h2>{t('signals.title')}</h2>
      <ul class="signal-list">
        {signals.map((s) => (
          <li key={s.id} class={`signal state-${s.state} level-${s.level}`} data-testid="signal" data-signal={s.id} data-state={s.state}>
            <div class="signal-head">
              <span class={`chip state-${s.state}`}>{t(`signal.state.${s.state}`)}</span>
              <span class={`chip level-${s.level}`}>{t(`signal.level.${s.level}`)}</span>
              <span class="signal-title">
                {s.id} · {t(`signal.${s.id}.title`)}
              </span>
            </div>
            {s.reasons.length > 0 && (
              <ul class="signal-reasons">
                {s.reasons.map((r, i) => (
                  <li key={i}>{t(r.key, r.params)}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
