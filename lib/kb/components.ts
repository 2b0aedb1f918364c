/** Every component Vigie names: its id (used across the knowledge base), display name and category. */
import type { Technology } from '../audit/schema';

export interface ComponentInfo {
  name: string;
  category: Technology['category'];
}

type Category = Technology['category'];
const c = (name: string, category: Category): ComponentInfo => ({ name, category });

export const COMPONENTS: Readonly<Record<string, ComponentInfo>> = {
  // JavaScript libraries and front-end frameworks
  jquery: c('jQuery', 'library'),
  'jquery-ui': c('jQuery UI', 'library'),
  'jquery-migrate': c('jQuery Migrate', 'library'),
  'jquery-validation': c('jQuery Validation', 'library'),
  'jquery-mobile': c('jQuery Mobile', 'library'),
  datatables: c('DataTables', 'library'),
  bootstrap: c('Bootstrap', 'library'),
  angularjs: c('AngularJS', 'framework'),
  angular: c('Angular', 'framework'),
  react: c('React', 'framework'),
  'react-dom': c('React DOM', 'framework'),
  vue: c('Vue.js', 'framework'),
  lodash: c('Lodash', 'library'),
  underscore: c('Underscore.js', 'library'),
  moment: c('Moment.js', 'library'),
  handlebars: c('Handlebars', 'library'),
  mustache: c('Mustache.js', 'library'),
  dompurify: c('DOMPurify', 'library'),
  axios: c('axios', 'library'),
  chartjs: c('Chart.js', 'library'),
  knockout: c('Knockout', 'framework'),
  backbone: c('Backbone.js', 'framework'),
  ember: c('Ember.js', 'framework'),
  prototype: c('Prototype', 'library'),
  mootools: c('MooTools', 'library'),
  dojo: c('Dojo', 'library'),
  select2: c('Select2', 'library'),
  swiper: c('Swiper', 'library'),
  gsap: c('GSAP', 'library'),
  d3: c('D3', 'library'),
  modernizr: c('Modernizr', 'library'),
  'core-js': c('core-js', 'library'),
  nextjs: c('Next.js', 'framework'),
  nuxt: c('Nuxt', 'framework'),
  gatsby: c('Gatsby', 'framework'),
  svelte: c('Svelte', 'framework'),
  alpinejs: c('Alpine.js', 'framework'),
  tinymce: c('TinyMCE', 'library'),
  ckeditor: c('CKEditor 4', 'library'),
  highcharts: c('Highcharts', 'library'),
  videojs: c('Video.js', 'library'),
  pdfjs: c('PDF.js', 'library'),
  threejs: c('three.js', 'library'),
  highlightjs: c('highlight.js', 'library'),
  yui: c('YUI', 'library'),
  extjs: c('Ext JS', 'framework'),
  leaflet: c('Leaflet', 'library'),
  // CMS and shops
  wordpress: c('WordPress', 'cms'),
  woocommerce: c('WooCommerce', 'shop'),
  drupal: c('Drupal', 'cms'),
  joomla: c('Joomla', 'cms'),
  typo3: c('TYPO3', 'cms'),
  ghost: c('Ghost', 'cms'),
  contao: c('Contao', 'cms'),
  umbraco: c('Umbraco', 'cms'),
  squarespace: c('Squarespace', 'cms'),
  webflow: c('Webflow', 'cms'),
  wix: c('Wix', 'cms'),
  prestashop: c('PrestaShop', 'shop'),
  magento: c('Magento', 'shop'),
  shopify: c('Shopify', 'shop'),
  shopware: c('Shopware', 'shop'),
  // Servers, CDNs, languages and back-end frameworks
  nginx: c('nginx', 'server'),
  openresty: c('OpenResty', 'server'),
  apache: c('Apache HTTP Server', 'server'),
  iis: c('Microsoft IIS', 'server'),
  litespeed: c('LiteSpeed', 'server'),
  caddy: c('Caddy', 'server'),
  tomcat: c('Apache Tomcat', 'server'),
  cloudflare: c('Cloudflare', 'cdn'),
  php: c('PHP', 'language'),
  aspnet: c('ASP.NET', 'framework'),
  express: c('Express', 'framework'),
  laravel: c('Laravel', 'framework'),
  symfony: c('Symfony', 'framework'),
  django: c('Django', 'framework'),
  java: c('Java servlet container', 'language'),
  nodejs: c('Node.js', 'language'),
};

/** CMS extensions are named by kind and slug: `wp-plugin:<slug>`, `wp-theme:<slug>`, `drupal-module:<project>`, `joomla-extension:<name>`. */
const EXTENSION = /^(wp-plugin|wp-theme|drupal-module|joomla-extension):([a-z0-9][a-z0-9._-]{0,99})$/;
const EXTENSION_CATEGORY = { 'wp-plugin': 'plugin', 'wp-theme': 'theme', 'drupal-module': 'plugin', 'joomla-extension': 'plugin' } as const;

/**
 * Components Vigie names on their own that are also CMS extensions: the WooCommerce plugin is the
 * shop "WooCommerce", and its advisories are those of the plugin.
 */
export const EXTENSION_ALIASES: Readonly<Record<string, string>> = { 'wp-plugin:woocommerce': 'woocommerce' };
export const ADVISORY_KEYS: Readonly<Record<string, string>> = { woocommerce: 'wp-plugin:woocommerce' };

export function componentInfo(id: string): ComponentInfo | undefined {
  if (Object.prototype.hasOwnProperty.call(COMPONENTS, id)) return COMPONENTS[id];
  const m = EXTENSION.exec(id);
  return m ? { name: m[2]!, category: EXTENSION_CATEGORY[m[1] as keyof typeof EXTENSION_CATEGORY] } : undefined;
}

export const isExtension = (id: string): boolean => EXTENSION.test(id);
