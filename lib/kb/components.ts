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
  django: c('Django', 'framework'),
  java: c('Java servlet container', 'language'),
  nodejs: c('Node.js', 'language'),
};

export function componentInfo(id: string): ComponentInfo | undefined {
  return Object.prototype.hasOwnProperty.call(COMPONENTS, id) ? COMPONENTS[id] : undefined;
}
