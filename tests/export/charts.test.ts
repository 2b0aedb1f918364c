/**
 * The charts of the reports: the blocks (counts, descriptions in both languages, which audits the
 * score chart draws), where the levels place them, and every renderer: inline SVG with its title
 * and description in the HTML export, a table in Markdown, a sentence in text, hostile words
 * escaped everywhere.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { Audit, type Finding, type Severity } from '../../lib/audit/schema';
import { LIGHT } from '../../lib/design/tokens';
import { auditDoc, type ExportLevel, type HistoryPoint } from '../../lib/export';
import { SCORE_CHART_MAX, scoreChart, severityChart } from '../../lib/export/content/charts';
import { createExportContext } from '../../lib/export/context';
import type { ChartBlock, Doc } from '../../lib/export/doc';
import { chartDrawing } from '../../lib/export/render/chart-svg';
import { renderHtmlFragment } from '../../lib/export/render/html';
import { renderMarkdown } from '../../lib/export/render/markdown';
import { renderText } from '../../lib/export/render/text';
import type { Locale } from '../../lib/i18n';
import realistic from '../fixtures/audits/shop-example.json';

const ctx = (locale: Locale) => createExportContext({ locale, timeZone: 'UTC' });
const shop = () => Audit.parse(realistic);

/** Findings of the given severities (only the severity matters to the chart). */
function findings(...severities: Severity[]): Finding[] {
  const [template] = shop().findings;
  return severities.map((severity, i) => ({ ...template!, id: `f${i}`, severity }));
}

const severityOf = (locale: Locale, list: Finding[]) => severityChart(ctx(locale), list)[0] as Extract<ChartBlock, { chart: 'severity' }>;
const scoreOf = (locale: Locale, audit: Audit, history: HistoryPoint[]) => scoreChart(ctx(locale), audit, history)[0] as Extract<ChartBlock, { chart: 'score' }> | undefined;

describe('the findings-by-severity chart', () => {
  const list = findings('low', 'critical', 'high', 'low', 'high', 'low');

  it('counts each severity, critical first, with its word', () => {
    expect(severityOf('en', list).bars).toEqual([
      { severity: 'critical', label: 'Critical', count: 1 },
      { severity: 'high', label: 'High', count: 2 },
      { severity: 'medium', label: 'Medium', count: 0 },
      { severity: 'low', label: 'Low', count: 3 },
      { severity: 'info', label: 'Information', count: 0 },
    ]);
    expect(severityOf('fr', list).bars.map((b) => b.label)).toEqual(['Critique', 'Élevée', 'Moyenne', 'Faible', 'Information']);
  });

  it('says the numbers in words, in English and in French', () => {
    const en = severityOf('en', list);
    expect(en.title).toBe('Findings by severity');
    expect(en.description).toBe('6 findings: 1 critical, 2 high, 0 medium, 3 low, and 0 informational.');
    expect(en.columns).toEqual(['Severity', 'Findings']);
    const fr = severityOf('fr', list);
    expect(fr.title).toBe('Constats par gravité');
    expect(fr.description).toBe('6 constats : 1 critique, 2 élevés, 0 moyen, 3 faibles et 0 informatif.');
    expect(fr.columns).toEqual(['Gravité', 'Constats']);
    expect(severityOf('en', findings('info')).description).toBe('1 finding: 0 critical, 0 high, 0 medium, 0 low, and 1 informational.');
    expect(severityOf('fr', findings('info', 'info')).description).toBe('2 constats : 0 critique, 0 élevé, 0 moyen, 0 faible et 2 informatifs.');
  });

  it('is left out when there is no finding', () => {
    expect(severityChart(ctx('en'), [])).toEqual([]);
  });
});

describe('the score-over-time chart', () => {
  const audit = shop(); // 20 November 2026, score 55
  const earlier: HistoryPoint[] = [
    { startedAt: '2026-08-21T09:00:00.000Z', score: 40 },
    { startedAt: '2026-06-02T09:00:00.000Z', score: 25 },
  ];

  it('draws the earlier audits and this one, oldest first, and words them', () => {
    const en = scoreOf('en', audit, earlier)!;
    expect(en.points.map((p) => [p.at, p.score])).toEqual([['2026-06-02T09:00:00.000Z', 25], ['2026-08-21T09:00:00.000Z', 40], [audit.startedAt, 55]]);
    expect(en.title).toBe('Score over time');
    expect(en.description).toBe('Score from 25 on June 2, 2026 to 55 on November 20, 2026, 3 audits.');
    expect(en.points[0]).toMatchObject({ date: 'June 2, 2026', text: 'June 2, 2026: 25/100' });
    expect(en.columns).toEqual(['Date', 'Score']);
    const fr = scoreOf('fr', audit, earlier)!;
    expect(fr.title).toBe('Évolution du score');
    expect(fr.description).toBe('Score de 25 le 2 juin 2026 à 55 le 20 novembre 2026, 3 audits.');
    expect(fr.points[2]!.text).toBe('20 novembre 2026 : 55/100');
  });

  it('counts this audit once, leaves out later audits and entries it cannot draw', () => {
    const history = [
      ...earlier,
      { startedAt: audit.startedAt, score: 99 },
      { startedAt: '2027-01-05T00:00:00.000Z', score: 80 },
      { startedAt: '<script>alert(1)</script>', score: 10 },
      { startedAt: '2026-07-01T00:00:00.000Z', score: Number.NaN },
      { startedAt: '2026-07-02T00:00:00.000Z', score: Number.POSITIVE_INFINITY },
    ];
    expect(scoreOf('en', audit, history)!.points.map((p) => p.score)).toEqual([25, 40, 55]);
  });

  it(`needs two audits, and draws the last ${SCORE_CHART_MAX} at most`, () => {
    expect(scoreChart(ctx('en'), audit)).toEqual([]);
    expect(scoreChart(ctx('en'), audit, [{ startedAt: audit.startedAt, score: 55 }])).toEqual([]);
    expect(scoreOf('en', audit, earlier.slice(0, 1))!.points).toHaveLength(2);
    const monthly = Array.from({ length: 40 }, (_, i) => ({ startedAt: new Date(Date.UTC(2023, i, 1)).toISOString(), score: i }));
    const points = scoreOf('en', audit, monthly)!.points;
    expect(points).toHaveLength(SCORE_CHART_MAX);
    expect(points[0]!.score).toBe(40 - (SCORE_CHART_MAX - 1));
    expect(points.at(-1)!.at).toBe(audit.startedAt);
  });
});

describe('where the levels place the charts', () => {
  const audit = shop();
  const history = [{ startedAt: '2026-08-21T09:00:00.000Z', score: 40 }];
  const charts = (level: ExportLevel, withHistory = true) =>
    auditDoc(audit, { locale: 'en', level, timeZone: 'UTC', ...(withHistory ? { history } : {}) }).blocks.filter((b): b is ChartBlock => b.kind === 'chart').map((b) => b.chart);

  it('the standard and full reports: findings by severity, then the score when the history has two audits', () => {
    for (const level of ['standard', 'full'] as const) {
      expect(charts(level)).toEqual(['severity', 'score']);
      expect(charts(level, false)).toEqual(['severity']);
    }
  });

  it('right under the summary sentence that counts the findings', () => {
    const { blocks } = auditDoc(audit, { locale: 'en', level: 'standard', timeZone: 'UTC', history });
    const at = blocks.findIndex((b) => b.kind === 'chart');
    expect(blocks[at - 2]).toMatchObject({ kind: 'heading', level: 2, text: 'Executive summary' });
    expect(blocks[at - 1]!.kind).toBe('paragraph');
  });

  it('not the email, the proposal or the one-page summary', () => {
    for (const level of ['email', 'proposal', 'summary'] as const) expect(charts(level)).toEqual([]);
  });
});

const HOSTILE_WORDS = '<script>alert("x")</script> & "quoted" \'single\'';
const hostileSeverity: ChartBlock = {
  kind: 'chart',
  chart: 'severity',
  title: `Title ${HOSTILE_WORDS}`,
  description: `Description ${HOSTILE_WORDS}`,
  columns: [`Col <b>1</b>`, 'Col | 2'],
  bars: [
    { severity: 'critical', label: `Crit ${HOSTILE_WORDS}`, count: 3 },
    { severity: 'high', label: '[x](javascript:alert(1))', count: 0 },
    { severity: 'medium', label: 'Medium', count: 1 },
    { severity: 'low', label: 'Low', count: 0 },
    { severity: 'info', label: 'Info', count: 6 },
  ],
};
const hostileScore: ChartBlock = {
  kind: 'chart',
  chart: 'score',
  title: `Score ${HOSTILE_WORDS}`,
  description: `Over time ${HOSTILE_WORDS}`,
  columns: ['Date', 'Score'],
  points: [
    { at: '2026-01-01T00:00:00.000Z', date: `<script>1</script> & "a"`, score: 20, text: `<img src=x onerror=alert(1)> "t" & 20` },
    { at: '2026-02-01T00:00:00.000Z', date: 'February 1, 2026', score: 35, text: 'February 1, 2026: 35/100' },
    { at: '2026-03-01T00:00:00.000Z', date: `"last" & <b>`, score: 70, text: 'third' },
  ],
};
const hostileDoc: Doc = { lang: 'en', title: 'Charts', blocks: [hostileSeverity, hostileScore] };

function parse(html: string) {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document.body;
}

describe('the HTML export draws inline SVG', () => {
  const html = renderHtmlFragment(hostileDoc);
  const body = parse(html);
  const [severity, score] = [...body.querySelectorAll('svg')];

  it('named by its title and described by its numbers in words, both escaped', () => {
    expect(severity!.getAttribute('role')).toBe('img');
    expect(severity!.firstElementChild!.tagName).toBe('title');
    expect(severity!.querySelector('title')!.textContent).toBe(hostileSeverity.title);
    expect(severity!.querySelector('desc')!.textContent).toBe(hostileSeverity.description);
    expect(score!.querySelector('title')!.textContent).toBe(hostileScore.title);
    expect(score!.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    // The words are printed under the drawing too, for readers that drop it.
    expect(body.textContent).toContain(hostileSeverity.description);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;');
    expect(body.querySelectorAll('script, img, a, foreignObject').length).toBe(0);
  });

  it('one bar per severity found, in its colour, and every severity written with its count', () => {
    const rects = [...severity!.querySelectorAll('rect')];
    expect(rects.map((r) => r.getAttribute('fill'))).toEqual([LIGHT.sevBg.critical, LIGHT.sevBg.medium, LIGHT.sevBg.info]);
    // The longest bar is the largest count; the others in proportion.
    const widths = rects.map((r) => Number(r.getAttribute('width')));
    expect(widths[2]).toBeGreaterThan(widths[0]!);
    expect(widths[0]! / widths[2]!).toBeCloseTo(3 / 6, 2);
    const texts = [...severity!.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual([`Crit ${HOSTILE_WORDS}`, '3', '[x](javascript:alert(1))', '0', 'Medium', '1', 'Low', '0', 'Info', '6']);
  });

  it('the score as a line through one dot per audit, each with its date and score as a tooltip', () => {
    const dots = [...score!.querySelectorAll('circle')];
    expect(dots.map((c) => c.querySelector('title')!.textContent)).toEqual(hostileScore.points.map((p) => p.text));
    expect(score!.querySelectorAll('polyline')).toHaveLength(1);
    expect(score!.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(3);
    // Oldest on the left, a higher score higher up (smaller y).
    const xs = dots.map((c) => Number(c.getAttribute('cx')));
    const ys = dots.map((c) => Number(c.getAttribute('cy')));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(ys[0]).toBeGreaterThan(ys[2]!);
    const texts = [...score!.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['0', '50', '100', hostileScore.points[0]!.date, hostileScore.points[2]!.date, '20', '70']));
  });

  it('draws with the light tokens only', () => {
    const colours = new Set([...body.querySelectorAll('svg *')].flatMap((el) => ['fill', 'stroke'].map((a) => el.getAttribute(a)).filter((v): v is string => !!v && v !== 'none')));
    const tokens = new Set([LIGHT.fg, LIGHT.muted, LIGHT.line, LIGHT.accent, ...Object.values(LIGHT.sevBg)]);
    for (const colour of colours) expect(tokens.has(colour), colour).toBe(true);
  });

  it('two drawings fit side by side on A4 (178 mm between the margins), and audits of one day are dated once', () => {
    for (const block of [hostileSeverity, hostileScore]) {
      const { width, height } = chartDrawing(block);
      expect(width * 2 * 0.2646).toBeLessThan(178 - 6);
      expect(height).toBeLessThanOrEqual(80);
    }
    const sameDay: ChartBlock = { ...hostileScore, points: [hostileScore.points[1]!, { ...hostileScore.points[1]!, at: '2026-02-01T10:00:00.000Z', score: 40 }] };
    const texts = chartDrawing(sameDay).shapes.filter((s) => s.tag === 'text').map((s) => s.text);
    expect(texts.filter((t) => t === 'February 1, 2026')).toHaveLength(1);
  });

  it('the drawing is the shared one (the print page draws the same shapes)', () => {
    const drawing = chartDrawing(hostileSeverity);
    expect(severity!.querySelectorAll('rect, line, polyline, circle, text')).toHaveLength(drawing.shapes.length);
  });
});

describe('Markdown and text have no drawing', () => {
  it('Markdown: the title, then a table of the numbers, escaped', () => {
    const md = renderMarkdown(hostileDoc);
    expect(md).not.toMatch(/<svg|<rect|<title/);
    expect(md).toContain('| Col \\<b\\>1\\</b\\> | Col \\| 2 |');
    expect(md).toContain('| Crit \\<script\\>alert("x")\\</script\\> \\& "quoted" \'single\' | 3 |');
    expect(md).toContain('| February 1, 2026 | 35 |');
    const rendered = parse(micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true, allowDangerousProtocol: true }));
    expect(rendered.querySelectorAll('script, img, a, b, svg').length).toBe(0);
    expect(rendered.querySelectorAll('table')).toHaveLength(2);
    expect([...rendered.querySelectorAll('strong')].map((s) => s.textContent)).toEqual([hostileSeverity.title, hostileScore.title]);
    expect(rendered.querySelectorAll('tbody tr')).toHaveLength(hostileSeverity.bars.length + hostileScore.points.length);
  });

  it('text: the title and the numbers in words', () => {
    const text = renderText(hostileDoc);
    expect(text).toBe(`${hostileSeverity.title}\n${hostileSeverity.description}\n\n${hostileScore.title}\n${hostileScore.description}\n`);
  });
});
