/** The Observatory's HSTS test: the header on the https:// response, at least six months. */
import type { Evidence } from '../../evidence/schema';
import { HSTS_SIX_MONTHS, parseHsts } from '../../headers/hsts';
import { NOT_MEASURED } from '../table';
import { outcome, type TestOutcome } from '../outcome';
import { isHttpsUrl, values } from '../read';

/** TLS states (Firefox security info) of a connection whose certificate the browser did not trust. */
const UNTRUSTED_TLS = new Set(['broken', 'insecure']);

export function hstsResult(evidence: Evidence): string {
  if (!evidence.headers) return NOT_MEASURED;
  // Browsers ignore HSTS received over http://.
  if (!isHttpsUrl(evidence.headers.url)) return 'hsts-not-implemented-no-https';
  if (evidence.tls && UNTRUSTED_TLS.has(evidence.tls.state.toLowerCase())) return 'hsts-invalid-cert';
  const list = values(evidence.headers, 'strict-transport-security');
  if (list.length === 0) return 'hsts-not-implemented';
  const hsts = parseHsts(list.join(', '));
  if (!hsts.valid || hsts.maxAge === null) return 'hsts-header-invalid';
  return hsts.maxAge >= HSTS_SIX_MONTHS ? 'hsts-implemented-max-age-at-least-six-months' : 'hsts-implemented-max-age-less-than-six-months';
}

export function hstsTest(evidence: Evidence): TestOutcome {
  return outcome('strict-transport-security', hstsResult(evidence));
}
