/**
 * A small document model between content and formats: content builders say what is written,
 * renderers (Markdown, text, HTML, Preact) say how, and escape every string for their target.
 * Every string here is text, never markup; page-supplied values are `code` runs.
 */
import type { Severity } from '../audit/schema';
import type { Locale } from '../i18n';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  /** A raw value from the page or the evidence (URL, header, version): shown verbatim, never linked. */
  | { kind: 'code'; text: string }
  /** Only for links Vigie writes (advisories, the agency's site); renderers re-check the address. */
  | { kind: 'link'; text: string; href: string };

export type Tone = 'danger' | 'warning' | 'info';

/** One bar of the findings-by-severity chart: the severity, its word in the report's language, its count. */
export interface SeverityBar { severity: Severity; label: string; count: number }
/** One audit on the score chart: its ISO date (where it sits), that date in words, the score and both in a sentence. */
export interface ScorePoint { at: string; date: string; score: number; text: string }

/**
 * A chart, drawn as SVG where the format allows and as a table or a sentence elsewhere. `title` and
 * `description` (the numbers in words) go with every drawing; `columns` head its table.
 */
export type ChartBlock = { kind: 'chart'; title: string; description: string; columns: [string, string] } & (
  | { chart: 'severity'; bars: SeverityBar[] }
  | { chart: 'score'; points: ScorePoint[] }
);

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'callout'; tone: Tone; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; head: string[]; rows: Inline[][][] }
  | { kind: 'code-block'; text: string }
  /** The agency's header: name, contact, website and logo (a validated data: URL). */
  | { kind: 'letterhead'; name: string; lines: Inline[][]; logo?: string }
  | ChartBlock
  | { kind: 'page-break' };

export interface Doc {
  lang: Locale;
  title: string;
  blocks: Block[];
}

export const text = (value: string): Inline => ({ kind: 'text', text: value });
export const strong = (value: string): Inline => ({ kind: 'strong', text: value });
export const code = (value: string): Inline => ({ kind: 'code', text: value });
export const heading = (level: 1 | 2 | 3, value: string): Block => ({ kind: 'heading', level, text: value });
export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });

/** An https address without credentials: the only kind of link an export may make live. */
export function isSafeLinkUrl(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** A link when the address is safe, the address as a code run otherwise. */
export function link(label: string, href: string): Inline {
  return isSafeLinkUrl(href) ? { kind: 'link', text: label, href: new URL(href).href } : code(href);
}
