import type { DomainRecord } from '../../lib/history/model';
import { scoreTrend } from '../../lib/history/trend';
import { useT } from '../i18n';
import { TrendMark } from './TrendMark';

/** Every audited domain from its summary row: no audit is read to draw this table. */
export function DomainList({ rows, onOpen }: { rows: readonly DomainRecord[]; onOpen: (domain: string) => void }) {
  const { t, dateTime, number } = useT();
  return (
    <table data-testid="domain-list">
      <thead>
        <tr>
          <th scope="col">{t('history.col.domain')}</th>
          <th scope="col">{t('history.col.lastAudit')}</th>
          <th scope="col" class="num">{t('history.col.score')}</th>
          <th scope="col">{t('history.col.grade')}</th>
          <th scope="col">{t('history.col.trend')}</th>
          <th scope="col" class="num">{t('history.col.audits')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.domain} data-domain={row.domain}>
            <td>
              <a href={`?domain=${encodeURIComponent(row.domain)}`} aria-label={t('history.open', { domain: row.domain })}
                onClick={(e) => { e.preventDefault(); onOpen(row.domain); }}>{row.domain}</a>
            </td>
            <td>{dateTime(row.lastStartedAt)}</td>
            <td class="num">{number(row.lastScore)}</td>
            <td><span class={`chip grade-chip grade-${row.lastGrade[0]}`}>{row.lastGrade}</span></td>
            <td><TrendMark trend={scoreTrend(row.previousScore, row.lastScore)} /></td>
            <td class="num">{number(row.auditCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
