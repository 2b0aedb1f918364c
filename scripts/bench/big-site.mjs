/**
 * big.test: a catalogue page with about 100,000 elements (25,000 product cards of a link, a
 * picture, a name and a price), a few scripts and stylesheets, to measure the main-thread time
 * of the code Vigie injects on a large page. Served by the benchmark only.
 */
import { readFileSync } from 'node:fs';
import { JQUERY_1_12_4_PATH } from '../../tests/sites/weak.mjs';

const CARDS = 25_000;

function catalogue() {
  const cards = [];
  for (let i = 0; i < CARDS; i++) {
    cards.push(`<li><a href="/produit/${i}"><img src="data:," alt="">Produit ${i}</a><b>${(i % 97) + 0.99} €</b></li>`);
  }
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Catalogue – Quincaillerie Martin</title>
<meta name="generator" content="WordPress 6.4.3">
<link rel="stylesheet" href="/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3">
<script src="/wp-includes/js/jquery/jquery.min.js?ver=1.12.4"></script>
</head>
<body>
<header><nav><a href="/">Accueil</a> <a href="/contact">Contact</a></nav></header>
<form action="/recherche" method="get"><input name="q"><button>Chercher</button></form>
<main><ul>
${cards.join('\n')}
</ul></main>
<script>window.shop = { cards: ${CARDS} };</script>
</body>
</html>`;
}

const page = catalogue();
const jquery = readFileSync(JQUERY_1_12_4_PATH);

/** @type {import('../../tests/sites/index.mjs').SiteDefinition} */
export const bigSite = {
  host: 'big.test',
  http: 'serve',
  headers: () => ({ Server: 'nginx' }),
  routes: {
    '/': { type: 'text/html; charset=utf-8', body: () => page },
    '/wp-includes/js/jquery/jquery.min.js': { type: 'application/javascript', body: () => jquery },
    '/wp-includes/css/dist/block-library/style.min.css': { type: 'text/css', body: () => 'body{font-family:sans-serif}' },
  },
};
