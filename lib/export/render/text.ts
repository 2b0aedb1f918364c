/** Plain text for an email body: no markup at all, invisible characters made visible. */
import type { Block, Doc, Inline } from '../doc';
import { neutraliseInvisible, oneLine } from '../sanitize';

function inline(run: Inline): string {
  switch (run.kind) {
    case 'text':
    case 'strong':
    case 'code':
      return oneLine(run.text);
    case 'link':
      return run.text === run.href ? oneLine(run.href) : `${oneLine(run.text)} <${oneLine(run.href)}>`;
  }
}

const inlines = (runs: Inline[]) => runs.map(inline).join('');
const underline = (value: string, char: string) => `${value}\n${char.repeat(Math.max(3, Array.from(value).length))}`;

/** French typography puts a space before a colon. */
const PAIR: Record<string, string> = { en: ': ', fr: ' : ' };

function block(b: Block, lang: string): string {
  switch (b.kind) {
    case 'heading': {
      const value = oneLine(b.text);
      return underline(value, b.level === 1 ? '=' : b.level === 2 ? '-' : '.');
    }
    case 'paragraph':
      return inlines(b.content);
    case 'callout':
      return `>> ${inlines(b.content)}`;
    case 'list':
      return b.items.map((item) => `- ${inlines(item)}`).join('\n');
    case 'table':
      // A grid (empty first heading: row labels down, column labels across): each cell says its column.
      if (b.head.length > 2 && b.head[0]!.trim() === '') {
        return b.rows
          .map((row) => `- ${inlines(row[0] ?? [])} — ${row.slice(1).map((cell, i) => `${oneLine(b.head[i + 1] ?? '')}${PAIR[lang] ?? ': '}${inlines(cell)}`).join(' ; ')}`)
          .join('\n');
      }
      return b.rows
        .map((row) => {
          const cells = row.map(inlines).filter((c) => c.trim() !== '' && c !== '—');
          return cells.length === 2 && b.head.length === 2 ? `- ${cells[0]}${PAIR[lang] ?? ': '}${cells[1]}` : `- ${cells.join(' — ')}`;
        })
        .join('\n');
    case 'code-block':
      return neutraliseInvisible(b.text).split('\n').map((line) => `    ${line}`).join('\n');
    case 'letterhead':
      return [oneLine(b.name), ...b.lines.map(inlines)].join('\n');
    case 'chart':
      // No drawing in plain text: its title and its numbers in words.
      return `${oneLine(b.title)}\n${oneLine(b.description)}`;
    case 'page-break':
      return '';
  }
}

export function renderText(doc: Doc): string {
  return `${doc.blocks.map((b) => block(b, doc.lang)).filter(Boolean).join('\n\n')}\n`;
}
