/** Findings grouped by priority, each with its deadline, its age and its 1-5-15 cost multiplier. */
import type { Finding } from '../../lib/audit/schema';
import { findingAge } from '../../lib/diagnosis/finding-age';
import { PRIORITIES, type Settings } from '../../lib/settings/schema';
import { useT } from '../i18n';

export interface PrioritiesListProps {
  findings: Finding[];
  /** The audit's date: ages are counted to it. */
  now: Date;
  priorities: Settings['priorities'];
}

export function PrioritiesList({ findings, now, priorities }: PrioritiesListProps) {
  const { t, tn, dateTime } = useT();
  return (
    <section class="priorities" data-testid="priorities">
      <h2>{t('priorities.title')}</h2>
      <p class="muted">{t('finding.age.rule')}</p>
      {PRIORITIES.map((p) => {
        const inP = findings.filter((f) => f.priority === p);
        if (!inP.length) return null;
        const rule = priorities[p];
        return (
          <div key={p} class="priority-group" data-testid="priority-group" data-priority={p}>
            <h3>
              {t(`priority.${p}.name`)} <span class="muted">— {tn(`priority.delay.${rule.unit}`, rule.amount)}</span>
            </h3>
            <p class="muted">{rule.description?.trim() || t(`priority.${p}.description`)}</p>
            <ul class="priority-findings">
              {inP.map((f) => {
                const age = findingAge(f.firstSeen, now);
                return (
                  <li key={f.id} data-testid="priority-finding" data-finding-id={f.id} data-multiplier={age.multiplier}>
                    <span class={`chip sev-${f.severity}`}>{t(`severity.${f.severity}`)}</span>{' '}
                    <span class="finding-title">{t(f.message.key, f.message.params)}</span>
                    <div class="muted finding-schedule">
                      {f.deadline && <span>{t('finding.deadline', { date: dateTime(f.deadline) })}</span>}
                      {' · '}
                      <span>{age.ageDays === 0 ? t('finding.age.new') : tn('finding.age.days', age.ageDays)}</span>
                      {' · '}
                      <strong class={`multiplier m${age.multiplier}`}>{t('finding.age.multiplier', { multiplier: age.multiplier })}</strong>
                    </div>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
