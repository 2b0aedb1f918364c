/**
 * large.test: big pages for measuring what Vigie's injected code costs the page's main thread
 * (tests/e2e/injected-cost.test.ts).
 *
 * - /catalogue?elements=N&scripts=M: a shop catalogue with about N elements (product cards with
 *   links, images, prices and buttons) and M same-origin external scripts (small modules, after
 *   the real library builds the test passes in `libraries`, so the banner scan has real files to
 *   read; `&libs=0` leaves those out).
 * - /small: a short page, for reference.
 * Pages are built once per (N, M) and cached.
 */
import { readFileSync } from 'node:fs';

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A small module like a bundler's chunk (about 1.5 KB, no library banner). @param {number} i */
function moduleSource(i) {
  const body = Array.from({ length: 12 }, (_, k) => `function f${k}(a,b){return a*${k + 1}+b-${i % 97}}`).join(';');
  return `(function(){"use strict";${body};var n=${i};window.__modules=(window.__modules||0)+1;window["m${i}"]={n:n,run:function(x){return f3(x,n)+f7(n,x)}};})();\n`;
}

/** Elements per product card: article, a, img, h3, p, span, button, ul + 3 li. */
const PER_CARD = 11;

/** @param {number} elements @param {number} scripts @param {string[]} libraryPaths */
function catalogue(elements, scripts, libraryPaths) {
  const cards = Math.max(1, Math.round(elements / PER_CARD));
  const out = [];
  out.push('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Catalogue – Quincaillerie Moreau</title>');
  out.push('<style>.card{display:inline-block;width:180px;margin:4px;font:12px sans-serif}.card img{width:1px;height:1px}</style>');
  out.push('</head><body><header><h1>Catalogue</h1><nav><a href="/">Accueil</a></nav></header><main id="grid">');
  for (let i = 0; i < cards; i++) {
    out.push(`<article class="card" data-sku="SKU-${i}"><a href="/p/${i}"><img src="/img/p.png" alt="" loading="lazy"></a><h3>Article ${i}</h3><p>Réf. ${1000 + i}</p><span class="price">${(i % 90) + 9},90 €</span><button type="button" data-id="${i}">Ajouter</button><ul><li>Stock</li><li>Livraison 48 h</li><li>Garantie 2 ans</li></ul></article>`);
  }
  out.push('</main>');
  libraryPaths.forEach((_, i) => out.push(`<script src="/lib/${i}.js"></script>`));
  for (let i = 0; i < scripts; i++) out.push(`<script src="/js/chunk-${i}.js"></script>`);
  out.push('</body></html>\n');
  return out.join('\n');
}

/**
 * @param {{ libraries?: string[] }} [options] absolute paths of real library builds to load first
 * @returns {import('./index.mjs').SiteDefinition}
 */
export function largeSite(options = {}) {
  const libraries = options.libraries ?? [];
  const libraryContents = libraries.map((p) => readFileSync(p));
  /** @type {Map<string, string>} */
  const pages = new Map();
  /** @type {Record<string, import('./index.mjs').Route>} */
  const routes = {
    '/catalogue': {
      type: 'text/html; charset=utf-8',
      body: (ctx) => {
        const elements = Math.min(Number(ctx.query.get('elements')) || 5000, 200_000);
        const scripts = Math.min(Number(ctx.query.get('scripts')) || 0, 1000);
        const libs = ctx.query.get('libs') === '0' ? [] : libraries;
        const key = `${elements}/${scripts}/${libs.length}`;
        if (!pages.has(key)) pages.set(key, catalogue(elements, scripts, libs));
        return /** @type {string} */ (pages.get(key));
      },
    },
    '/small': {
      type: 'text/html; charset=utf-8',
      body: () => '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Contact</title></head><body><h1>Contact</h1><p>02 41 00 00 00</p><script src="/js/chunk-0.js"></script></body></html>\n',
    },
    '/img/p.png': { type: 'image/png', headers: () => ({ 'Cache-Control': 'public, max-age=3600' }), body: () => PNG },
  };
  for (let i = 0; i < 1000; i++) {
    const source = moduleSource(i);
    routes[`/js/chunk-${i}.js`] = { type: 'text/javascript; charset=utf-8', headers: () => ({ 'Cache-Control': 'public, max-age=3600' }), body: () => source };
  }
  libraryContents.forEach((content, i) => {
    routes[`/lib/${i}.js`] = { type: 'text/javascript; charset=utf-8', headers: () => ({ 'Cache-Control': 'public, max-age=3600' }), body: () => content };
  });
  return { host: 'large.test', http: 'serve', routes };
}
