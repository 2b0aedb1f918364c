/** The history key of a URL: its hostname, lowercased, without a leading `www.`. */
export function domainOf(url: string): string {
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  return host.startsWith('www.') ? host.slice(4) : host;
}

export type PageKind = 'web' | 'browser-page' | 'store' | 'file' | 'pdf' | 'invalid';

const STORE_PAGES = [
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
  /^https:\/\/addons\.mozilla\.org\//i,
];

/** Which kind of page a tab shows, judged from its URL only (browsers refuse to inject into the others). */
export function classifyPageUrl(url: string | undefined): PageKind {
  if (!url) return 'invalid';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid';
  }
  if (parsed.protocol === 'file:') return 'file';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'browser-page';
  if (STORE_PAGES.some((re) => re.test(url))) return 'store';
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return 'web';
}
