/**
 * A small document model between content and formats: content builders say what is written,
 * renderers (Markdown, text, HTML, Preact) say how, and escape every string for their target.
 * Every string here is text, never markup; page-supplied values are `code` runs.
 */
import type { Locale } from '../i18n';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  /** A raw value from the page or the evidence (URL, header, version): shown verbatim, never linked. */
  | { kind: 'code'; text: string }
  /** Only for links Vigie writes (advisories, the agency's site); renderers re-check the address. */
  | { kind: 'link'; text: string; href: string };

export type Tone = 'danger' | 'warning' | 'info';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'callout'; tone: Tone; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; head: string[]; rows: Inline[][][] }
  | { kind: 'code-block'; text: string }
  /** The agency's header: name, contact, website and logo (a validated data: URL). */
  | { kind: 'letterhead'; name: string; lines: Inline[][]; logo?: string }
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
