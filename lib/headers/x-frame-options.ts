/** X-Frame-Options: DENY, SAMEORIGIN or the obsolete ALLOW-FROM <origin>; anything else is ignored by browsers. */
export type XFrameOptions = 'deny' | 'sameorigin' | 'allow-from' | 'invalid';

export function parseXFrameOptions(raw: string): XFrameOptions {
  const value = raw.slice(0, 2048).trim().toLowerCase();
  if (value === 'deny') return 'deny';
  if (value === 'sameorigin') return 'sameorigin';
  if (/^allow-from\s+\S+$/.test(value)) return 'allow-from';
  return 'invalid';
}
