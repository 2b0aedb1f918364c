import type { Audit } from '../../lib/audit/schema';
import { diffAudits } from '../../lib/history/diff';
import { useT } from '../i18n';
import { FindingLines } from './FindingLines';

/** Two audits side by side: score and grade, then new, fixed and unchanged findings, then checklist changes. */
export function CompareView({ a, b }: { a: Audit; b: Audit }) {
  const { t, dateTime } = useT();
  const diff = diffAudits(a, b);
  const [older, newer] = diff.olderId === a.id ? [a, b] : [b, a];
  const delta = diff.score.delta;
  const status = (s: string | null) => (s ? t(`checklist.status.${s}`) : t('history.compare.checklist.missing'));
  return (
    <section class="compare" data-testid="compare" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('history.compare.title')}</h2>
      <div class="compare-columns">
        <p><strong>{t('history.compare.before', { date: dateTime(older.startedAt) })}</strong></p>
        <p><strong>{t('history.compare.after', { date: dateTime(newer.startedAt) })}</strong></p>
      </div>
      <p data-testid="compare-score">
        {t('history.compare.score', { from: diff.score.from, to: diff.score.to })}{' '}
        ({delta > 0 ? t('history.compare.delta.up', { delta }) : delta < 0 ? t('history.compare.delta.down', { delta: -delta }) : t('history.compare.delta.same')})
        {' — '}
        {t(`history.compare.grade.${diff.grade.direction}`, { from: diff.grade.from, to: diff.grade.to })}
      </p>
      <div class="compare-columns">
        <div>
          <h3>{t('history.compare.fixed')} ({diff.fixed.length})</h3>
          <FindingLines findings={diff.fixed} testId="compare-fixed" />
        </div>
        <div>
          <h3>{t('history.compare.appeared')} ({diff.appeared.length})</h3>
          <FindingLines findings={diff.appeared} testId="compare-appeared" />
        </div>
      </div>
      <h3>{t('history.compare.unchanged')} ({diff.unchanged.length})</h3>
      <FindingLines findings={diff.unchanged} testId="compare-unchanged" />
      <h3>{t('history.compare.checklist')}</h3>
      {diff.checklist.length === 0 ? (
        <p class="muted">{t('history.compare.checklist.none')}</p>
      ) : (
        <ul data-testid="compare-checklist">
          {diff.checklist.map((c) => (
            <li key={c.point}>{t('history.compare.checklist.row', { point: c.point, label: t(`checklist.${c.point}.label`), from: status(c.from), to: status(c.to) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
