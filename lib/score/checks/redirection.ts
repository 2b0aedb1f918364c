/**
 * The Observatory's redirection test, from the http:// variant. The CLI sees each hop; the browser sees
 * only the outcome and final URL, so there the first hop is assumed to go where the last one does.
 */
import type { Evidence } from '../../evidence/schema';
import { hostOf } from '../../headers/site';
import { NOT_MEASURED } from '../table';
import { outcome, type TestOutcome } from '../outcome';
import { isHttpsUrl } from '../read';

export function redirectionResult(evidence: Evidence): string {
  const variant = evidence.httpVariant;
  if (!variant) return NOT_MEASURED;
  if (variant.outcome === 'unreachable') return 'redirection-not-needed-no-http';
  const hops = variant.hops;
  if (hops.length > 0) {
    const last = hops[hops.length - 1]!;
    if (hops.length === 1) return isHttpsUrl(last.url) ? 'redirection-to-https' : 'redirection-missing';
    if (!isHttpsUrl(last.url)) return 'redirection-not-to-https';
    const first = hops[1]!;
    if (!isHttpsUrl(first.url)) return 'redirection-not-to-https-on-initial-redirection';
    if (hostOf(first.url) !== hostOf(hops[0]!.url)) return 'redirection-off-host-from-http';
    return 'redirection-to-https';
  }
  if (variant.outcome === 'no-redirect') return 'redirection-missing';
  const final = variant.finalUrl ?? variant.url;
  if (!isHttpsUrl(final)) return 'redirection-not-to-https';
  // Only the end is known: the same host (give or take www.) is assumed to be reached directly;
  // another site cannot have been reached through the same host over https.
  const strip = (url: string) => (hostOf(url) ?? '').replace(/^www\./, '');
  return strip(final) === strip(variant.url) ? 'redirection-to-https' : 'redirection-off-host-from-http';
}

export function redirectionTest(evidence: Evidence): TestOutcome {
  return outcome('redirection', redirectionResult(evidence));
}
