/** The verdict: rule of three criticals (prominent when probable), validation rule and due dates. */
import type { ChecklistPoint, Diagnosis, Signal } from '../../lib/audit/schema';
import { threeCriticals } from '../../lib/diagnosis/three-criticals';
import { blockingPoints } from '../../lib/diagnosis/validation';
import { useT } from '../i18n';

export interface VerdictBannerProps {
  signals: Signal[];
  diagnosis: Diagnosis;
  points: ChecklistPoint[];
}

export function VerdictBanner({ signals, diagnosis, points }: VerdictBannerProps) {
  const { t, date } = useT();
  const three = threeCriticals(signals);
  const blocking = blockingPoints(points);
  return (
    <section class="verdict" data-testid="verdict" data-three={three.state} data-sufficient={String(diagnosis.sufficient)}>
      {three.state === 'probable' && (
        <div class="verdict-alarm" role="alert" data-testid="three-criticals">
          <strong>{t(three.messages[0]!.key, three.messages[0]!.params)}</strong>
        </div>
      )}
      {three.state === 'possible' && (
        <div class="verdict-warning" data-testid="three-criticals">
          {three.messages.map((m, i) => (
            <p key={i}>{t(m.key, m.params)}</p>
          ))}
        </div>
      )}
      <p class={diagnosis.sufficient ? 'verdict-ok' : 'verdict-ko'} data-testid="sufficiency">
        {diagnosis.sufficient ? t('verdict.sufficient') : t('verdict.insufficient', { points: blocking.join(', ') })}
      </p>
      {diagnosis.dueDates.length > 0 && (
        <details class="verdict-due">
          <summary>{t('verdict.due.title')} ({diagnosis.dueDates.length})</summary>
          <ul>
            {diagnosis.dueDates.map((d) => (
              <li key={d.point}>{t('verdict.due.item', { point: d.point, date: date(d.due) })}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
