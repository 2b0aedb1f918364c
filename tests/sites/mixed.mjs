/**
 * Sites for the mixed-content end-to-end test (tests/e2e/hints.test.ts). Every http:// address
 * points at a local *.test host on the shared port of the test (`where.port`, see
 * tests/e2e/support-sites.ts), so nothing leaves the machine and an upgraded request
 * (http://host:P → https://host:P) really reaches the site.
 *
 * - mixed.test: an https page that still asks for a script, a stylesheet and a frame (active),
 *   an image and a video (passive) over http://, and posts a form to http://.
 * - upgrade.test: the same kind of page with `upgrade-insecure-requests` in its CSP header.
 * - clean.test: an https page that loads everything over https (a plain link to an http:// page
 *   and an http:// URL in the text are not mixed content).
 * - old-assets.test: the host the http:// subresources come from; serves them over both schemes.
 */

/** @typedef {{ port: number }} Where */

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** @param {string} title @param {string} head @param {string} body */
const html = (title, head, body) => `<!DOCTYPE html>
<html lang="fr">
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

/** @param {Where} where */
export function mixedSites(where) {
  const on = (/** @type {string} */ host, /** @type {'http' | 'https'} */ scheme, /** @type {string} */ path) => `${scheme}://${host}:${where.port}${path}`;

  /** @type {import('./index.mjs').SiteDefinition} */
  const mixed = {
    host: 'mixed.test',
    http: 'serve',
    headers: () => ({ 'Strict-Transport-Security': 'max-age=31536000', 'X-Content-Type-Options': 'nosniff' }),
    routes: {
      '/': {
        type: 'text/html; charset=utf-8',
        body: () => html(
          'Office de tourisme – Val de Loire',
          [
            `<link rel="stylesheet" href="${on('old-assets.test', 'http', '/css/theme.css')}">`,
            `<script src="${on('old-assets.test', 'http', '/js/widget.js')}"></script>`,
          ].join('\n'),
          [
            '<h1>Séjours et balades</h1>',
            `<img src="${on('old-assets.test', 'http', '/img/logo.png')}" alt="logo" width="1" height="1">`,
            `<video src="${on('old-assets.test', 'http', '/media/intro.mp4')}" preload="auto" muted></video>`,
            `<iframe src="${on('old-assets.test', 'http', '/embed/map.html')}" title="carte"></iframe>`,
            `<form method="post" action="${on('mixed.test', 'http', '/newsletter')}"><input type="email" name="email"><button>S'inscrire</button></form>`,
          ].join('\n'),
        ),
      },
    },
  };

  /** @type {import('./index.mjs').SiteDefinition} */
  const upgrade = {
    host: 'upgrade.test',
    http: 'serve',
    headers: () => ({ 'Content-Security-Policy': 'upgrade-insecure-requests', 'Strict-Transport-Security': 'max-age=31536000' }),
    routes: {
      '/': {
        type: 'text/html; charset=utf-8',
        body: () => html(
          'Gîte du Moulin',
          `<script src="${on('old-assets.test', 'http', '/js/widget.js')}"></script>`,
          [
            '<h1>Gîte du Moulin</h1>',
            `<img src="${on('old-assets.test', 'http', '/img/logo.png')}" alt="logo" width="1" height="1">`,
            `<form method="post" action="${on('upgrade.test', 'http', '/reservation')}"><input name="nom"><button>Réserver</button></form>`,
          ].join('\n'),
        ),
      },
    },
  };

  /** @type {import('./index.mjs').SiteDefinition} */
  const clean = {
    host: 'clean.test',
    http: 'redirect-to-https',
    headers: () => ({ 'Strict-Transport-Security': 'max-age=31536000', 'X-Content-Type-Options': 'nosniff' }),
    routes: {
      '/': {
        type: 'text/html; charset=utf-8',
        body: () => html(
          'Cabinet Martin – Kinésithérapie',
          '<link rel="stylesheet" href="/css/site.css">\n<script src="/js/site.js"></script>',
          [
            '<h1>Cabinet Martin</h1>',
            '<img src="/img/logo.png" alt="logo" width="1" height="1">',
            `<p>Ancien site : ${on('clean.test', 'http', '/archives/')} — <a href="${on('old-assets.test', 'http', '/embed/map.html')}">plan d'accès</a></p>`,
            '<form method="post" action="/contact"><input name="message"><button>Envoyer</button></form>',
          ].join('\n'),
        ),
      },
      '/css/site.css': { type: 'text/css', body: () => 'body{font-family:sans-serif}\n' },
      '/js/site.js': { type: 'text/javascript', body: () => 'window.siteReady = true;\n' },
      '/img/logo.png': { type: 'image/png', body: () => PNG },
    },
  };

  /** @type {import('./index.mjs').SiteDefinition} */
  const oldAssets = {
    host: 'old-assets.test',
    http: 'serve',
    headers: () => ({ 'Access-Control-Allow-Origin': '*' }),
    routes: {
      '/css/theme.css': { type: 'text/css', body: () => 'h1{color:#264}\n' },
      '/js/widget.js': { type: 'text/javascript', body: () => 'window.oldWidget = true;\n' },
      '/img/logo.png': { type: 'image/png', body: () => PNG },
      // Not a playable film: the request is what matters.
      '/media/intro.mp4': { type: 'video/mp4', body: () => Buffer.alloc(256) },
      '/embed/map.html': { type: 'text/html; charset=utf-8', body: () => html('Carte', '', '<p>Carte</p>') },
    },
  };

  return [mixed, upgrade, clean, oldAssets];
}
