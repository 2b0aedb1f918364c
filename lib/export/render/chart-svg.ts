/**
 * A chart block as SVG shapes, shared by the HTML export (serialised with presentation attributes)
 * and the print page (Preact elements), so both draw the same picture. Colours are the light
 * scheme's tokens: paper is always light. Severity is never told by colour alone: each bar is
 * labelled with its word and its count. Pure; `text` and `title` are text, escaped by the renderers.
 */
import { LIGHT } from '../../design/tokens';
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

/** 12 px text, that is 9 pt on paper. */
const FONT_SIZE = 12;
const ROOT = { 'font-family': 'Arial, Helvetica, sans-serif', 'font-size': FONT_SIZE };
const SEVERITY = { width: 440, row: 20, bar: 14, label: 100, count: 40 };
const SCORE = { width: 560, height: 150, padding: 30 };

const round = (n: number) => Math.round(n * 10) / 10;
const label = (x: number, y: number, value: string, anchor: 'start' | 'middle' | 'end', fill: string, extra: Record<string, string | number> = {}): SvgShape => ({
  tag: 'text',
  attrs: { x, y, 'text-anchor': anchor, fill, ...extra },
  text: value,
});

/** Horizontal bars, critical at the top: the word on the left, the bar, then the count. */
function severityDrawing(bars: readonly SeverityBar[]): ChartDrawing {
  const { width, row, bar, label: labelWidth, count: countWidth } = SEVERITY;
  const longest = Math.max(1, ...bars.map((b) => b.count));
  const room = width - labelWidth - countWidth;
  const height = bars.length * row;
  const shapes: SvgShape[] = [{ tag: 'line', attrs: { x1: labelWidth, x2: labelWidth, y1: 0, y2: height, stroke: LIGHT.line, 'stroke-width': 1 } }];
  bars.forEach((b, i) => {
    const top = i * row;
    const baseline = round(top + row / 2 + FONT_SIZE * 0.35);
    const length = round((b.count / longest) * room);
    shapes.push(label(0, baseline, b.label, 'start', LIGHT.fg));
    if (b.count > 0) shapes.push({ tag: 'rect', attrs: { x: labelWidth, y: top + (row - bar) / 2, width: length, height: bar, fill: LIGHT.sevBg[b.severity] } });
    shapes.push(label(round(labelWidth + length + 6), baseline, String(b.count), 'start', LIGHT.fg, { 'font-weight': 'bold' }));
  });
  return { width, height, attrs: ROOT, shapes };
}

/** Scores 0–100 by date (lib/history/chart.ts places them), the first and last dated and valued. */
function scoreDrawing(points: readonly ScorePoint[]): ChartDrawing {
  const { width, height, padding } = SCORE;
  const placed = scoreChartPoints(points.map((p, i) => ({ id: String(i), startedAt: p.at, score: p.score })), SCORE);
  const shapes: SvgShape[] = [];
  for (const value of [0, 50, 100]) {
    const y = round(padding + (1 - value / 100) * (height - 2 * padding));
    shapes.push({ tag: 'line', attrs: { x1: padding, x2: width - padding, y1: y, y2: y, stroke: LIGHT.line, 'stroke-width': 1 } });
    shapes.push(label(padding - 6, round(y + FONT_SIZE * 0.35), String(value), 'end', LIGHT.muted));
  }
  if (placed.length > 1) shapes.push({ tag: 'polyline', attrs: { points: polylinePoints(placed), fill: 'none', stroke: LIGHT.accent, 'stroke-width': 2 } });
  for (const p of placed) shapes.push({ tag: 'circle', attrs: { cx: p.x, cy: p.y, r: 3.5, fill: LIGHT.accent }, title: points[Number(p.id)]!.text });
  const first = placed[0];
  const last = placed[placed.length - 1];
  if (first && last) {
    const below = height - padding + 18;
    shapes.push(label(first.x, below, points[Number(first.id)]!.date, 'start', LIGHT.muted));
    if (last !== first) shapes.push(label(last.x, below, points[Number(last.id)]!.date, 'end', LIGHT.muted));
    for (const p of last !== first ? [first, last] : [first]) shapes.push(label(p.x, round(p.y - 7), String(p.score), 'middle', LIGHT.fg, { 'font-weight': 'bold' }));
  }
  return { width, height, attrs: ROOT, shapes };
}

export function chartDrawing(block: ChartBlock): ChartDrawing {
  return block.chart === 'severity' ? severityDrawing(block.bars) : scoreDrawing(block.points);
}
