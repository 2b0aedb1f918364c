/**
 * Version banners and version assignments in the text of script files the page already loaded.
 * Bundled into the injected content script: pure, no import, small.
 *
 * Work is bounded on multi-megabyte files: each signature first looks for a literal anchor with
 * indexOf (linear), then runs its small regex only on a short window around at most MAX_HITS
 * occurrences of the anchor. Every regex uses bounded quantifiers only (no nested repetition),
 * so no input can make it backtrack catastrophically (tested in tests/kb/redos.test.ts).
 */

export interface BannerMatch {
  library: string;
  version: string;
}

export interface BannerSignature {
  library: string;
  /** Literal text that must be present; the regex only runs around it. */
  anchor: string;
  /** Characters of context kept before and after the anchor. */
  before: number;
  after: number;
  /** Captures the version in group 1. */
  re: RegExp;
}

/** A version: 1.2, 1.2.3 or 1.2.3.4, with an optional prerelease tag. */
const V = String.raw`(\d{1,4}\.\d{1,4}(?:\.\d{1,4}){0,2}(?:-?(?:alpha|beta|rc|pre|next|dev|b|a)\.?\d{0,6})?)`;
const W = String.raw`[\w$]{1,4}`;

const sig = (library: string, anchor: string, before: number, after: number, pattern: string, flags = ''): BannerSignature => ({
  library, anchor, before, after, re: new RegExp(pattern, flags),
});
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** "<anchor>v1.2.3" style banner: the version follows the anchor, an optional "v" and spaces. */
const after = (library: string, anchor: string, tail = '') => sig(library, anchor, 0, anchor.length + 40, `${esc(anchor)}\\s{0,3}v?${V}${tail}`);

export const BANNER_SIGNATURES: readonly BannerSignature[] = [
  // jQuery: "/*! jQuery v3.7.1 | ...", slim builds "/*! jQuery v3.7.1 -ajax,-effects ...", unminified header.
  sig('jquery', 'jQuery v', 4, 400, String.raw`/\*! jQuery v${V}((?: -[\w/-]{1,40}(?:,-[\w/-]{1,40}){0,30})?)(?= \||\s)`),
  after('jquery', 'jQuery JavaScript Library v'),
  sig('jquery', '.fn.init(', 120, 9, String.raw`="${V}"(?:,${W}=/HTML\$/i)?,${W}=function\(\w,\w\)\{return new ${W}\.fn\.init\(`),
  sig('jquery', 'jquery:"', 0, 30, String.raw`jquery:"${V}",constructor`),
  after('jquery-ui', 'jQuery UI - v'),
  sig('jquery-ui', '.ui.version="', 0, 30, String.raw`\.ui\.version="${V}"`),
  after('jquery-migrate', 'jQuery Migrate v'),
  sig('jquery-migrate', 'migrateVersion="', 0, 30, String.raw`migrateVersion="${V}"`),
  after('jquery-validation', 'jQuery Validation Plugin - v'),
  after('datatables', 'DataTables ', String.raw`(?=\s|$)`),
  sig('jquery-mobile', 'jQuery Mobile ', 0, 40, String.raw`jQuery Mobile ${V}`),
  sig('bootstrap', 'Bootstrap v', 0, 50, String.raw`Bootstrap v${V} \(https?://getbootstrap\.com`),
  after('angularjs', 'AngularJS v'),
  sig('angularjs', 'errors.angularjs.org/', 0, 40, String.raw`errors\.angularjs\.org/${V}/`),
  // React UMD builds: the license banner names the file; React 18 has only the version assignment.
  sig('react', '@license React v', 0, 60, String.raw`@license React v${V}\s{0,4}\*\s{0,4}react\.`),
  sig('react-dom', '@license React v', 0, 60, String.raw`@license React v${V}\s{0,4}\*\s{0,4}react-dom\.`),
  sig('react', '.current.useTransition()}', 0, 50, String.raw`\.current\.useTransition\(\)\};${W}\.version="${V}"`),
  sig('react', '.useState(a)};', 0, 40, String.raw`\.useState\(a\)\};${W}\.version="${V}"`),
  sig('react-dom', 'rendererPackageName:"react-dom"', 40, 31, String.raw`version:"${V}",rendererPackageName:"react-dom"`),
  sig('vue', 'Vue.js v', 0, 30, String.raw`Vue\.js v${V}`),
  sig('vue', '* vue v', 0, 30, String.raw`\* vue v${V}`),
  sig('vue', '"FunctionalRenderContext"', 0, 90, String.raw`"FunctionalRenderContext",\{value:${W}\}\),${W}\.version="${V}"`),
  sig('lodash', '="Unsupported core-js use', 50, 25, String.raw`="${V}",${W}=200,${W}="Unsupported core-js use`),
  sig('lodash', '{chain:false}),', 0, 50, String.raw`\{chain:false\}\),${W}\.VERSION="${V}"`),
  sig('lodash', 'var VERSION = \'', 0, 40, String.raw`var VERSION = '${V}';\s{0,9}/\*\* Used as the size to enable large array`),
  // "Underscore.js 1.8.3" also appears in Lodash's licence comment ("| Underscore.js 1.8.3 underscorejs.org/LICENSE").
  sig('underscore', 'Underscore.js ', 12, 60, String.raw`(?<!(?:\| |Based on ))Underscore\.js ${V}(?! <?(?:https?://)?underscorejs\.org/LICENSE)\s`),
  sig('moment', '//! version : ', 0, 40, String.raw`//! version : ${V}`),
  sig('moment', '("x",function(', 0, 90, String.raw`\("x",function\(\w,\w,\w\)\{\w\._d=new Date\(\w{1,3}\(\w\)\)\}\),${W}\.version="${V}"`),
  sig('handlebars', 'handlebars v', 0, 40, String.raw`handlebars v${V}`),
  sig('handlebars', '.COMPILER_REVISION', 40, 20, String.raw`="${V}";${W}\.VERSION=${W};var ${W}=\d{1,3};${W}\.COMPILER_REVISION`),
  sig('mustache', 'name="mustache.js";', 0, 60, String.raw`name="mustache\.js";[\w$]{1,12}\.version="${V}"`),
  sig('mustache', 'name:"mustache.js",', 0, 50, String.raw`name:"mustache\.js",version:"${V}"`),
  sig('mustache', 'name: \'mustache.js\',', 0, 50, String.raw`name: 'mustache\.js',\s{0,9}version: '${V}'`),
  after('dompurify', '@license DOMPurify '),
  sig('dompurify', '.removed=[]', 40, 12, String.raw`${W}\.version="${V}",${W}\.removed=\[\]`),
  sig('axios', 'axios v', 3, 40, String.raw`/\* axios v${V} \|`),
  after('axios', 'Axios v', String.raw` Copyright`),
  sig('axios', '[Axios v', 0, 40, String.raw`\[Axios v${V}\] Transitional`),
  after('chartjs', 'Chart.js v'),
  after('knockout', 'Knockout JavaScript library v'),
  sig('backbone', '.noConflict=function(){', 60, 40, String.raw`${W}\.VERSION="${V}";${W}\.\$=${W};${W}\.noConflict=function\(\)\{${W}\.Backbone`),
  sig('backbone', 'Backbone.VERSION', 0, 40, String.raw`Backbone\.VERSION\s?=\s?['"]${V}['"]`),
  sig('ember', 'Ember - JavaScript Application Framework', 0, 400, String.raw`Ember - JavaScript Application Framework[\s\S]{0,300}?@version\s{1,9}${V}`),
  after('prototype', 'Prototype JavaScript framework, version'),
  sig('mootools', 'MooTools={version:"', 0, 40, String.raw`MooTools=\{version:"${V}"`),
  sig('mootools', 'MooTools = {', 0, 60, String.raw`MooTools = \{\s{0,9}version: '${V}'`),
  sig('dojo', 'dojo.version', 0, 60, String.raw`dojo\.version\s?=\s?\{major:\s?(\d{1,2}),\s?minor:\s?(\d{1,2}),\s?patch:\s?(\d{1,2})`),
  after('select2', 'Select2 ', String.raw` \|`),
  sig('swiper', 'Swiper ', 0, 80, String.raw`Swiper ${V}\s{1,4}\*\s{1,4}Most modern mobile touch slider`),
  sig('gsap', '* GSAP ', 0, 30, String.raw`\* GSAP ${V}\s`),
  sig('d3', 'd3js.org v', 0, 30, String.raw`d3js\.org v${V} `),
  sig('modernizr', 'odernizr ', 0, 40, String.raw`[Mm]odernizr ${V} \(Custom Build\)`),
  sig('core-js', '"global",copyright:', 60, 0, String.raw`version:"${V}",mode:(?:[\w$]{1,3}\?"pure":)?"global",copyright:`),
  sig('core-js', "mode: 'global',", 40, 0, String.raw`version: '${V}',\s{0,9}mode: 'global',`),
  sig('core-js', '* core-js ', 0, 70, String.raw`\* core-js ${V}\s{1,4}\*\s{1,4}https://github\.com/zloirock/core-js`),
  sig('nextjs', '.next={version:"', 0, 40, String.raw`\.next=\{version:"${V}"`),
  after('tinymce', 'TinyMCE version'),
  sig('tinymce', 'tiny.cloud/', 0, 60, String.raw`tiny\.cloud/\s{1,4}\*\s{1,4}\*?\s{0,4}Version: ${V} \(`),
  after('highcharts', 'Highcharts JS v'),
  sig('highcharts', 'product="Highcharts",', 0, 50, String.raw`product="Highcharts",${W}\.version="${V}"`),
  sig('videojs', 'Video.js ', 0, 40, String.raw`@license\s{1,4}\*\s{1,4}Video\.js ${V} <`, ''),
  after('leaflet', 'Leaflet ', String.raw`(?:\+[^,\n]{1,80})?, a JS library`),
  sig('pdfjs', 'pdfjsVersion = ', 0, 40, String.raw`pdfjsVersion = ['"]${V}['"]`),
  after('highlightjs', 'Highlight.js v'),
];

const MAX_HITS = 3;
const MAX_RESULTS = 20;

/** Lowers the per-signature cost of dojo's three-part capture into one version string. */
function versionOf(m: RegExpExecArray): string | null {
  if (m[2] !== undefined && m[3] !== undefined && /^\d+$/.test(m[1] ?? '') && /^\d+$/.test(m[2])) return `${m[1]}.${m[2]}.${m[3]}`;
  const v = m[1];
  if (!v) return null;
  if (!m[2]) return v;
  // A slim build's list of removed modules can be long: keep whole module names within 64 characters.
  const full = `${v}${m[2]}`;
  if (full.length <= 64) return full;
  const cut = full.lastIndexOf(',', 62);
  return `${full.slice(0, cut > v.length ? cut : v.length)},…`.slice(0, 64);
}

/** Every library banner found in a script's text, first occurrence per library, at most 20. */
export function matchBanners(text: string): BannerMatch[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const found = new Map<string, string>();
  for (const s of BANNER_SIGNATURES) {
    if (found.size >= MAX_RESULTS) break;
    if (found.has(s.library)) continue;
    let from = 0;
    for (let hit = 0; hit < MAX_HITS; hit++) {
      const at = text.indexOf(s.anchor, from);
      if (at < 0) break;
      from = at + s.anchor.length;
      const start = Math.max(0, at - s.before);
      const window = text.slice(start, at + s.anchor.length + s.after);
      const m = s.re.exec(window);
      if (!m) continue;
      const version = versionOf(m);
      if (version) {
        found.set(s.library, version);
        break;
      }
    }
  }
  return [...found].map(([library, version]) => ({ library, version }));
}
