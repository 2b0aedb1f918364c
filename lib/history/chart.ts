/** Geometry of the score chart (drawn as inline SVG by the history page). Pure. */

export interface ChartPoint { x: number; y: number; id: string; score: number; startedAt: string }

export interface ChartLayout { width: number; height: number; padding: number }

/** Places scores (0–100, clamped; some grading scales exceed 100) by date, oldest on the left. */
export function scoreChartPoints(points: readonly { id: string; startedAt: string; score: number }[], layout: ChartLayout): ChartPoint[] {
  const sorted = [...points].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  if (sorted.length === 0) return [];
  const times = sorted.map((p) => Date.parse(p.startedAt));
  const t0 = Math.min(...times);
  const span = Math.max(...times) - t0;
  const innerW = layout.width - 2 * layout.padding;
  const innerH = layout.height - 2 * layout.padding;
  return sorted.map((p, i) => {
    const fraction = span > 0 ? (times[i]! - t0) / span : sorted.length === 1 ? 0.5 : i / (sorted.length - 1);
    const clamped = Math.min(100, Math.max(0, p.score));
    return {
      x: Math.round((layout.padding + fraction * innerW) * 10) / 10,
      y: Math.round((layout.padding + (1 - clamped / 100) * innerH) * 10) / 10,
      id: p.id,
      score: p.score,
      startedAt: p.startedAt,
    };
  });
}

export function polylinePoints(points: readonly ChartPoint[]): string {
  return points.map((p) => `${p.x},${p.y}`).join(' ');
}
