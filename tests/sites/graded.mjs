/**
 * Sites whose response headers reproduce known HTTP Observatory outcomes, for the end-to-end
 * header tests (tests/e2e/headers.test.ts). Each header set is written by hand after the kind of
 * site it imitates; the expected score is worked out from the Observatory's published model in
 * the test, not here.
 *
 * - top.test: a carefully hardened site (A+): a year of HSTS, a nonce-free strict CSP with
 *   default-src 'none' and frame-ancestors, nosniff, no-referrer, a __Host- session cookie with
 *   every flag; plain HTTP only redirects to HTTPS.
 * - middling.test: a typical framework default (B): HSTS and nosniff and X-Frame-Options, but a
 *   CSP that allows inline scripts, a session cookie without SameSite, and a third-party script
 *   loaded over HTTPS without Subresource Integrity (from cdn-assets.test).
 * - bare.test: a forgotten shared-hosting site (F): served over HTTPS and over plain HTTP without
 *   a redirect, no security header at all, a PHP session cookie without Secure or HttpOnly.
 */
import { randomBytes } from 'node:crypto';

/** @param {string} title @param {string} head @param {string} body */
function page(title, head, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

const appJs = "document.documentElement.dataset.ready = 'yes';\n";

/** @type {import('./index.mjs').SiteDefinition} */
export const topSite = {
  host: 'top.test',
  http: 'redirect-to-https',
  headers: () => ({
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }),
  routes: {
    '/': {
      type: 'text/html; charset=utf-8',
      headers: () => ({
        'Set-Cookie': `__Host-session=${randomBytes(18).toString('base64url')}; Path=/; Secure; HttpOnly; SameSite=Lax`,
        'Cache-Control': 'no-store',
      }),
      body: () => page('Ledger – Sign in', '<script src="/static/app.js" defer></script>', '<main><h1>Sign in to your ledger</h1><form method="post" action="/login"><input name="email" type="email"><button>Continue</button></form></main>'),
    },
    '/static/app.js': { type: 'text/javascript; charset=utf-8', body: () => appJs },
  },
};

/** @type {import('./index.mjs').SiteDefinition} */
export const middlingSite = {
  host: 'middling.test',
  http: 'redirect-to-https',
  headers: () => ({
    'Strict-Transport-Security': 'max-age=31536000',
    'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn-assets.test:*; object-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  }),
  routes: {
    '/': {
      type: 'text/html; charset=utf-8',
      headers: () => ({ 'Set-Cookie': `sessionid=${randomBytes(16).toString('hex')}; Path=/; Secure; HttpOnly` }),
      body: (ctx) =>
        page(
          'Atelier Brun – Réservations',
          `<script src="${ctx.url('cdn-assets.test', 'https', '/widgets/calendar.js')}"></script>\n<script>window.bookingOpen = true;</script>`,
          '<main><h1>Réservez un atelier</h1><p>Poterie, reliure, vitrail.</p></main>',
        ),
    },
  },
};

/** @type {import('./index.mjs').SiteDefinition} */
export const cdnAssetsSite = {
  host: 'cdn-assets.test',
  http: 'serve',
  headers: () => ({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' }),
  routes: {
    '/widgets/calendar.js': { type: 'text/javascript; charset=utf-8', body: () => 'window.calendarWidget = { ready: true };\n' },
  },
};

/** @type {import('./index.mjs').SiteDefinition} */
export const bareSite = {
  host: 'bare.test',
  http: 'serve',
  routes: {
    '/': {
      type: 'text/html; charset=UTF-8',
      headers: () => ({ 'Set-Cookie': `PHPSESSID=${randomBytes(13).toString('hex')}; path=/` }),
      body: () => page('Camping Les Pins', '<script src="/js/menu.js"></script>', '<main><h1>Camping Les Pins</h1><p>Emplacements ombragés, piscine chauffée.</p></main>'),
    },
    '/js/menu.js': { type: 'application/javascript', body: () => 'window.menuOpen = false;\n' },
  },
};

export const gradedSites = [topSite, middlingSite, cdnAssetsSite, bareSite];
