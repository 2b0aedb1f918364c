import type { MonthlyReportData } from '../../lib/history/monthly';
import { SEVERITIES } from '../../lib/audit/schema';
import { useT } from '../i18n';
import { FindingLines, useFindingTitle } from './FindingLines';
import { PRIORITIES_ORDER } from './priorities';

/** The seven headings of the monthly report, drawn from the report data. */
export function MonthlySections({ data }: { data: MonthlyReportData }) {
  const { t, tn, date, number } = useT();
  const title = useFindingTitle();
  const version = (v: string | null) => v ?? t('history.monthly.tech.unknownVersion');
  const s = data.security;
  return (
    <div class="monthly-sections" data-testid="monthly-sections">
      <p class="muted">{tn('history.monthly.auditCount', data.auditCount)}</p>

      <h3>1. {t('history.monthly.availability')}</h3>
      <p>{data.availability.uptimePercent === null ? t('history.monthly.uptime.missing') : t('history.monthly.uptime.value', { value: number(data.availability.uptimePercent, { maximumFractionDigits: 3 }) })}</p>

      <h3>2. {t('history.monthly.incidents')}</h3>
      {data.incidentsAndRequests.tickets === null ? <p class="muted">{t('history.monthly.tickets.missing')}</p> : (
        <ul>{PRIORITIES_ORDER.map((p) => <li key={p}>{t('history.monthly.tickets.row', { priority: p, count: data.incidentsAndRequests.tickets![p] })}</li>)}</ul>
      )}
      {data.timeSpentHours !== null && <p>{t('history.monthly.timeSpent.value', { hours: number(data.timeSpentHours) })}</p>}

      <h3>3. {t('history.monthly.updates')}</h3>
      {data.updatesApplied.technologies.length === 0 ? <p class="muted">{t('history.monthly.updates.none')}</p> : (
        <ul data-testid="monthly-tech">
          {data.updatesApplied.technologies.map((c) => (
            <li key={c.name}>{c.from !== null && c.to !== null
              ? t('history.monthly.tech.changed', { name: c.name, from: version(c.from), to: version(c.to) })
              : c.to === null ? t('history.monthly.tech.removed', { name: c.name, from: version(c.from) })
              : t('history.monthly.tech.added', { name: c.name, to: version(c.to) })}</li>
          ))}
        </ul>
      )}
      {data.updatesApplied.fixedComponents.length > 0 && <FindingLines findings={data.updatesApplied.fixedComponents} />}

      <h3>4. {t('history.monthly.security')}</h3>
      {s.scoreTo !== null && <p>{t(`history.monthly.security.trend.${s.trend}`, { from: s.scoreFrom ?? s.scoreTo, to: s.scoreTo })}</p>}
      <h4>{t('history.monthly.security.fixed', { count: s.fixed.length })}</h4>
      <FindingLines findings={s.fixed} testId="monthly-fixed" />
      <h4>{t('history.monthly.security.appeared', { count: s.appeared.length })}</h4>
      <FindingLines findings={s.appeared} testId="monthly-appeared" />
      <h4>{t('history.monthly.security.open')}</h4>
      <ul class="inline-list">
        {SEVERITIES.map((sev) => <li key={sev}><span class={`chip sev-${sev}`}>{t(`severity.${sev}`)}</span> {number(s.openBySeverity[sev] ?? 0)}</li>)}
      </ul>

      <h3>5. {t('history.monthly.backups')}</h3>
      <ul>
        {data.backups.points.map((p) => <li key={p.id}>{t('history.monthly.backups.point', { point: p.id, label: t(`checklist.${p.id}.label`), status: t(`checklist.status.${p.status}`) })}</li>)}
      </ul>

      <h3>6. {t('history.monthly.performance')}</h3>
      <h4>{t('history.monthly.performance.fixed', { count: data.performance.fixed.length })}</h4>
      <FindingLines findings={data.performance.fixed} />
      <h4>{t('history.monthly.performance.appeared', { count: data.performance.appeared.length })}</h4>
      <FindingLines findings={data.performance.appeared} />
      <p>{tn('history.monthly.performance.open', data.performance.open)}</p>

      <h3>7. {t('history.monthly.recommendations')}</h3>
      {data.recommendations.length === 0 ? <p class="muted">{t('history.monthly.recommendations.none')}</p> : (
        <ol data-testid="monthly-recommendations">
          {data.recommendations.map((r) => (
            <li key={r.finding.id}>
              <span class={`chip sev-${r.finding.severity}`}>{t(`severity.${r.finding.severity}`)}</span> <span class="chip priority">{r.finding.priority}</span> <span class="finding-title">{title(r.finding)}</span>
              {r.firstSeen && r.multiplier !== null && <span class="muted"> — {t('history.monthly.age', { date: date(r.firstSeen), multiplier: r.multiplier })}</span>}
            </li>
          ))}
        </ol>
      )}
      {data.comment && <p class="agency-comment">{data.comment}</p>}
    </div>
  );
}
