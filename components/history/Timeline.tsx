import type { AuditSummary } from '../../lib/history/model';
import { useT } from '../i18n';

export interface TimelineProps {
  summaries: readonly AuditSummary[];
  selected: readonly string[];
  onToggle: (id: string) => void;
  onDelete: (summary: AuditSummary) => void;
}

/** A domain's audits, newest first, from summaries only. Two can be ticked for a comparison. */
export function Timeline({ summaries, selected, onToggle, onDelete }: TimelineProps) {
  const { t, dateTime, number } = useT();
  return (
    <table data-testid="timeline">
      <thead>
        <tr>
          <th scope="col">{t('history.col.compare')}</th>
          <th scope="col">{t('history.col.date')}</th>
          <th scope="col" class="num">{t('history.col.score')}</th>
          <th scope="col">{t('history.col.grade')}</th>
          <th scope="col" class="num">{t('history.col.findings')}</th>
          <th scope="col">{t('history.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {summaries.map((s) => {
          const checked = selected.includes(s.id);
          const when = dateTime(s.startedAt);
          return (
            <tr key={s.id} data-audit-id={s.id}>
              <td>
                <input type="checkbox" checked={checked} disabled={!checked && selected.length >= 2}
                  aria-label={t('history.compare.select', { date: when })} onChange={() => onToggle(s.id)} />
              </td>
              <td>{when}</td>
              <td class="num">{number(s.score)}</td>
              <td><span class={`chip grade-chip grade-${s.grade[0]}`}>{s.grade}</span></td>
              <td class="num">{number(s.findingCount)}</td>
              <td class="actions">
                <a href={`/report.html?id=${encodeURIComponent(s.id)}`} target="_blank" rel="noopener">{t('history.openReport')}</a>
                <button type="button" class="link-danger" aria-label={t('history.delete.audit.label', { date: when })} onClick={() => onDelete(s)}>
                  {t('history.delete.audit')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
