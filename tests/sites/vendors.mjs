/**
 * Sites behind (imitated) edge vendors and with supervision tools, for tests/e2e/hints.test.ts.
 * Only response headers and cookies imitate the vendors; nothing is fetched from them. The
 * monitoring tools are local stand-in scripts at the paths their vendors' loaders use, on the
 * site's own host, so no request goes to a vendor.
 *
 * - cf-shop.test: headers and bot-management cookie as Cloudflare's edge adds them; an expired
 *   security.txt.
 * - sucuri-blog.test: Sucuri Website Firewall's headers; no security.txt at all.
 * - watched.test: Bugsnag, Elastic APM RUM, Dynatrace and AppDynamics agents; a valid
 *   security.txt (Contact, Expires in six months).
 */
import { randomBytes } from 'node:crypto';

/** @param {string} title @param {string} head */
const html = (title, head) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
${head}
</head>
<body>
<h1>${title}</h1>
<p>Opening hours, prices and directions.</p>
</body>
</html>
`;

const DAY = 24 * 3600 * 1000;

/** @type {import('./index.mjs').SiteDefinition} */
export const cloudflareSite = {
  host: 'cf-shop.test',
  http: 'serve',
  headers: () => ({
    Server: 'cloudflare',
    'CF-RAY': `${randomBytes(8).toString('hex')}-CDG`,
    'CF-Cache-Status': 'DYNAMIC',
  }),
  routes: {
    '/': {
      type: 'text/html; charset=utf-8',
      headers: () => ({
        'Set-Cookie': `__cf_bm=${randomBytes(32).toString('base64url')}; path=/; expires=${new Date(Date.now() + 30 * 60 * 1000).toUTCString()}; HttpOnly; Secure; SameSite=None`,
      }),
      body: () => html('Boutique Lavande', ''),
    },
    '/.well-known/security.txt': {
      type: 'text/plain; charset=utf-8',
      body: () => 'Contact: mailto:security@cf-shop.test\nExpires: 2023-01-31T23:00:00.000Z\nPreferred-Languages: fr, en\n',
    },
  },
};

/** @type {import('./index.mjs').SiteDefinition} */
export const sucuriSite = {
  host: 'sucuri-blog.test',
  http: 'serve',
  headers: () => ({
    Server: 'Sucuri/Cloudproxy',
    'X-Sucuri-ID': '18014',
    'X-Sucuri-Cache': 'HIT',
  }),
  routes: {
    '/': { type: 'text/html; charset=utf-8', body: () => html('Le blog du potager', '') },
  },
};

/** Stand-ins for the vendors' agents: they define a global and send nothing. */
const agent = (/** @type {string} */ name) => `(function(){window.${name}={started:true,notify:function(){}};})();\n`;

/** @type {import('./index.mjs').SiteDefinition} */
export const watchedSite = {
  host: 'watched.test',
  http: 'serve',
  routes: {
    '/': {
      type: 'text/html; charset=utf-8',
      body: () => html('Transports Girard – Suivi de colis', [
        '<script src="/js/vendor/bugsnag.min.js"></script>',
        '<script src="/js/vendor/elastic-apm-rum.umd.min.js"></script>',
        '<script src="/ruxitagentjs_ICA2SVfqru_10283240117120926.js"></script>',
        '<script src="/adrum/adrum-23.10.1.min.js"></script>',
      ].join('\n')),
    },
    '/js/vendor/bugsnag.min.js': { type: 'text/javascript', body: () => agent('Bugsnag') },
    '/js/vendor/elastic-apm-rum.umd.min.js': { type: 'text/javascript', body: () => agent('elasticApm') },
    '/ruxitagentjs_ICA2SVfqru_10283240117120926.js': { type: 'text/javascript', body: () => agent('dT_') },
    '/adrum/adrum-23.10.1.min.js': { type: 'text/javascript', body: () => agent('ADRUM') },
    '/.well-known/security.txt': {
      type: 'text/plain; charset=utf-8',
      body: () => `Contact: mailto:security@watched.test\nContact: https://watched.test/security\nExpires: ${new Date(Date.now() + 180 * DAY).toISOString()}\nPreferred-Languages: fr, en\n`,
    },
  },
};

export const vendorSites = [cloudflareSite, sucuriSite, watchedSite];
