/**
 * Neutralises characters that change how text reads rather than what it says: bidirectional
 * overrides (a "Trojan Source" filename reads backwards), other invisible format characters and
 * control characters. They are shown as visible code points so nothing is silently dropped.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

export function visibleCodePoint(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Keeps tabs and line breaks (normalised to \n); makes every other invisible character visible. */
export function neutraliseInvisible(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(INVISIBLE, visibleCodePoint);
}

/** One line: line breaks and tabs become spaces (table cells, headings, inline runs). */
export function oneLine(value: string): string {
  return neutraliseInvisible(value).replace(/[\n\t]+/g, ' ');
}

/** Cuts a string to at most `max` characters, never inside a surrogate pair; `marker` is appended. */
export function truncate(value: string, max: number, marker: (rest: number) => string): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return chars.slice(0, max).join('') + marker(chars.length - max);
}
