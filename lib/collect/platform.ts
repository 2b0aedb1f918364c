import type { Audit } from '../audit/schema';

export function detectPlatform(userAgent: string): Audit['platform'] {
  const firefox = /Firefox\/([\d.]+)/.exec(userAgent);
  if (firefox) return { name: 'firefox', version: firefox[1]! };
  const chrome = /Chrom(?:e|ium)\/([\d.]+)/.exec(userAgent);
  return { name: 'chromium', version: chrome?.[1] ?? 'unknown' };
}
