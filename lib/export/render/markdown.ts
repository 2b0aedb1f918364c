/**
 * Markdown for GitHub, Notion and common editors. Every string is escaped: no HTML, no emphasis or
 * link syntax, no autolinks (`https://…`, `www.…`, e-mail addresses) can come from a value.
 * Page-supplied values are code spans (in tables, `|` escaped as GFM requires).
 */
import { isSafeLinkUrl, strong, text, type Block, type Doc, type Inline } from '../doc';
import { neutraliseInvisible, oneLine } from '../sanitize';

const SPECIAL = /[\\`*_[\]<>|~&$#!{}]/g;

/** Escapes one line of text so that it renders literally, wherever it sits in a line. */
export function escapeMarkdownText(value: string, atLineStart = true): string {
  const escaped = oneLine(value)
    .replace(SPECIAL, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
  // At the start of a paragraph or a list item, `-`, `+`, `=` or `1.` would start a block.
  return atLineStart ? escaped.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2') : escaped;
}

function longestRun(value: string, char: string): number {
  let longest = 0;
  for (const run of value.match(new RegExp(`\\${char}+`, 'g')) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

export function markdownCode(value: string, inTable: boolean): string {
  let content = oneLine(value);
  if (!content.trim()) return escapeMarkdownText(content);
  if (inTable) content = content.replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

function inline(run: Inline, inTable: boolean): string {
  switch (run.kind) {
    case 'text':
      return escapeMarkdownText(run.text);
    case 'strong': {
      const inner = escapeMarkdownText(run.text.trim());
      return inner ? `**${inner}**` : '';
    }
    case 'code':
      return markdownCode(run.text, inTable);
    case 'link':
      return isSafeLinkUrl(run.href) && !/[<>\s]/.test(run.href) ? `[${escapeMarkdownText(run.text)}](<${run.href}>)` : markdownCode(run.href, inTable);
  }
}

const inlines = (runs: Inline[], inTable = false) => runs.map((r) => inline(r, inTable)).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdownText(b.text, false)}`;
    case 'paragraph':
      return inlines(b.content);
    case 'callout':
      return `> ${inlines(b.content)}`;
    case 'list':
      return b.items.map((item) => `- ${inlines(item)}`).join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
      return [row(b.head.map((h) => escapeMarkdownText(h, false))), row(b.head.map(() => '---')), ...b.rows.map((r) => row(r.map((cell) => inlines(cell, true))))].join('\n');
    }
    case 'code-block': {
      const content = neutraliseInvisible(b.text);
      const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
      return `${fence}text\n${content}\n${fence}`;
    }
    case 'letterhead':
      return [`**${escapeMarkdownText(b.name)}**`, ...b.lines.map((l) => inlines(l))].join('  \n');
    case 'chart': {
      // No drawing in Markdown: its title, then its numbers as a small table.
      const rows = b.chart === 'severity' ? b.bars.map((bar) => [bar.label, String(bar.count)]) : b.points.map((p) => [p.date, String(p.score)]);
      return block({ kind: 'paragraph', content: [strong(b.title)] }) + '\n\n' + block({ kind: 'table', head: b.columns, rows: rows.map((r) => r.map((cell) => [text(cell)])) });
    }
    case 'page-break':
      return '---';
  }
}

export function renderMarkdown(doc: Doc): string {
  return `${doc.blocks.map(block).filter(Boolean).join('\n\n')}\n`;
}
