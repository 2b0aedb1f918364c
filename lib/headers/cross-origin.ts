/**
 * Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy are structured-field items (RFC 8941):
 * a bare token, optionally with parameters such as `report-to="endpoint"`. Cross-Origin-Resource-Policy
 * is a plain keyword.
 */
import { parseItem, Token } from 'structured-headers';

export const COOP_VALUES = ['same-origin', 'same-origin-allow-popups', 'noopener-allow-popups', 'unsafe-none'] as const;
export const COEP_VALUES = ['require-corp', 'credentialless', 'unsafe-none'] as const;
export const CORP_VALUES = ['same-origin', 'same-site', 'cross-origin'] as const;

/** The token of a structured-field item, or null when the value is not a valid item whose value is a token. */
export function structuredToken(raw: string): string | null {
  const value = raw.slice(0, 1024).trim();
  if (value === '') return null;
  try {
    const [bare] = parseItem(value);
    // structured-headers returns tokens as Token objects and quoted strings as plain strings.
    return bare instanceof Token ? bare.toString() : null;
  } catch {
    return null;
  }
}

/** One policy keyword from a list of allowed ones; several headers, or an unknown value, give null. */
function policyFrom<T extends string>(values: readonly string[], allowed: readonly T[], parse: (v: string) => string | null): T | null {
  if (values.length !== 1) return null;
  const token = parse(values[0]!);
  return token !== null && (allowed as readonly string[]).includes(token) ? (token as T) : null;
}

export function parseCoop(values: readonly string[]) {
  return policyFrom(values, COOP_VALUES, structuredToken);
}

export function parseCoep(values: readonly string[]) {
  return policyFrom(values, COEP_VALUES, structuredToken);
}

export function parseCorp(values: readonly string[]) {
  return policyFrom(values, CORP_VALUES, (v) => v.slice(0, 256).trim().toLowerCase());
}
