/**
 * Fix snippets per rule: what to paste into nginx, Apache or any host's header settings to make a
 * failing check pass. Rules without a server-side header fix (SRI, CORS logic) return null.
 */
import type { Evidence } from '../evidence/schema';
import { combine, cookieFlagSnippets, httpsRedirectSnippets, removeHeaderSnippets, setHeaderSnippets, type Snippets } from './snippets';
import { recommendCsp } from './csp';

export type { Snippets } from './snippets';
export { recommendCsp, type RecommendedCsp } from './csp';

export const RECOMMENDED = {
  hsts: 'max-age=31536000; includeSubDomains',
  hstsPreload: 'max-age=63072000; includeSubDomains; preload',
  xcto: 'nosniff',
  xfo: 'SAMEORIGIN',
  referrer: 'strict-origin-when-cross-origin',
  permissions: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()',
  coop: 'same-origin',
  coep: 'require-corp',
  corp: 'same-site',
} as const;

const CROSS_ORIGIN: Record<string, [string, string]> = {
  'cross-origin-opener-policy': ['Cross-Origin-Opener-Policy', RECOMMENDED.coop],
  'cross-origin-embedder-policy': ['Cross-Origin-Embedder-Policy', RECOMMENDED.coep],
  'cross-origin-resource-policy': ['Cross-Origin-Resource-Policy', RECOMMENDED.corp],
};

/** The Content-Security-Policy to propose: built from the page when it was captured, else a strict default. */
export function cspValue(evidence: Evidence): string {
  return evidence.page ? recommendCsp(evidence.page).policy : "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
}

function hostOf(evidence: Evidence): string {
  try {
    return new URL(evidence.page?.url ?? evidence.url).hostname;
  } catch {
    return 'example.com';
  }
}

/** `subject` is the finding's subject (a header name for disclosure and cross-origin findings). */
export function fixFor(ruleId: string, evidence: Evidence, subject?: string): Snippets | null {
  const [family] = ruleId.split('.');
  switch (ruleId) {
    case 'transport.https-missing':
    case 'transport.http-no-redirect':
    case 'transport.redirect-indirect':
      return httpsRedirectSnippets(hostOf(evidence));
    case 'transport.hsts-missing':
    case 'transport.hsts-malformed':
    case 'transport.hsts-short':
    case 'transport.hsts-no-subdomains':
      return setHeaderSnippets('Strict-Transport-Security', RECOMMENDED.hsts);
    case 'transport.hsts-not-preload':
      return setHeaderSnippets('Strict-Transport-Security', RECOMMENDED.hstsPreload);
    case 'headers.xcto-missing':
      return setHeaderSnippets('X-Content-Type-Options', RECOMMENDED.xcto);
    case 'headers.clickjacking-unprotected':
      return combine([setHeaderSnippets('Content-Security-Policy', "frame-ancestors 'self'"), setHeaderSnippets('X-Frame-Options', RECOMMENDED.xfo)]);
    case 'headers.referrer-policy-missing':
    case 'headers.referrer-policy-unsafe':
      return setHeaderSnippets('Referrer-Policy', RECOMMENDED.referrer);
    case 'headers.permissions-policy-missing':
    case 'headers.permissions-policy-invalid':
    case 'headers.permissions-policy-open':
      return setHeaderSnippets('Permissions-Policy', RECOMMENDED.permissions);
    case 'headers.coop-missing':
      return setHeaderSnippets('Cross-Origin-Opener-Policy', RECOMMENDED.coop);
    case 'headers.corp-missing':
      return setHeaderSnippets('Cross-Origin-Resource-Policy', RECOMMENDED.corp);
    case 'headers.cross-origin-invalid': {
      const entry = CROSS_ORIGIN[(subject ?? '').toLowerCase()];
      return entry ? setHeaderSnippets(entry[0], entry[1]) : null;
    }
    default:
      break;
  }
  if (family === 'csp') return setHeaderSnippets('Content-Security-Policy', cspValue(evidence));
  if (family === 'cookies') return cookieFlagSnippets();
  if (family === 'disclosure' && subject) {
    try {
      return removeHeaderSnippets(subject);
    } catch {
      return null;
    }
  }
  return null;
}
