/**
 * Same-site approximation without the Public Suffix List: the registrable domain is taken as the last
 * two labels, or three when the second-to-last is a common second-level suffix (co.uk, com.au, gouv.fr…).
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'gouv', 'ac', 'edu', 'ne', 'or', 'go', 'asso', 'nom']);

export function hostOf(url: string, base?: string): string | null {
  try {
    return new URL(url, base).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
}

export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const tld = labels[labels.length - 1]!;
  const sld = labels[labels.length - 2]!;
  const take = tld.length === 2 && SECOND_LEVEL.has(sld) ? 3 : 2;
  return labels.slice(-take).join('.');
}

export function sameSite(hostA: string, hostB: string): boolean {
  return registrableDomain(hostA) === registrableDomain(hostB);
}
