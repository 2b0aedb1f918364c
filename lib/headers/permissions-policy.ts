/**
 * Permissions-Policy is a structured-field dictionary (`camera=(), geolocation=(self "https://a.example")`).
 * Parsed with `structured-headers`; a value that does not parse is ignored whole by browsers.
 */
import { parseDictionary, Token } from 'structured-headers';

export interface PermissionsPolicy {
  valid: boolean;
  /** Feature → allowlist as written: `*`, `self`, `src` or origins; [] means disabled everywhere. */
  features: Map<string, string[]>;
}

/** Features worth restricting on most sites: they reach the camera, microphone, location or payment. */
export const SENSITIVE_FEATURES = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'display-capture'] as const;

function member(value: unknown): string | null {
  if (value instanceof Token) return value.toString();
  if (typeof value === 'string') return value;
  return null;
}

export function parsePermissionsPolicy(raw: string): PermissionsPolicy {
  const features = new Map<string, string[]>();
  let dict;
  try {
    dict = parseDictionary(raw.slice(0, 8192));
  } catch {
    return { valid: false, features };
  }
  for (const [name, [value]] of dict) {
    if (Array.isArray(value)) {
      features.set(name, value.map(([item]) => member(item)).filter((v): v is string => v !== null));
    } else {
      const single = member(value);
      features.set(name, single === null ? [] : [single]);
    }
  }
  return { valid: true, features };
}

/** Sensitive features a page lets every embedded site use (`feature=*`). */
export function featuresOpenToAll(policy: PermissionsPolicy): string[] {
  return SENSITIVE_FEATURES.filter((f) => policy.features.get(f)?.includes('*'));
}
