/**
 * Reads a store listing file (docs/store/listing.<lang>.md): each "## <id>" heading starts a field
 * whose text runs to the next "## " heading; HTML comments are notes, kept apart from the text.
 * Format: docs/store/README.md.
 */
export interface ListingField {
  id: string;
  /** What is pasted into the store, comments removed, trimmed. */
  text: string;
  /** The contents of the field's HTML comments. */
  notes: string[];
}

const COMMENT = /<!--([\s\S]*?)-->/g;

export function parseListing(source: string): Map<string, ListingField> {
  const fields = new Map<string, ListingField>();
  const parts = source.replace(/\r\n/g, '\n').split(/^## +(.+?) *$/m);
  // parts[0] is the title and preamble; then heading, body, heading, body…
  for (let i = 1; i < parts.length; i += 2) {
    const id = parts[i]!.trim();
    const body = parts[i + 1] ?? '';
    if (fields.has(id)) throw new Error(`field "${id}" appears twice`);
    const notes = [...body.matchAll(COMMENT)].map((m) => m[1]!.trim());
    fields.set(id, { id, text: body.replace(COMMENT, '').trim(), notes });
  }
  return fields;
}

export type Browser = 'chrome' | 'firefox';
export type Requested = 'install' | 'optional';

/** `<!-- declared: chrome=install firefox=optional -->` → { chrome: 'install', firefox: 'optional' }. */
export function declaredNote(field: ListingField): Partial<Record<Browser, Requested>> | null {
  const note = field.notes.find((n) => n.startsWith('declared:'));
  if (!note) return null;
  const result: Partial<Record<Browser, Requested>> = {};
  for (const pair of note.slice('declared:'.length).trim().split(/\s+/)) {
    const [browser, when] = pair.split('=');
    if ((browser !== 'chrome' && browser !== 'firefox') || (when !== 'install' && when !== 'optional')) throw new Error(`${field.id}: bad declared note "${note}"`);
    result[browser] = when;
  }
  return result;
}

/** Length as the stores count it: Unicode characters, not UTF-16 units. */
export const length = (text: string): number => [...text].length;
