/**
 * Mixed content on an https:// page: what the DOM asks for over http://, what resource timing shows
 * actually loaded, and what modern browsers are expected to do with the rest.
 *
 * Browser behaviour this relies on (Mixed Content Level 2): Chromium (since 86–88) and Firefox
 * (since 127) upgrade "passive" requests (img, audio, video) to https:// and block the others
 * ("active": scripts, stylesheets, frames, plugins, fetch/XHR, fonts…). A blocked request leaves
 * no resource timing entry; an upgraded one shows up under its https:// name.
 */
import { headerValues, type Evidence, type PageSnapshot } from '../evidence/schema';

export type MixedClass = 'active' | 'passive';
export type MixedOutcome =
  /** A resource timing entry with the http:// name: it really loaded unencrypted. */
  | 'loaded-http'
  /** A resource timing entry with the same address over https://: the browser upgraded it. */
  | 'loaded-https'
  /** The site's upgrade-insecure-requests policy makes the browser ask for https:// instead. */
  | 'upgraded-by-policy'
  /** Nothing loaded: modern browsers block this kind of request. */
  | 'blocked-expected'
  /** Nothing seen: modern browsers try https:// instead; if that fails the item does not show. */
  | 'upgrade-expected';

export interface MixedItem {
  cls: MixedClass;
  /** The DOM kind or the resource timing initiator type. */
  kind: string;
  url: string;
  outcome: MixedOutcome;
}

const PASSIVE_DOM = new Set<PageSnapshot['subresources'][number]['kind']>(['img', 'media']);
// Resource timing initiator types for element-driven image/audio/video requests.
const PASSIVE_INITIATORS = new Set(['img', 'image', 'video', 'audio', 'track', 'input']);

export const isHttpUrl = (url: string) => /^http:\/\//i.test(url);

export function isHttpsPage(evidence: Evidence): boolean {
  const page = evidence.page;
  if (!page) return false;
  return page.protocol.toLowerCase() === 'https:' || (page.protocol === '' && /^https:\/\//i.test(page.url));
}

/** Where upgrade-insecure-requests is set: an enforced CSP header, a CSP meta tag, or nowhere. */
export function upgradeInsecureRequests(evidence: Evidence): Array<'header' | 'meta'> {
  const hasDirective = (policy: string) =>
    policy.split(/[;,]/).some((d) => d.trim().split(/\s+/)[0]?.toLowerCase() === 'upgrade-insecure-requests');
  const where: Array<'header' | 'meta'> = [];
  if (headerValues(evidence.headers, 'content-security-policy').some(hasDirective)) where.push('header');
  if ((evidence.page?.metaHttpEquiv ?? []).some((m) => m.name.trim().toLowerCase() === 'content-security-policy' && hasDirective(m.content))) where.push('meta');
  return where;
}

function toHttps(url: string): string {
  return `https://${url.slice('http://'.length)}`;
}

function normalise(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export function findMixedContent(evidence: Evidence): MixedItem[] {
  const page = evidence.page;
  if (!page || !isHttpsPage(evidence)) return [];
  const policy = upgradeInsecureRequests(evidence).length > 0;
  const loaded = new Map<string, string>();
  // Chromium also records requests it refused (blocked mixed content) as resource entries, with no
  // duration and no bytes: those did not load.
  const failed = (r: (typeof page.resources)[number]) => r.duration === 0 && r.transferSize === 0 && r.encodedBodySize === 0;
  for (const r of page.resources) if (!failed(r)) loaded.set(normalise(r.name), r.initiatorType);
  const items: MixedItem[] = [];
  const seen = new Set<string>();

  for (const sub of page.subresources) {
    if (!isHttpUrl(sub.url)) continue;
    const url = normalise(sub.url);
    const key = `${sub.kind} ${url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cls: MixedClass = PASSIVE_DOM.has(sub.kind) ? 'passive' : 'active';
    let outcome: MixedOutcome;
    if (loaded.has(url)) outcome = 'loaded-http';
    else if (loaded.has(normalise(toHttps(url)))) outcome = policy ? 'upgraded-by-policy' : 'loaded-https';
    else if (policy) outcome = 'upgraded-by-policy';
    else outcome = cls === 'active' ? 'blocked-expected' : 'upgrade-expected';
    items.push({ cls, kind: sub.kind, url, outcome });
  }
  // What loaded over http:// without being in the DOM: fetch/XHR, CSS-initiated requests, late scripts.
  const inDom = new Set(items.map((i) => i.url));
  for (const r of page.resources) {
    if (!isHttpUrl(r.name) || failed(r)) continue;
    const url = normalise(r.name);
    if (inDom.has(url) || seen.has(`rt ${url}`)) continue;
    seen.add(`rt ${url}`);
    items.push({ cls: PASSIVE_INITIATORS.has(r.initiatorType) ? 'passive' : 'active', kind: r.initiatorType || 'other', url, outcome: 'loaded-http' });
  }
  return items;
}

/** Forms on an https:// page whose action is http://; same-host forms are upgraded by the policy. */
export function insecureForms(evidence: Evidence): Array<{ action: string; method: string; upgraded: boolean }> {
  const page = evidence.page;
  if (!page || !isHttpsPage(evidence)) return [];
  const policy = upgradeInsecureRequests(evidence).length > 0;
  let pageHost = '';
  try {
    pageHost = new URL(page.url).host.toLowerCase();
  } catch {
    // Unparseable page URL: no form is treated as same-host.
  }
  const out: Array<{ action: string; method: string; upgraded: boolean }> = [];
  const seen = new Set<string>();
  for (const form of page.forms) {
    if (!isHttpUrl(form.action) || seen.has(form.action)) continue;
    seen.add(form.action);
    let host = '';
    try {
      host = new URL(form.action).host.toLowerCase();
    } catch {
      // Kept as cross-host.
    }
    out.push({ action: form.action, method: form.method, upgraded: policy && host !== '' && host === pageHost });
  }
  return out;
}
