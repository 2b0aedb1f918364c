/**
 * Fingerprints outside script text: response headers, meta generator, cookie names and URL markers.
 * Every pattern is bounded (no nested repetition) and runs on input cut to a few hundred characters.
 */

export interface Observation {
  component: string;
  version?: string;
  /** Where it was seen, e.g. "header:server", "meta-generator", "cookie:PHPSESSID", "script-url:…". */
  source: string;
  confidence: number;
}

const VER = String.raw`(\d{1,6}(?:\.\d{1,6}){0,3}(?:-[\w.]{1,20})?)`;

interface HeaderPattern { header: string; re: RegExp; component: string; confidence?: number }

/** Header name → products it names, with the version in group 1 when present. */
const HEADER_PATTERNS: readonly HeaderPattern[] = [
  { header: 'server', re: new RegExp(String.raw`\bnginx(?:/${VER})?`, 'i'), component: 'nginx' },
  { header: 'server', re: new RegExp(String.raw`\bopenresty(?:/${VER})?`, 'i'), component: 'openresty' },
  { header: 'server', re: new RegExp(String.raw`\bApache(?!-Coyote)(?:/${VER})?`, 'i'), component: 'apache' },
  { header: 'server', re: new RegExp(String.raw`\bApache-Coyote(?:/${VER})?`, 'i'), component: 'tomcat', confidence: 70 },
  { header: 'server', re: new RegExp(String.raw`\bMicrosoft-IIS(?:/${VER})?`, 'i'), component: 'iis' },
  { header: 'server', re: /\bLiteSpeed\b/i, component: 'litespeed' },
  { header: 'server', re: /\bCaddy\b/i, component: 'caddy' },
  { header: 'server', re: /^cloudflare$/i, component: 'cloudflare' },
  { header: 'server', re: new RegExp(String.raw`\bPHP/${VER}`, 'i'), component: 'php' },
  { header: 'x-powered-by', re: new RegExp(String.raw`\bPHP(?:/${VER})?`, 'i'), component: 'php' },
  { header: 'x-powered-by', re: /\bASP\.NET\b/i, component: 'aspnet' },
  { header: 'x-powered-by', re: /^Express$/i, component: 'express' },
  { header: 'x-powered-by', re: new RegExp(String.raw`^Next\.js(?: ${VER})?`, 'i'), component: 'nextjs' },
  { header: 'x-powered-by', re: /^Nuxt\b/i, component: 'nuxt' },
  { header: 'x-powered-by', re: /\bWP Engine\b/i, component: 'wordpress', confidence: 80 },
  { header: 'x-powered-by', re: /\bPrestaShop\b/i, component: 'prestashop' },
  { header: 'x-aspnet-version', re: new RegExp(String.raw`^${VER}`), component: 'aspnet' },
  { header: 'x-generator', re: new RegExp(String.raw`^Drupal(?: ${VER})?`, 'i'), component: 'drupal' },
  { header: 'x-drupal-cache', re: /./, component: 'drupal' },
  { header: 'x-drupal-dynamic-cache', re: /./, component: 'drupal' },
  { header: 'x-shopify-stage', re: /./, component: 'shopify' },
  { header: 'x-shopid', re: /./, component: 'shopify' },
  { header: 'x-wix-request-id', re: /./, component: 'wix' },
  { header: 'x-magento-tags', re: /./, component: 'magento' },
  { header: 'x-magento-cache-debug', re: /./, component: 'magento' },
  { header: 'x-nextjs-cache', re: /./, component: 'nextjs' },
  { header: 'x-nextjs-prerender', re: /./, component: 'nextjs' },
  { header: 'x-litespeed-cache', re: /./, component: 'litespeed', confidence: 80 },
  { header: 'cf-ray', re: /./, component: 'cloudflare' },
  { header: 'x-pingback', re: /\/xmlrpc\.php$/, component: 'wordpress', confidence: 85 },
  { header: 'link', re: /rel="https:\/\/api\.w\.org\/"/, component: 'wordpress', confidence: 85 },
  { header: 'x-ghost-cache-status', re: /./, component: 'ghost' },
  { header: 'x-typo3-parsetime', re: /./, component: 'typo3' },
];

export function fromHeaders(headers: readonly (readonly [string, string])[]): Observation[] {
  const out: Observation[] = [];
  for (const [rawName, rawValue] of headers) {
    const name = rawName.toLowerCase();
    const value = rawValue.slice(0, 512);
    for (const p of HEADER_PATTERNS) {
      if (p.header !== name) continue;
      const m = p.re.exec(value);
      if (!m) continue;
      out.push({ component: p.component, ...(m[1] ? { version: m[1] } : {}), source: `header:${name}`, confidence: p.confidence ?? 90 });
    }
  }
  return out;
}

/** Meta generator content → component, version in group 1. */
const GENERATORS: readonly { re: RegExp; component: string }[] = [
  { re: new RegExp(String.raw`^WordPress(?: ${VER})?`, 'i'), component: 'wordpress' },
  { re: new RegExp(String.raw`^WooCommerce(?: ${VER})?`, 'i'), component: 'woocommerce' },
  { re: new RegExp(String.raw`^Drupal(?: ${VER})?`, 'i'), component: 'drupal' },
  { re: /^Joomla!/i, component: 'joomla' },
  { re: new RegExp(String.raw`^TYPO3(?: CMS)?(?: ${VER})?`, 'i'), component: 'typo3' },
  { re: new RegExp(String.raw`^Ghost(?: ${VER})?`, 'i'), component: 'ghost' },
  { re: /^PrestaShop\b/i, component: 'prestashop' },
  { re: /^Magento\b/i, component: 'magento' },
  { re: /^Wix\.com\b/i, component: 'wix' },
  { re: /^Squarespace\b/i, component: 'squarespace' },
  { re: /^Webflow\b/i, component: 'webflow' },
  { re: /^Shopify\b/i, component: 'shopify' },
  { re: /^Shopware\b/i, component: 'shopware' },
  { re: new RegExp(String.raw`^Contao(?: Open Source CMS)?(?: ${VER})?`, 'i'), component: 'contao' },
  { re: new RegExp(String.raw`^Umbraco(?: ${VER})?`, 'i'), component: 'umbraco' },
  { re: new RegExp(String.raw`^Gatsby(?: ${VER})?`, 'i'), component: 'gatsby' },
  { re: new RegExp(String.raw`^Next\.js(?: ${VER})?`, 'i'), component: 'nextjs' },
  { re: new RegExp(String.raw`^Nuxt(?: ${VER})?`, 'i'), component: 'nuxt' },
];

export function fromMetaGenerator(values: readonly string[]): Observation[] {
  const out: Observation[] = [];
  for (const raw of values) {
    const value = raw.trim().slice(0, 256);
    for (const g of GENERATORS) {
      const m = g.re.exec(value);
      if (m) out.push({ component: g.component, ...(m[1] ? { version: m[1] } : {}), source: 'meta-generator', confidence: 95 });
    }
  }
  return out;
}

/** Cookie names (exact or prefix) → component. */
const COOKIES: readonly { name: string; prefix?: boolean; component: string; confidence: number }[] = [
  { name: 'PHPSESSID', component: 'php', confidence: 75 },
  { name: 'ASP.NET_SessionId', component: 'aspnet', confidence: 80 },
  { name: '.ASPXAUTH', component: 'aspnet', confidence: 80 },
  { name: 'ASPSESSIONID', prefix: true, component: 'aspnet', confidence: 70 },
  { name: 'JSESSIONID', component: 'java', confidence: 70 },
  { name: 'laravel_session', component: 'laravel', confidence: 85 },
  { name: 'connect.sid', component: 'express', confidence: 70 },
  { name: 'csrftoken', component: 'django', confidence: 50 },
  { name: '_shopify_', prefix: true, component: 'shopify', confidence: 85 },
  { name: 'wordpress_', prefix: true, component: 'wordpress', confidence: 85 },
  { name: 'wp-settings-', prefix: true, component: 'wordpress', confidence: 85 },
  { name: 'woocommerce_', prefix: true, component: 'woocommerce', confidence: 85 },
  { name: 'wp_woocommerce_session_', prefix: true, component: 'woocommerce', confidence: 85 },
  { name: 'PrestaShop-', prefix: true, component: 'prestashop', confidence: 90 },
  { name: 'mage-cache-', prefix: true, component: 'magento', confidence: 85 },
  { name: 'mage-messages', component: 'magento', confidence: 85 },
  { name: 'fe_typo_user', component: 'typo3', confidence: 85 },
  { name: 'ghost-admin-api-session', component: 'ghost', confidence: 85 },
];
const DRUPAL_SESSION = /^S?SESS[0-9a-f]{32}$/;

export function fromCookieNames(names: readonly string[]): Observation[] {
  const out: Observation[] = [];
  for (const raw of names) {
    const name = raw.slice(0, 256);
    for (const c of COOKIES) {
      if (c.prefix ? name.startsWith(c.name) : name === c.name) out.push({ component: c.component, source: `cookie:${name.slice(0, 60)}`, confidence: c.confidence });
    }
    if (DRUPAL_SESSION.test(name)) out.push({ component: 'drupal', source: `cookie:${name.slice(0, 12)}…`, confidence: 70 });
  }
  return out;
}

/** URL markers (presence, no version): path fragments or hosts that only one product uses. */
const URL_MARKERS: readonly { re: RegExp; component: string; confidence: number }[] = [
  { re: /\/wp-(?:content|includes)\//, component: 'wordpress', confidence: 85 },
  { re: /\/wp-content\/plugins\/woocommerce\//, component: 'woocommerce', confidence: 85 },
  { re: /\/(?:sites\/(?:default|all)\/(?:files|modules|themes)|core\/misc\/drupal(?:\.min)?\.js|misc\/drupal\.js)/, component: 'drupal', confidence: 80 },
  { re: /\/(?:media\/(?:jui|system)\/js\/|components\/com_[\w-]{1,40}\/)/, component: 'joomla', confidence: 75 },
  { re: /\/typo3(?:conf|temp)\//, component: 'typo3', confidence: 85 },
  { re: /\/_next\/static\//, component: 'nextjs', confidence: 85 },
  { re: /\/_nuxt\//, component: 'nuxt', confidence: 85 },
  { re: /\/(?:pub\/)?static\/version\d{6,12}\/frontend\//, component: 'magento', confidence: 85 },
  { re: /^https?:\/\/cdn\.shopify\.com\//, component: 'shopify', confidence: 80 },
  { re: /^https?:\/\/static\.(?:parastorage|wixstatic)\.com\//, component: 'wix', confidence: 80 },
  { re: /^https?:\/\/[\w.-]{1,60}\.squarespace(?:-cdn)?\.com\//, component: 'squarespace', confidence: 75 },
  { re: /^https?:\/\/(?:assets|cdn\.prod)\.website-files\.com\//, component: 'webflow', confidence: 75 },
  { re: /\/modules\/ps_[a-z]{2,40}\//, component: 'prestashop', confidence: 75 },
  { re: /\/page-data\/(?:app-data|[\w/-]{0,200}page-data)\.json$/, component: 'gatsby', confidence: 80 },
  { re: /\/ghost\/api\/content\//, component: 'ghost', confidence: 75 },
  { re: /\/bundles\/storefront\//, component: 'shopware', confidence: 75 },
  { re: /\/(?:bundles|assets)\/contao[\w-]{0,40}\//, component: 'contao', confidence: 70 },
  { re: /\/umbraco\//, component: 'umbraco', confidence: 60 },
];

/** Library files named without a version ("/js/jquery.min.js"): presence only. */
const UNVERSIONED_FILES = /\/(jquery|jquery-ui|jquery-migrate|jquery\.validate|bootstrap|angular|react|react-dom|vue|lodash|underscore|moment|handlebars|mustache|purify|axios|knockout|backbone|select2|swiper-bundle|gsap|d3|modernizr)(?:\.(?:min|slim|bundle|production\.min|global\.prod|umd))*\.js$/;
const FILE_COMPONENT: Record<string, string> = {
  'jquery.validate': 'jquery-validation', angular: 'angularjs', purify: 'dompurify', 'swiper-bundle': 'swiper',
};

export function fromUrlMarkers(url: string, kind: string): Observation[] {
  if (!/^https?:\/\//i.test(url)) return [];
  const text = url.slice(0, 2048);
  const path = text.replace(/[?#].*$/, '');
  const out: Observation[] = [];
  for (const m of URL_MARKERS) {
    if (m.re.test(m.re.source.startsWith('^') ? text : path)) out.push({ component: m.component, source: `${kind}:${text.slice(0, 180)}`, confidence: m.confidence });
  }
  const file = UNVERSIONED_FILES.exec(path);
  if (file) {
    const stem = file[1]!;
    out.push({ component: FILE_COMPONENT[stem] ?? stem, source: `${kind}:${text.slice(0, 180)}`, confidence: 60 });
  }
  return out;
}
