import type { Trend } from '../../lib/history/trend';
import { useT } from '../i18n';

const SYMBOL: Record<Trend, string> = { up: '▲', down: '▼', flat: '=', none: '·' };

/** A trend arrow with its meaning spelled out for screen readers and on hover. */
export function TrendMark({ trend }: { trend: Trend }) {
  const { t } = useT();
  const label = t(`history.trend.${trend}`);
  return (
    <span class={`trend trend-${trend}`} title={label} data-trend={trend}>
      <span aria-hidden="true">{SYMBOL[trend]}</span>
      <span class="visually-hidden">{label}</span>
    </span>
  );
}
