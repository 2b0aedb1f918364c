/**
 * strong.test: a well-configured site. Over HTTPS: HSTS for a year with subdomains, a strict
 * nonce-based Content-Security-Policy, X-Content-Type-Options, X-Frame-Options, Referrer-Policy,
 * Permissions-Policy, COOP and CORP, a __Host- session cookie with Secure, HttpOnly and
 * SameSite=Strict, a security.txt, and no software version anywhere. Over plain HTTP it only
 * redirects to its HTTPS address, as a well-configured site does.
 */
import { randomBytes } from 'node:crypto';

/** @param {import('./index.mjs').SiteContext} ctx */
function csp(ctx) {
  return [
    "default-src 'none'",
    `script-src 'nonce-${ctx.nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

/** @param {import('./index.mjs').SiteContext} ctx */
function home(ctx) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Northwind Clinic – Patient portal</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css">
<script nonce="${ctx.nonce}" src="/static/app.js" defer></script>
</head>
<body>
<header><strong>Northwind Clinic</strong></header>
<main>
  <h1>Your appointments, online</h1>
  <p>Book, move or cancel an appointment at any time.</p>
  <form method="post" action="/login">
    <label>Email <input type="email" name="email" autocomplete="username"></label>
    <label>Password <input type="password" name="password" autocomplete="current-password"></label>
    <button type="submit">Sign in</button>
  </form>
  <p id="status"></p>
</main>
<script nonce="${ctx.nonce}">document.documentElement.dataset.ready = 'yes';</script>
</body>
</html>
`;
}

/** @type {import('./index.mjs').SiteDefinition} */
export const strongSite = {
  host: 'strong.test',
  http: 'redirect-to-https',
  headers: (ctx) => ({
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'Content-Security-Policy': csp(ctx),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }),
  routes: {
    '/': {
      type: 'text/html; charset=utf-8',
      headers: () => ({
        'Set-Cookie': `__Host-sid=${randomBytes(24).toString('base64url')}; Path=/; Secure; HttpOnly; SameSite=Strict`,
        'Cache-Control': 'no-store',
      }),
      body: home,
    },
    '/static/app.js': {
      type: 'text/javascript; charset=utf-8',
      body: () => "document.getElementById('status').textContent = 'Portal ready.';\n",
    },
    '/static/site.css': { type: 'text/css; charset=utf-8', body: () => 'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto}\n' },
    '/.well-known/security.txt': {
      type: 'text/plain; charset=utf-8',
      body: () => 'Contact: mailto:security@strong.test\nExpires: 2031-12-31T23:00:00.000Z\nPreferred-Languages: en, fr\n',
    },
  },
};
