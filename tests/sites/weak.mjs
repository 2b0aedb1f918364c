/**
 * weak.test: a small shop on an old CMS stack, left as deployed years ago. What it does wrong,
 * deliberately (the e2e tests assert on each point):
 * - announces its software versions: `Server: Apache/2.4.29 (Ubuntu)`, `X-Powered-By: PHP/7.2.24`,
 *   and an old WordPress generator tag;
 * - no Strict-Transport-Security, no X-Content-Type-Options, no Content-Security-Policy,
 *   no X-Frame-Options, no Referrer-Policy;
 * - a PHP session cookie without Secure, HttpOnly or SameSite;
 * - the real jQuery 1.12.4 file (read from node_modules, never fetched from the network), loaded
 *   the way WordPress loads it, so `jQuery.fn.jquery` really is "1.12.4";
 * - served over plain HTTP as well as over HTTPS, without any redirect.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The published jQuery 1.12.4 build, installed by `npm ci` under the alias `jquery-1.12.4`. */
export const JQUERY_1_12_4_PATH = require.resolve('jquery-1.12.4/dist/jquery.js');
const jquery = readFileSync(JQUERY_1_12_4_PATH);

/** @param {import('./index.mjs').SiteContext} ctx */
function home(ctx) {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Jardins Dupont – Outillage et graines depuis 1987</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="WordPress 4.9.8">
<link rel="stylesheet" href="/wp-content/themes/potager/style.css?ver=4.9.8">
<script src="/wp-includes/js/jquery/jquery.js?ver=1.12.4"></script>
<script>var wc_cart_params = {"ajax_url":"\\/wp-admin\\/admin-ajax.php","currency":"EUR"};</script>
</head>
<body class="home page-template-default woocommerce-page">
<header>
  <a class="logo" href="/">Jardins Dupont</a>
  <nav><a href="/boutique/">Boutique</a> · <a href="/conseils/">Conseils</a> · <a href="/contact/">Contact</a></nav>
</header>
<main>
  <h1>Tout pour le potager</h1>
  <p>Livraison offerte dès 49 € d'achat. Retrait possible en magasin à Angers.</p>
  <ul class="products">
    <li><h2>Bêche forgée 28 cm</h2><span class="price">34,90 €</span><button class="add_to_cart" data-id="118">Ajouter au panier</button></li>
    <li><h2>Graines de tomate Cœur de bœuf</h2><span class="price">2,80 €</span><button class="add_to_cart" data-id="241">Ajouter au panier</button></li>
    <li><h2>Arrosoir galvanisé 10 L</h2><span class="price">27,50 €</span><button class="add_to_cart" data-id="87">Ajouter au panier</button></li>
  </ul>
  <form class="login" method="post" action="/mon-compte/">
    <label>E-mail <input type="email" name="username"></label>
    <label>Mot de passe <input type="password" name="password"></label>
    <button type="submit">Se connecter</button>
  </form>
</main>
<footer><p>© Jardins Dupont SARL – ${ctx.host}</p></footer>
<script>
jQuery(function ($) {
  $('.add_to_cart').on('click', function () { $(this).text('Ajouté ✓'); });
});
</script>
</body>
</html>
`;
}

const css = `body{font-family:Georgia,serif;margin:0 auto;max-width:60rem;padding:1rem;color:#233}
header{display:flex;justify-content:space-between;border-bottom:2px solid #5a3}
.products{display:grid;grid-template-columns:repeat(3,1fr);gap:1rem;list-style:none;padding:0}
.price{font-weight:bold;color:#5a3}
`;

/** A one-page PDF, written out by hand (offsets in the xref table are computed). */
function minimalPdf(text) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 72 770 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}
const pricesPdf = minimalPdf('Jardins Dupont - Tarifs 2019');

/** @type {import('./index.mjs').SiteDefinition} */
export const weakSite = {
  host: 'weak.test',
  http: 'serve',
  headers: () => ({
    Server: 'Apache/2.4.29 (Ubuntu)',
    'X-Powered-By': 'PHP/7.2.24',
  }),
  routes: {
    '/': {
      type: 'text/html; charset=UTF-8',
      headers: () => ({
        // PHP's default session cookie: no Secure, no HttpOnly, no SameSite.
        'Set-Cookie': `PHPSESSID=${randomBytes(13).toString('hex')}; path=/`,
        Expires: 'Thu, 19 Nov 1981 08:52:00 GMT',
        'Cache-Control': 'no-store, no-cache, must-revalidate',
        Link: '<http://weak.test/wp-json/>; rel="https://api.w.org/"',
      }),
      body: home,
      // `?delay=ms` slows the page down (the scan re-requests it), so a test can see the loading state.
      delayMs: (ctx) => Number(ctx.query.get('delay')) || 0,
    },
    '/wp-includes/js/jquery/jquery.js': { type: 'application/javascript', body: () => jquery },
    '/wp-content/themes/potager/style.css': { type: 'text/css', body: () => css },
    // Not web pages: a price list in PDF and the CMS's JSON API, which Vigie must decline politely.
    '/tarifs-2019.pdf': { type: 'application/pdf', body: () => pricesPdf },
    '/wp-json/': {
      type: 'application/json; charset=UTF-8',
      body: () => JSON.stringify({ name: 'Jardins Dupont', description: 'Outillage et graines', url: 'http://weak.test', namespaces: ['oembed/1.0', 'wp/v2'] }),
    },
  },
};
