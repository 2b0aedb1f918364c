/**
 * A chart block as SVG shapes, shared by the HTML export (serialised with presentation attributes)
 * and the print page (Preact elements), so both draw the same picture. Colours are the light
 * scheme's tokens: paper is always light. Severity is never told by colour alone: each bar is
 * labelled with its word and its count. Pure; `text` and `title` are text, escaped by the renderers.
 */
import { FONT, LIGHT } from '../../design/tokens';
import { polylinePoints, scoreChartPoints } from '../../history/chart';
import type { ChartBlock, ScorePoint, SeverityBar } from '../doc';

export type SvgTag = 'rect' | 'line' | 'polyline' | 'circle' | 'text';

export interface SvgShape {
  tag: SvgTag;
  /** Fixed presentation attributes (names and values written here, never from the audit). */
  attrs: Record<string, string | number>;
  /** The content of a `text`. */
  text?: string;
  /** A `<title>` child: the tooltip of a point. */
  title?: string;
}

export interface ChartDrawing {
  width: number;
  height: number;
  /** Attributes of the `<svg>` itself (font). */
  attrs: Record<string, string | number>;
  shapes: SvgShape[];
}

/**
 * 11 px text (8.25 pt on paper), each drawing 320 × 80 px (85 × 21 mm): two fit side by side on
 * an A4 page, and the meeting report of an old WordPress keeps to its eight pages.
 */
const FONT_SIZE = 11;
/** The paper face, which every machine and word processor has. */
const ROOT = { 'font-family': FONT.paper, 'font-size': FONT_SIZE };
const WIDTH = 320;
const HEIGHT = 80;
const SEVERITY = { row: HEIGHT / 5, bar: 11, label: 76, count: 30 };
/** The plot's margins: the scale on the left, the scores above their dots, the dates below. */
const SCORE = { left: 28, right: 12, top: 14, bottom: 18 };

const round = (n: number) => Math.round(n * 10) / 10;
const label = (x: number, y: number, value: string, anchor: 'start' | 'middle' | 'end', fill: string, extra: Record<string, string | number> = {}): SvgShape => ({
  tag: 'text',
  attrs: { x, y, 'text-anchor': anchor, fill, ...extra },
  text: value,
});

/** Horizontal bars, critical at the top: the word on the left, the bar, then the count. */
function severityDrawing(bars: readonly SeverityBar[]): ChartDrawing {
  const { row, bar, label: labelWidth, count: countWidth } = SEVERITY;
  const longest = Math.max(1, ...bars.map((b) => b.count));
  const room = WIDTH - labelWidth - countWidth;
  const height = bars.length * row;
  const shapes: SvgShape[] = [{ tag: 'line', attrs: { x1: labelWidth, x2: labelWidth, y1: 0, y2: height, stroke: LIGHT.line, 'stroke-width': 1 } }];
  bars.forEach((b, i) => {
    const top = i * row;
    const baseline = round(top + row / 2 + FONT_SIZE * 0.35);
    const length = round((b.count / longest) * room);
    shapes.push(label(0, baseline, b.label, 'start', LIGHT.fg));
    if (b.count > 0) shapes.push({ tag: 'rect', attrs: { x: labelWidth, y: round(top + (row - bar) / 2), width: length, height: bar, fill: LIGHT.sevBg[b.severity] } });
    shapes.push(label(round(labelWidth + length + 5), baseline, String(b.count), 'start', LIGHT.fg, { 'font-weight': 'bold' }));
  });
  return { width: WIDTH, height, attrs: ROOT, shapes };
}

/** Scores 0–100 by date (lib/history/chart.ts places them in the plot), the first and last dated and valued. */
function scoreDrawing(points: readonly ScorePoint[]): ChartDrawing {
  const { left, right, top, bottom } = SCORE;
  const plot = { width: WIDTH - left - right, height: HEIGHT - top - bottom, padding: 0 };
  const placed = scoreChartPoints(points.map((p, i) => ({ id: String(i), startedAt: p.at, score: p.score })), plot)
    .map((p) => ({ ...p, x: round(p.x + left), y: round(p.y + top) }));
  const shapes: SvgShape[] = [];
  for (const value of [0, 50, 100]) {
    const y = round(top + (1 - value / 100) * plot.height);
    shapes.push({ tag: 'line', attrs: { x1: left, x2: WIDTH - right, y1: y, y2: y, stroke: LIGHT.line, 'stroke-width': 1 } });
    shapes.push(label(left - 5, round(y + FONT_SIZE * 0.35), String(value), 'end', LIGHT.muted));
  }
  if (placed.length > 1) shapes.push({ tag: 'polyline', attrs: { points: polylinePoints(placed), fill: 'none', stroke: LIGHT.accent, 'stroke-width': 2 } });
  for (const p of placed) shapes.push({ tag: 'circle', attrs: { cx: p.x, cy: p.y, r: 3, fill: LIGHT.accent }, title: points[Number(p.id)]!.text });
  const first = placed[0];
  const last = placed[placed.length - 1];
  if (first && last) {
    const below = HEIGHT - 4;
    const [from, to] = [points[Number(first.id)]!.date, points[Number(last.id)]!.date];
    shapes.push(label(first.x, below, from, 'start', LIGHT.muted));
    // Audits of one day are dated once.
    if (to !== from) shapes.push(label(last.x, below, to, 'end', LIGHT.muted));
    for (const p of last !== first ? [first, last] : [first]) shapes.push(label(p.x, round(p.y - 5), String(p.score), p === first ? 'start' : 'end', LIGHT.fg, { 'font-weight': 'bold' }));
  }
  return { width: WIDTH, height: HEIGHT, attrs: ROOT, shapes };
}

export function chartDrawing(block: ChartBlock): ChartDrawing {
  return block.chart === 'severity' ? severityDrawing(block.bars) : scoreDrawing(block.points);
}
