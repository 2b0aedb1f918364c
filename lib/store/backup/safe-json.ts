/** JSON parsing for untrusted files: nesting is measured before parsing, prototype keys are refused. */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'too-deep' | 'forbidden-key' | 'syntax' };

/** Deepest nesting of arrays/objects in `text`, stopping early past `limit`. Strings are skipped. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

class ForbiddenKey extends Error {}

export function parseUntrustedJson(text: string, maxDepth: number): SafeJsonResult {
  if (jsonDepthExceeds(text, maxDepth)) return { ok: false, reason: 'too-deep' };
  try {
    const value: unknown = JSON.parse(text, (key, val: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return val;
    });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: error instanceof ForbiddenKey ? 'forbidden-key' : 'syntax' };
  }
}
