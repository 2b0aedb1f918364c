/**
 * Where the http:// variant of the page leads (optional host access for http://). The browser
 * follows redirects itself, so only the outcome and the final URL are known here; the CLI sees
 * every hop.
 */
import { browser } from 'wxt/browser';
import type { HttpVariantEvidence } from '../evidence/schema';
import { permissionRequestFor } from '../permissions';
import { hasGrant } from './cookies';

export function httpVariantOf(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.protocol = 'http:';
  if (url.port === '443') url.port = '';
  return url.href;
}

export function classifyRedirect(requested: string, finalUrl: string, redirected: boolean): HttpVariantEvidence['outcome'] {
  if (!redirected && finalUrl === requested) return 'no-redirect';
  const final = new URL(finalUrl);
  const from = new URL(requested);
  const sameSite = final.hostname.replace(/^www\./, '') === from.hostname.replace(/^www\./, '');
  return final.protocol === 'https:' && sameSite ? 'redirected-to-https' : 'redirected-elsewhere';
}

export async function collectHttpVariant(pageUrl: string, timeoutMs: number, httpUrl = httpVariantOf(pageUrl)): Promise<HttpVariantEvidence | null> {
  if (!(await hasGrant(permissionRequestFor('http-variant', pageUrl)))) return null;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(httpUrl, { cache: 'no-store', credentials: 'omit', redirect: 'follow', signal: controller.signal });
    response.body?.cancel().catch(() => {});
    const finalUrl = response.url || httpUrl;
    return { url: httpUrl, outcome: classifyRedirect(httpUrl, finalUrl, response.redirected), finalUrl, hops: [] };
  } catch {
    return { url: httpUrl, outcome: 'unreachable', hops: [] };
  } finally {
    clearTimeout(timer);
  }
}
