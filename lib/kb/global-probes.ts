import type { GlobalProbe } from '../collect/main-world-globals';

/**
 * Where libraries keep their version on the page's globals, read in the page's main world through
 * property descriptors (lib/collect/main-world-globals.ts): only data properties holding short strings
 * come back; a getter is never run. `library` is the component id of lib/kb/components.ts, except
 * '_' (Lodash or Underscore, told apart by the version in lib/components/detect.ts).
 */
export const GLOBAL_PROBES: GlobalProbe[] = [
  { library: 'jquery', paths: [['jQuery', 'fn', 'jquery'], ['$', 'fn', 'jquery']] },
  { library: 'jquery-ui', paths: [['jQuery', 'ui', 'version']] },
  { library: 'jquery-migrate', paths: [['jQuery', 'migrateVersion']] },
  { library: 'jquery-mobile', paths: [['jQuery', 'mobile', 'version']] },
  { library: 'datatables', paths: [['jQuery', 'fn', 'dataTable', 'version'], ['DataTable', 'version']] },
  { library: 'bootstrap', paths: [['jQuery', 'fn', 'tooltip', 'Constructor', 'VERSION'], ['jQuery', 'fn', 'modal', 'Constructor', 'VERSION']] },
  { library: 'angularjs', paths: [['angular', 'version', 'full']] },
  { library: 'react', paths: [['React', 'version']] },
  { library: 'react-dom', paths: [['ReactDOM', 'version']] },
  { library: 'vue', paths: [['Vue', 'version']] },
  { library: '_', paths: [['_', 'VERSION']] },
  { library: 'moment', paths: [['moment', 'version']] },
  { library: 'handlebars', paths: [['Handlebars', 'VERSION']] },
  { library: 'mustache', paths: [['Mustache', 'version']] },
  { library: 'dompurify', paths: [['DOMPurify', 'version']] },
  { library: 'axios', paths: [['axios', 'VERSION']] },
  { library: 'chartjs', paths: [['Chart', 'version']] },
  { library: 'knockout', paths: [['ko', 'version']] },
  { library: 'backbone', paths: [['Backbone', 'VERSION']] },
  { library: 'ember', paths: [['Ember', 'VERSION']] },
  { library: 'prototype', paths: [['Prototype', 'Version']] },
  { library: 'mootools', paths: [['MooTools', 'version']] },
  { library: 'gsap', paths: [['gsap', 'version']] },
  { library: 'd3', paths: [['d3', 'version']] },
  { library: 'modernizr', paths: [['Modernizr', '_version']] },
  { library: 'core-js', paths: [['__core-js_shared__', 'versions', '0', 'version'], ['core', 'version']] },
  { library: 'nextjs', paths: [['next', 'version']] },
  { library: 'alpinejs', paths: [['Alpine', 'version']] },
  { library: 'tinymce', paths: [['tinymce', 'version']] },
  { library: 'ckeditor', paths: [['CKEDITOR', 'version']] },
  { library: 'highcharts', paths: [['Highcharts', 'version']] },
  { library: 'videojs', paths: [['videojs', 'VERSION']] },
  { library: 'pdfjs', paths: [['pdfjsLib', 'version']] },
  { library: 'highlightjs', paths: [['hljs', 'versionString']] },
  { library: 'yui', paths: [['YUI', 'version']] },
  { library: 'extjs', paths: [['Ext', 'version']] },
  { library: 'leaflet', paths: [['L', 'version']] },
  // Presence only (the string read is not a version; see PRESENCE_PROBES).
  { library: 'shopify', paths: [['Shopify', 'shop']] },
  { library: 'wordpress', paths: [['wp', 'i18n', 'setLocaleData', 'name'], ['wp', 'hooks', 'addAction', 'name']] },
  { library: 'drupal', paths: [['drupalSettings', 'path', 'currentLanguage']] },
  { library: 'gatsby', paths: [['___loader', 'enqueue', 'name']] },
  { library: 'prestashop', paths: [['prestashop', 'language', 'iso_code']] },
];

/** Probes whose value only shows the component is there; the string read is not its version. */
export const PRESENCE_PROBE_IDS = ['shopify', 'wordpress', 'drupal', 'gatsby', 'prestashop'] as const;
export const PRESENCE_PROBES: ReadonlySet<string> = new Set(PRESENCE_PROBE_IDS);
