/**
 * Strict-Transport-Security (RFC 6797 §6.1): `directive *( ";" directive )`, each `name [= token | quoted-string]`.
 * Pure and bounded: the value is cut to 4 KiB before parsing.
 */
export type HstsProblem = 'no-max-age' | 'bad-max-age' | 'duplicate-directive' | 'several-headers' | 'empty';

export interface Hsts {
  valid: boolean;
  /** Seconds, or null when absent or unreadable. */
  maxAge: number | null;
  includeSubDomains: boolean;
  preload: boolean;
  problems: HstsProblem[];
}

const MAX_INPUT = 4096;
/** Six months as the Observatory counts them (182.5 days), and the one year Vigie recommends. */
export const HSTS_SIX_MONTHS = 15_768_000;
export const HSTS_ONE_YEAR = 31_536_000;

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

export function parseHsts(raw: string): Hsts {
  const value = raw.slice(0, MAX_INPUT);
  const result: Hsts = { valid: false, maxAge: null, includeSubDomains: false, preload: false, problems: [] };
  if (value.trim() === '') {
    result.problems.push('empty');
    return result;
  }
  // Several headers joined by the fetch layer ("a, b"): a browser keeps only the first, but the
  // configuration is broken and the Observatory treats it as invalid.
  if (value.includes(',')) result.problems.push('several-headers');
  const firstHeader = value.split(',')[0] ?? '';
  const seen = new Set<string>();
  for (const part of firstHeader.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (name === '') continue;
    if (seen.has(name)) result.problems.push('duplicate-directive');
    seen.add(name);
    if (name === 'max-age') {
      const text = eq === -1 ? '' : unquote(part.slice(eq + 1));
      if (/^\d{1,15}$/.test(text)) result.maxAge = Number(text);
      else result.problems.push('bad-max-age');
    } else if (name === 'includesubdomains') {
      result.includeSubDomains = true;
    } else if (name === 'preload') {
      result.preload = true;
    }
  }
  if (!seen.has('max-age')) result.problems.push('no-max-age');
  result.problems = [...new Set(result.problems)];
  result.valid = result.maxAge !== null && result.problems.length === 0;
  return result;
}
