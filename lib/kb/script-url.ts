/**
 * Library versions read from a script URL, with strict patterns only: a known CDN's
 * "<package>@<version>" or "/<package>/<version>/" layout, a file named "<library>-<version>.js",
 * or WordPress and Drupal core assets whose query carries the version. Stylesheet URLs work too
 * (CDN layouts and WordPress core stylesheets). Never a version from a
 * hash, a random path segment or any other query string; other extensions' URLs are ignored.
 * Pure, no import: usable in the injected script as well as in the audit.
 */

export interface UrlMatch {
  library: string;
  version: string;
}

/** A full version: 2 to 4 numeric parts, optional prerelease, anchored by the caller. */
const VERSION = String.raw`v?(\d{1,4}\.\d{1,4}(?:\.\d{1,4}){0,2}(?:-(?:alpha|beta|rc|pre|next)\.?\d{0,4})?)`;

/** npm package names (jsDelivr, unpkg) → component id. */
const NPM: Record<string, string> = {
  jquery: 'jquery', 'jquery-ui': 'jquery-ui', 'jquery-ui-dist': 'jquery-ui', 'jquery-migrate': 'jquery-migrate',
  'jquery-validation': 'jquery-validation', 'datatables.net': 'datatables', bootstrap: 'bootstrap', angular: 'angularjs',
  '@angular/core': 'angular', react: 'react', 'react-dom': 'react-dom', vue: 'vue', lodash: 'lodash', underscore: 'underscore',
  moment: 'moment', handlebars: 'handlebars', mustache: 'mustache', dompurify: 'dompurify', axios: 'axios', 'chart.js': 'chartjs',
  knockout: 'knockout', backbone: 'backbone', 'ember-source': 'ember', select2: 'select2', swiper: 'swiper', gsap: 'gsap', d3: 'd3',
  modernizr: 'modernizr', 'core-js': 'core-js', 'core-js-bundle': 'core-js', alpinejs: 'alpinejs', svelte: 'svelte', tinymce: 'tinymce',
  highcharts: 'highcharts', 'video.js': 'videojs', 'pdfjs-dist': 'pdfjs', 'highlight.js': 'highlightjs', leaflet: 'leaflet', dojo: 'dojo',
};

/** cdnjs and Google Hosted Libraries names → component id. */
const CDN_LIBS: Record<string, string> = {
  jquery: 'jquery', jqueryui: 'jquery-ui', 'jquery-migrate': 'jquery-migrate', 'jquery-validate': 'jquery-validation',
  'jquery.mobile': 'jquery-mobile', datatables: 'datatables', 'twitter-bootstrap': 'bootstrap', bootstrap: 'bootstrap',
  'angular.js': 'angularjs', angularjs: 'angularjs', react: 'react', 'react-dom': 'react-dom', vue: 'vue', 'lodash.js': 'lodash',
  'underscore.js': 'underscore', 'moment.js': 'moment', 'handlebars.js': 'handlebars', 'mustache.js': 'mustache',
  dompurify: 'dompurify', axios: 'axios', 'Chart.js': 'chartjs', knockout: 'knockout', 'backbone.js': 'backbone',
  'ember.js': 'ember', prototype: 'prototype', mootools: 'mootools', dojo: 'dojo', select2: 'select2', Swiper: 'swiper',
  gsap: 'gsap', d3: 'd3', modernizr: 'modernizr', 'core-js': 'core-js', 'alpinejs': 'alpinejs', tinymce: 'tinymce',
  highcharts: 'highcharts', 'video.js': 'videojs', 'pdf.js': 'pdfjs', 'highlight.js': 'highlightjs', leaflet: 'leaflet',
};

/** File-name stems ("jquery-3.7.1.min.js") → component id. */
const FILE_STEMS: Record<string, string> = {
  jquery: 'jquery', 'jquery-ui': 'jquery-ui', 'jquery-migrate': 'jquery-migrate', 'jquery.validate': 'jquery-validation',
  'jquery.mobile': 'jquery-mobile', 'jquery.dataTables': 'datatables', bootstrap: 'bootstrap', angular: 'angularjs',
  react: 'react', 'react-dom': 'react-dom', vue: 'vue', lodash: 'lodash', underscore: 'underscore', moment: 'moment',
  handlebars: 'handlebars', mustache: 'mustache', purify: 'dompurify', axios: 'axios', knockout: 'knockout',
  backbone: 'backbone', ember: 'ember', prototype: 'prototype', mootools: 'mootools', 'mootools-core': 'mootools',
  select2: 'select2', swiper: 'swiper', gsap: 'gsap', d3: 'd3', modernizr: 'modernizr', tinymce: 'tinymce',
  highcharts: 'highcharts', leaflet: 'leaflet',
};

const own = (map: Record<string, string>, key: string) => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined);

const JSDELIVR_NPM = new RegExp(String.raw`^/npm/((?:@[\w.-]{1,60}/)?[\w.-]{1,60})@${VERSION}(?:/|$)`);
const UNPKG = new RegExp(String.raw`^/((?:@[\w.-]{1,60}/)?[\w.-]{1,60})@${VERSION}(?:/|$)`);
const LIBS_PATH = new RegExp(String.raw`^/ajax/libs/([\w.-]{1,60})/${VERSION}/`);
const BOOTSTRAPCDN = new RegExp(String.raw`^/(?:twitter-)?bootstrap/${VERSION}/`);
const CODE_JQUERY = new RegExp(String.raw`^/(?:(ui|mobile)/${VERSION}/|(jquery(?:-migrate)?)-${VERSION}(?:\.slim)?(?:\.min)?\.js$)`);
const FILE_NAME = new RegExp(String.raw`^([A-Za-z][\w.-]{0,30}?)[-.@]${VERSION}(?:[.-](?:min|slim|pack|custom|bundle|full|prod|production|umd))*\.js$`);
const WP_QUERY_VER = new RegExp(String.raw`^${VERSION}(?:-wp)?$`);
const DRUPAL_QUERY_V = new RegExp(String.raw`^(\d{1,2}\.\d{1,3}\.\d{1,3})$`);

/** WordPress core's own scripts and stylesheets, whose ?ver= is the WordPress version. */
const WP_OWN = /^\/(?:[\w.-]{1,60}\/){0,3}wp-includes\/(?:js\/(?:wp-emoji-release|wp-embed|comment-reply|wp-emoji|admin-bar)(?:\.min)?\.js|css\/(?:dashicons|admin-bar|dist\/block-library\/(?:style|theme))(?:\.min)?\.css)$/;
/** Third-party libraries WordPress bundles, whose ?ver= is the library's version. */
const WP_BUNDLED: Record<string, string> = {
  'jquery/jquery': 'jquery', 'jquery/jquery-migrate': 'jquery-migrate', underscore: 'underscore', backbone: 'backbone',
};

function parseUrl(raw: string): URL | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null;
  if (!/^https?:\/\//i.test(raw)) return null; // chrome-extension://, moz-extension://, data:, blob: …
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Versions a script URL states, strictly. */
export function matchScriptUrl(raw: string): UrlMatch[] {
  const url = parseUrl(raw);
  if (!url) return [];
  const host = url.hostname.toLowerCase();
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  const out: UrlMatch[] = [];
  const push = (library: string | undefined, version: string | undefined) => {
    if (library && version && !out.some((m) => m.library === library)) out.push({ library, version });
  };

  if (host === 'cdn.jsdelivr.net' || host === 'fastly.jsdelivr.net') {
    const m = JSDELIVR_NPM.exec(path);
    if (m) push(own(NPM, m[1]!), m[2]);
  } else if (host === 'unpkg.com') {
    const m = UNPKG.exec(path);
    if (m) push(own(NPM, m[1]!), m[2]);
  } else if (host === 'cdnjs.cloudflare.com' || host === 'ajax.googleapis.com' || host === 'ajax.cdnjs.com') {
    const m = LIBS_PATH.exec(path);
    if (m) push(own(CDN_LIBS, m[1]!), m[2]);
  } else if (/(?:^|\.)bootstrapcdn\.com$/.test(host)) {
    const m = BOOTSTRAPCDN.exec(path);
    if (m) push('bootstrap', m[1]);
  } else if (host === 'code.jquery.com') {
    const m = CODE_JQUERY.exec(path);
    if (m?.[1]) push(m[1] === 'ui' ? 'jquery-ui' : 'jquery-mobile', m[2]);
    else if (m?.[3]) push(m[3] === 'jquery' ? 'jquery' : 'jquery-migrate', m[4]);
  }

  const file = path.slice(path.lastIndexOf('/') + 1);
  if (!out.length) {
    const m = FILE_NAME.exec(file);
    if (m) push(own(FILE_STEMS, m[1]!), m[2]);
  }

  // WordPress: core scripts and the libraries it bundles state their version in ?ver=.
  const ver = url.searchParams.get('ver');
  if (ver !== null && path.includes('/wp-includes/')) {
    const vm = WP_QUERY_VER.exec(ver);
    if (vm) {
      if (WP_OWN.test(path)) push('wordpress', vm[1]);
      const rel = /\/wp-includes\/js\/([\w/-]{1,40}?)(?:\.min)?\.js$/.exec(path)?.[1];
      if (rel) push(own(WP_BUNDLED, rel), vm[1]);
    }
  }
  // Drupal 8+: core scripts carry ?v=<Drupal version>, the libraries it bundles ?v=<library version>.
  const v = url.searchParams.get('v');
  if (v !== null) {
    const dm = DRUPAL_QUERY_V.exec(v);
    if (dm && /^\/(?:[\w.-]{1,60}\/){0,3}core\/misc\/[\w.-]{1,60}\.js$/.test(path)) push('drupal', dm[1]);
    if (dm && /\/core\/assets\/vendor\/jquery\/jquery(?:\.min)?\.js$/.test(path)) push('jquery', dm[1]);
  }
  return out;
}
