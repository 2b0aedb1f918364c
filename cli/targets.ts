/**
 * Addresses to scan, from the command line or a list (one per line, `#` comments and blank lines
 * ignored). A bare host name means https://. Anything that is not an http(s) URL becomes a
 * per-address error, so one bad line never stops the others.
 */
import { LIMITS } from '../lib/evidence/limits';

export const MAX_TARGETS = 100_000;

export type Target =
  | { input: string; ok: true; url: URL }
  | { input: string; ok: false; code: 'invalid-url' | 'unsupported-scheme'; params: Record<string, string> };

export function parseTarget(raw: string): Target {
  const trimmed = raw.trim();
  const input = trimmed.slice(0, LIMITS.url);
  if (trimmed.length > LIMITS.url) return { input, ok: false, code: 'invalid-url', params: {} };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) && !/^[^:/]+:\d+(\/|$)/.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { input, ok: false, code: 'invalid-url', params: {} };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { input, ok: false, code: 'unsupported-scheme', params: { scheme: url.protocol } };
  if (!url.hostname || /\s/.test(input) || input.length === 0 || url.href.length > LIMITS.url) return { input, ok: false, code: 'invalid-url', params: {} };
  url.hash = '';
  return { input, ok: true, url };
}

/** The non-empty, non-comment lines of a list. */
export function listLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}
