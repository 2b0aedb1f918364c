import { polylinePoints, scoreChartPoints } from '../../lib/history/chart';
import type { AuditSummary } from '../../lib/history/model';
import { useT } from '../i18n';

const LAYOUT = { width: 640, height: 180, padding: 24 };

/** The score of each audit over time, as inline SVG (no chart library). */
export function ScoreChart({ summaries }: { summaries: readonly AuditSummary[] }) {
  const { t, tn, date } = useT();
  const points = scoreChartPoints(summaries.map((s) => ({ id: s.id, startedAt: s.startedAt, score: s.score })), LAYOUT);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const desc = tn('history.chart.desc', points.length, { from: date(first.startedAt), to: date(last.startedAt), first: first.score, last: last.score });
  const { width, height, padding } = LAYOUT;
  return (
    <figure class="score-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="score-chart-title score-chart-desc" data-testid="score-chart">
        <title id="score-chart-title">{t('history.chart.title')}</title>
        <desc id="score-chart-desc">{desc}</desc>
        {[0, 50, 100].map((v) => {
          const y = padding + (1 - v / 100) * (height - 2 * padding);
          return (
            <g key={v} class="chart-grid">
              <line x1={padding} x2={width - padding} y1={y} y2={y} />
              <text x={padding - 4} y={y + 4} text-anchor="end">{v}</text>
            </g>
          );
        })}
        {points.length > 1 && <polyline class="chart-line" points={polylinePoints(points)} fill="none" />}
        {points.map((p) => (
          <circle key={p.id} class="chart-dot" cx={p.x} cy={p.y} r={4}>
            <title>{t('history.chart.point', { date: date(p.startedAt), score: p.score })}</title>
          </circle>
        ))}
      </svg>
      <figcaption class="muted">{desc}</figcaption>
    </figure>
  );
}
