/**
 * A lenient reader of security.txt (RFC 9116): it never throws, keeps every field it recognises
 * and notes what breaks the format. Input is bounded before any work is done.
 */

/** Largest text read (the collector reads at most as much). */
export const SECURITY_TXT_MAX_CHARS = 32_768;
const MAX_LINES = 2000;
const MAX_FIELDS = 200;
const MAX_VALUE = 2048;

export interface SecurityTxtField {
  /** Lower-case field name. */
  name: string;
  value: string;
  line: number;
}

export interface ParsedSecurityTxt {
  fields: SecurityTxtField[];
  /** Wrapped in an OpenPGP cleartext signature (the signature itself is not verified). */
  signed: boolean;
  /** The `Hash:` armor header of a signed file, when given. */
  signatureHash?: string;
  /** A signed file whose signature block is missing or cut. */
  signatureMalformed: boolean;
  /** Line numbers that are neither a field, a comment nor empty (first few). */
  invalidLines: number[];
  invalidLineCount: number;
  truncated: boolean;
}

const BEGIN_SIGNED = '-----BEGIN PGP SIGNED MESSAGE-----';
const BEGIN_SIGNATURE = '-----BEGIN PGP SIGNATURE-----';
const END_SIGNATURE = '-----END PGP SIGNATURE-----';
// RFC 5322 field name: printable US-ASCII except colon; the value is whatever follows.
const FIELD_LINE = /^([\x21-\x39\x3b-\x7e]{1,64}):[ \t]*(.*)$/;

export function parseSecurityTxt(input: string): ParsedSecurityTxt {
  const bounded = typeof input === 'string' ? input : '';
  let text = bounded.slice(0, SECURITY_TXT_MAX_CHARS);
  let truncated = bounded.length > SECURITY_TXT_MAX_CHARS;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let lines = text.split(/\r\n|\n|\r/);
  if (lines.length > MAX_LINES) {
    lines = lines.slice(0, MAX_LINES);
    truncated = true;
  }

  const result: ParsedSecurityTxt = { fields: [], signed: false, signatureMalformed: false, invalidLines: [], invalidLineCount: 0, truncated };
  let start = 0;
  let end = lines.length;
  const firstContent = lines.findIndex((l) => l.trim() !== '');
  if (firstContent >= 0 && lines[firstContent]!.trim() === BEGIN_SIGNED) {
    result.signed = true;
    // Armor headers ("Hash: SHA256") until the first empty line.
    let i = firstContent + 1;
    for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
      const hash = /^Hash:\s*(.{1,64})$/i.exec(lines[i]!.trim());
      if (hash) result.signatureHash = hash[1]!.trim();
    }
    start = i + 1;
    const sigStart = lines.findIndex((l, idx) => idx >= start && l.trim() === BEGIN_SIGNATURE);
    const sigEnd = sigStart < 0 ? -1 : lines.findIndex((l, idx) => idx > sigStart && l.trim() === END_SIGNATURE);
    if (sigStart < 0 || sigEnd < 0) result.signatureMalformed = true;
    end = sigStart < 0 ? lines.length : sigStart;
  }

  for (let i = start; i < end; i++) {
    let line = lines[i]!;
    // Dash-escaped lines of a cleartext signature (RFC 4880 §7.1).
    if (result.signed && line.startsWith('- ')) line = line.slice(2);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = FIELD_LINE.exec(trimmed);
    if (!m) {
      result.invalidLineCount++;
      if (result.invalidLines.length < 10) result.invalidLines.push(i + 1);
      continue;
    }
    if (result.fields.length < MAX_FIELDS) result.fields.push({ name: m[1]!.toLowerCase(), value: m[2]!.trim().slice(0, MAX_VALUE), line: i + 1 });
  }
  return result;
}

export function fieldValues(parsed: ParsedSecurityTxt, name: string): string[] {
  return parsed.fields.filter((f) => f.name === name).map((f) => f.value);
}
