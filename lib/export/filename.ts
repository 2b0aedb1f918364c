/** Download names: `vigie-<domain>-<YYYY-MM-DD>[-<suffix>].<ext>`, safe on every file system. */
export function exportFileName(domain: string, isoDate: string, extension: string, suffix?: string): string {
  const safeDomain = domain.toLowerCase().replace(/[^a-z0-9.-]+/g, '_').replace(/\.{2,}/g, '_').replace(/_+/g, '_').replace(/^[._-]+|[._-]+$/g, '').slice(0, 100) || 'site';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(isoDate)?.[0] ?? 'undated';
  const safeSuffix = suffix ? `-${suffix.replace(/[^a-z0-9-]+/gi, '')}` : '';
  return `vigie-${safeDomain}-${day}${safeSuffix}.${extension.replace(/[^a-z0-9]+/gi, '')}`;
}
