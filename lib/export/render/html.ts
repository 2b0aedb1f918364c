/**
 * Rich HTML with inline styles only (no classes, no <style>), so that it keeps its look when pasted
 * into Google Docs, Word or an email. Every string is escaped; the only links are Vigie's own https
 * addresses; the only image is the agency logo, a validated raster data: URL; charts are inline SVG
 * drawn from numbers, their words escaped like any text.
 */
import { isSafeLogoDataUrl } from '../../agency/schema';
import { FONT as FONT_TOKENS, LIGHT, TYPE } from '../../design/tokens';
import { isSafeLinkUrl, type Block, type ChartBlock, type Doc, type Inline, type Tone } from '../doc';
import { neutraliseInvisible, oneLine } from '../sanitize';
import { chartDrawing, type SvgShape } from './chart-svg';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const esc = (value: string) => escapeHtml(oneLine(value));

// Inline styles from the design tokens (light: exports are read on paper and in mail clients).
const FONT = `font-family:${FONT_TOKENS.paper.replace(/"/g, "'")};`;
const MONO = "font-family:Consolas,'Courier New',monospace;";
const C = LIGHT;
const S = {
  root: `${FONT}font-size:${TYPE.md}px;line-height:1.4;color:${C.fg};`,
  h1: `${FONT}font-size:${TYPE.xxl}px;margin:0 0 8pt;color:${C.accent};`,
  h2: `${FONT}font-size:${TYPE.xl}px;margin:14pt 0 5pt;padding-bottom:3pt;border-bottom:1px solid ${C.line};color:${C.accent};`,
  h3: `${FONT}font-size:${TYPE.lg}px;margin:12pt 0 4pt;color:${C.fg};`,
  p: 'margin:0 0 8pt;',
  table: 'border-collapse:collapse;width:100%;margin:0 0 10pt;',
  th: `border:1px solid ${C.line};padding:4pt 6pt;background:${C.surface};text-align:left;vertical-align:top;font-weight:bold;`,
  td: `border:1px solid ${C.line};padding:4pt 6pt;text-align:left;vertical-align:top;`,
  code: `${MONO}font-size:${TYPE.sm}px;background:${C.surface};padding:0 2pt;word-break:break-all;`,
  pre: `${MONO}font-size:${TYPE.sm}px;background:${C.surface};border:1px solid ${C.line};padding:6pt;white-space:pre-wrap;word-break:break-all;margin:0 0 8pt;`,
  ul: 'margin:0 0 8pt;padding-left:18pt;',
  a: `color:${C.link};`,
  letterhead: 'border-collapse:collapse;margin:0 0 12pt;',
  logo: 'max-height:48px;max-width:160px;margin-right:10pt;',
  chart: 'margin:0 0 10pt;page-break-inside:avoid;break-inside:avoid;',
  chartTitle: 'margin:0 0 4pt;',
  svg: 'display:block;max-width:100%;height:auto;',
  chartDesc: `margin:4pt 0 0;font-size:${TYPE.sm}px;color:${C.muted};`,
} as const;
const TONES: Record<Tone, string> = {
  danger: `border-left:4pt solid ${C.sev.critical};background:${C.tint.danger};`,
  warning: `border-left:4pt solid ${C.sev.medium};background:${C.tint.warning};`,
  info: `border-left:4pt solid ${C.sev.info};background:${C.tint.info};`,
};

function inline(run: Inline): string {
  switch (run.kind) {
    case 'text':
      return esc(run.text);
    case 'strong':
      return `<strong>${esc(run.text)}</strong>`;
    case 'code':
      return `<code style="${S.code}">${esc(run.text)}</code>`;
    case 'link':
      return isSafeLinkUrl(run.href)
        ? `<a href="${escapeHtml(run.href)}" style="${S.a}" rel="noopener noreferrer">${esc(run.text)}</a>`
        : `<code style="${S.code}">${esc(run.href)}</code>`;
  }
}
const inlines = (runs: Inline[]) => runs.map(inline).join('');

const attributes = (attrs: Record<string, string | number>) => Object.entries(attrs).map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`).join('');

function shape(s: SvgShape): string {
  const title = s.title === undefined ? '' : `<title>${esc(s.title)}</title>`;
  return `<${s.tag}${attributes(s.attrs)}>${title}${s.text === undefined ? '' : esc(s.text)}</${s.tag}>`;
}

/**
 * Inline SVG, named by its title and described by the numbers in words; the same words are printed
 * under it for the readers (and mail programs) that drop the drawing.
 */
function chart(b: ChartBlock): string {
  const d = chartDrawing(b);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${d.width}" height="${d.height}" viewBox="0 0 ${d.width} ${d.height}" style="${S.svg}"${attributes(d.attrs)}><title>${esc(b.title)}</title><desc>${esc(b.description)}</desc>${d.shapes.map(shape).join('')}</svg>`;
  return `<div style="${S.chart}"><p style="${S.chartTitle}"><strong>${esc(b.title)}</strong></p>${svg}<p style="${S.chartDesc}">${esc(b.description)}</p></div>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level} style="${S[`h${b.level}`]}">${esc(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p style="${S.p}">${inlines(b.content)}</p>`;
    case 'callout':
      return `<p style="${S.p}padding:6pt 8pt;${TONES[b.tone]}"><strong>${inlines(b.content)}</strong></p>`;
    case 'list':
      return `<ul style="${S.ul}">${b.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table style="${S.table}"><thead><tr>${b.head.map((h) => `<th style="${S.th}">${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((row) => `<tr>${row.map((cell) => `<td style="${S.td}">${inlines(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'code-block':
      return `<pre style="${S.pre}">${escapeHtml(neutraliseInvisible(b.text))}</pre>`;
    case 'letterhead': {
      const logo = b.logo && isSafeLogoDataUrl(b.logo) ? `<td style="vertical-align:middle;"><img src="${escapeHtml(b.logo)}" alt="" style="${S.logo}"></td>` : '';
      const lines = b.lines.map((l) => `<br>${inlines(l)}`).join('');
      return `<table style="${S.letterhead}"><tr>${logo}<td style="vertical-align:middle;"><strong style="font-size:13pt;">${esc(b.name)}</strong>${lines}</td></tr></table>`;
    }
    case 'chart':
      return chart(b);
    case 'page-break':
      return '<div style="page-break-before:always;break-before:page;"></div>';
  }
}

/** An HTML fragment, for the clipboard. */
export function renderHtmlFragment(doc: Doc): string {
  return `<div lang="${doc.lang}" style="${S.root}">${doc.blocks.map(block).join('\n')}</div>`;
}

/** A standalone HTML file, for a download. */
export function renderHtmlDocument(doc: Doc): string {
  return `<!doctype html>\n<html lang="${doc.lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">\n<title>${esc(doc.title)}</title>\n</head>\n<body style="margin:24px;">\n${renderHtmlFragment(doc)}\n</body>\n</html>\n`;
}
