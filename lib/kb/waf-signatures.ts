/**
 * Passive WAF / CDN / load-balancer signatures: response headers and cookie names that a vendor's
 * own documentation says its service adds. Matching one is a hint, never proof (a header can be
 * copied, a service can be in front without filtering anything). Nothing is ever sent to find them.
 *
 * Each entry records its source (the vendor page describing that header or cookie) and the date
 * the entry was written. `sourceSeen` is true when the source text was read when the entry was
 * written; false means the entry comes from the vendor's well-known behaviour and its URL is still
 * to be re-read by someone with web access (docs/hints.md, "Keeping the signatures honest").
 *
 * Regular expressions here run on bounded, page-controlled strings: keep them anchored, without
 * nested or overlapping quantifiers (tests/hints/waf-redos.test.ts checks growth stays linear).
 */

/** What a signature shows about the service in front of the site. */
export type InfraKind = 'waf' | 'cdn' | 'load-balancer';

export interface InfraVendor {
  id: string;
  /** Product name as the vendor writes it (not translated). */
  name: string;
}

export type SignatureMatch =
  /** A response header, by lower-case name; when `value` is given the value must match it. */
  | { on: 'header'; header: string; value?: RegExp }
  /** A cookie, by name (from the cookie jar, document.cookie or Set-Cookie). */
  | { on: 'cookie'; cookie: RegExp };

export interface WafSignature {
  vendor: string;
  shows: InfraKind;
  match: SignatureMatch;
  source: string;
  checked: string;
  sourceSeen: boolean;
}

export const INFRA_VENDORS: readonly InfraVendor[] = [
  { id: 'cloudflare', name: 'Cloudflare' },
  { id: 'akamai', name: 'Akamai' },
  { id: 'sucuri', name: 'Sucuri Website Firewall' },
  { id: 'imperva', name: 'Imperva (Incapsula)' },
  { id: 'cloudfront', name: 'Amazon CloudFront' },
  { id: 'aws-waf', name: 'AWS WAF' },
  { id: 'aws-elb', name: 'AWS Elastic Load Balancing' },
  { id: 'fastly', name: 'Fastly' },
  { id: 'azure-front-door', name: 'Azure Front Door' },
  { id: 'azure-app-gateway', name: 'Azure Application Gateway' },
  { id: 'f5-bigip', name: 'F5 BIG-IP' },
  { id: 'barracuda', name: 'Barracuda Web Application Firewall' },
  { id: 'fortiweb', name: 'Fortinet FortiWeb' },
  { id: 'netscaler', name: 'Citrix NetScaler' },
  { id: 'ddos-guard', name: 'DDoS-Guard' },
  { id: 'google-cloud', name: 'Google Cloud load balancer (GFE)' },
  { id: 'edgecast', name: 'Edgecast (Edgio)' },
  { id: 'stackpath', name: 'StackPath (Highwinds)' },
  { id: 'bunny', name: 'Bunny CDN' },
  { id: 'keycdn', name: 'KeyCDN' },
  { id: 'vercel', name: 'Vercel' },
  { id: 'netlify', name: 'Netlify' },
  { id: 'reblaze', name: 'Reblaze' },
];

const CHECKED = '2026-11-28';

const h = (vendor: string, shows: InfraKind, header: string, source: string, sourceSeen: boolean, value?: RegExp): WafSignature => ({
  vendor, shows, match: value ? { on: 'header', header, value } : { on: 'header', header }, source, checked: CHECKED, sourceSeen,
});
const c = (vendor: string, shows: InfraKind, cookie: RegExp, source: string, sourceSeen: boolean): WafSignature => ({
  vendor, shows, match: { on: 'cookie', cookie }, source, checked: CHECKED, sourceSeen,
});

const CF_HEADERS = 'https://developers.cloudflare.com/fundamentals/reference/http-headers/';
const CF_COOKIES = 'https://developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/';
const CF_CLEARANCE = 'https://developers.cloudflare.com/cloudflare-challenges/concepts/clearance/';
const AKAMAI_CACHE_STATUS = 'https://techdocs.akamai.com/property-mgr/docs/return-cache-status';
const AKAMAI_BOT_MANAGER = 'https://techdocs.akamai.com/bot-manager/docs/welcome-bot-manager';
const AKAMAI_GHOST = 'https://techdocs.akamai.com/edge-diagnostics/docs/welcome-edge-diagnostics';
const SUCURI = 'https://docs.sucuri.net/website-firewall/';
const IMPERVA_COOKIES = 'https://docs.imperva.com/bundle/cloud-application-security/page/cookies.htm';
const IMPERVA_HEADERS = 'https://docs.imperva.com/bundle/cloud-application-security/page/settings/delivery-settings.htm';
const CLOUDFRONT = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html';
const AWS_WAF_TOKEN = 'https://docs.aws.amazon.com/waf/latest/developerguide/waf-tokens-details.html';
const AWS_WAF_CAPTCHA = 'https://docs.aws.amazon.com/waf/latest/developerguide/waf-captcha-and-challenge.html';
const AWS_ALB_STICKY = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html';
const AWS_CLB_STICKY = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-sticky-sessions.html';
const FASTLY_HEADERS = 'https://www.fastly.com/documentation/reference/http/http-headers/';
const FASTLY_SERVED_BY = 'https://www.fastly.com/documentation/reference/http/http-headers/X-Served-By/';
const AZURE_FD = 'https://learn.microsoft.com/azure/frontdoor/front-door-http-headers-protocol';
const AZURE_AG = 'https://learn.microsoft.com/azure/application-gateway/configuration-http-settings';
const F5_PERSIST = 'https://my.f5.com/manage/s/article/K6917';
const F5_ASM = 'https://my.f5.com/manage/s/article/K6850';
const BARRACUDA = 'https://campus.barracuda.com/product/webapplicationfirewall/doc/4259862/how-to-configure-session-tracking/';
const FORTIWEB = 'https://docs.fortinet.com/product/fortiweb';
const NETSCALER_PERSIST = 'https://docs.netscaler.com/en-us/citrix-adc/current-release/load-balancing/load-balancing-persistence/cookie-persistence.html';
const NETSCALER_CACHE = 'https://docs.netscaler.com/en-us/citrix-adc/current-release/optimization/integrated-caching.html';
const DDOS_GUARD = 'https://ddos-guard.net/en/manual/category/common-settings';
const GOOGLE_LB = 'https://cloud.google.com/load-balancing/docs/https';
const GOOGLE_APPENGINE = 'https://cloud.google.com/appengine/docs/standard/reference/request-response-headers';
const EDGECAST = 'https://docs.edg.io/applications/v7/performance/response';
const STACKPATH = 'https://support.stackpath.com/hc/en-us/articles/360001091666';
const BUNNY = 'https://docs.bunny.net/docs/cdn-response-headers';
const KEYCDN = 'https://www.keycdn.com/support/keycdn-headers';
const VERCEL = 'https://vercel.com/docs/headers/response-headers';
const NETLIFY = 'https://docs.netlify.com/routing/headers/';
const REBLAZE = 'https://gb.docs.reblaze.net/';

export const WAF_SIGNATURES: readonly WafSignature[] = [
  // Cloudflare: the edge always adds CF-Ray; __cf_bm and cf_clearance come from its bot and challenge features.
  h('cloudflare', 'cdn', 'cf-ray', CF_HEADERS, false),
  h('cloudflare', 'cdn', 'server', CF_HEADERS, false, /^cloudflare(?:-nginx)?$/i),
  h('cloudflare', 'cdn', 'cf-cache-status', CF_HEADERS, false),
  c('cloudflare', 'waf', /^__cf_bm$/, CF_COOKIES, false),
  c('cloudflare', 'waf', /^cf_clearance$/, CF_CLEARANCE, true),
  c('cloudflare', 'load-balancer', /^__cflb$/, CF_COOKIES, false),
  // Akamai
  h('akamai', 'cdn', 'akamai-cache-status', AKAMAI_CACHE_STATUS, true),
  h('akamai', 'cdn', 'server', AKAMAI_GHOST, false, /^AkamaiGHost$/i),
  h('akamai', 'cdn', 'akamai-grn', AKAMAI_GHOST, false),
  h('akamai', 'cdn', 'x-akamai-transformed', AKAMAI_GHOST, false),
  c('akamai', 'waf', /^_abck$/, AKAMAI_BOT_MANAGER, false),
  c('akamai', 'waf', /^(?:bm_sz|ak_bmsc|bm_sv)$/, AKAMAI_BOT_MANAGER, false),
  // Sucuri
  h('sucuri', 'waf', 'x-sucuri-id', SUCURI, false),
  h('sucuri', 'waf', 'x-sucuri-cache', SUCURI, false),
  h('sucuri', 'waf', 'server', SUCURI, false, /^Sucuri\/Cloudproxy/i),
  // Imperva / Incapsula
  h('imperva', 'waf', 'x-iinfo', IMPERVA_HEADERS, false),
  h('imperva', 'waf', 'x-cdn', IMPERVA_HEADERS, false, /^(?:Incapsula|Imperva)\b/i),
  c('imperva', 'waf', /^incap_ses_[0-9_]{1,40}$/, IMPERVA_COOKIES, false),
  c('imperva', 'waf', /^visid_incap_[0-9]{1,20}$/, IMPERVA_COOKIES, false),
  c('imperva', 'waf', /^nlbi_[0-9_]{1,40}$/, IMPERVA_COOKIES, false),
  // Amazon CloudFront
  h('cloudfront', 'cdn', 'x-amz-cf-id', CLOUDFRONT, false),
  h('cloudfront', 'cdn', 'x-amz-cf-pop', CLOUDFRONT, false),
  h('cloudfront', 'cdn', 'via', CLOUDFRONT, false, /\(CloudFront\)/i),
  h('cloudfront', 'cdn', 'x-cache', CLOUDFRONT, false, /\bfrom cloudfront$/i),
  // AWS WAF: its token cookie, and the header of a CAPTCHA or challenge answer.
  c('aws-waf', 'waf', /^aws-waf-token$/, AWS_WAF_TOKEN, true),
  h('aws-waf', 'waf', 'x-amzn-waf-action', AWS_WAF_CAPTCHA, false),
  // AWS Elastic Load Balancing stickiness cookies (AWS WAF can be attached to an ALB).
  c('aws-elb', 'load-balancer', /^AWSALB(?:TG)?(?:CORS)?$/, AWS_ALB_STICKY, false),
  c('aws-elb', 'load-balancer', /^AWSELB(?:CORS)?$/, AWS_CLB_STICKY, true),
  h('aws-elb', 'load-balancer', 'server', AWS_ALB_STICKY, false, /^awselb\/\d/i),
  // Fastly
  h('fastly', 'cdn', 'x-fastly-request-id', FASTLY_HEADERS, false),
  h('fastly', 'cdn', 'fastly-debug-digest', FASTLY_HEADERS, false),
  h('fastly', 'cdn', 'x-served-by', FASTLY_SERVED_BY, true, /^cache-[a-z0-9]{2,20}-[a-z]{3,4}\d{0,8}\b/i),
  // Azure Front Door and Azure CDN
  h('azure-front-door', 'cdn', 'x-azure-ref', AZURE_FD, true),
  h('azure-front-door', 'cdn', 'x-azure-ref-originshield', AZURE_FD, false),
  // Azure Application Gateway (can carry Azure WAF)
  c('azure-app-gateway', 'load-balancer', /^ApplicationGatewayAffinity(?:CORS)?$/, AZURE_AG, false),
  // F5 BIG-IP: LTM persistence cookie; ASM / Advanced WAF cookies are TS followed by hex.
  c('f5-bigip', 'load-balancer', /^BIGipServer/, F5_PERSIST, true),
  h('f5-bigip', 'load-balancer', 'server', F5_PERSIST, false, /^BIG-?IP$/i),
  c('f5-bigip', 'waf', /^TS[0-9a-f]{8}(?:_[0-9a-f]{1,8})?$/i, F5_ASM, false),
  // Barracuda
  c('barracuda', 'waf', /^barra_counter_session$/, BARRACUDA, false),
  c('barracuda', 'waf', /^BNI__BARRACUDA_LB_COOKIE$/, BARRACUDA, false),
  c('barracuda', 'waf', /^BNI_persistence$/, BARRACUDA, false),
  // FortiWeb
  c('fortiweb', 'waf', /^FORTIWAFSID$/, FORTIWEB, false),
  // Citrix NetScaler (ADC): persistence cookies, integrated cache Via header.
  c('netscaler', 'load-balancer', /^NSC_/, NETSCALER_PERSIST, false),
  c('netscaler', 'load-balancer', /^citrix_ns_id/, NETSCALER_PERSIST, false),
  h('netscaler', 'load-balancer', 'via', NETSCALER_CACHE, false, /\bNS-CACHE/i),
  // DDoS-Guard
  h('ddos-guard', 'waf', 'server', DDOS_GUARD, false, /^ddos-guard$/i),
  c('ddos-guard', 'waf', /^__ddg[0-9a-z]{1,8}_?$/, DDOS_GUARD, false),
  // Google Cloud front ends (Cloud Armor, when used, sits there but adds no header of its own).
  h('google-cloud', 'load-balancer', 'via', GOOGLE_LB, false, /^1\.1 google$/i),
  h('google-cloud', 'load-balancer', 'server', GOOGLE_APPENGINE, false, /^Google Frontend$/i),
  // Edgecast / Edgio
  h('edgecast', 'cdn', 'server', EDGECAST, false, /^(?:ECAcc|ECS|ECD) \(/),
  // StackPath (Highwinds network)
  h('stackpath', 'cdn', 'x-hw', STACKPATH, false),
  // Bunny CDN
  h('bunny', 'cdn', 'server', BUNNY, false, /^BunnyCDN/i),
  h('bunny', 'cdn', 'cdn-requestid', BUNNY, false),
  // KeyCDN
  h('keycdn', 'cdn', 'server', KEYCDN, false, /^keycdn-engine$/i),
  // Vercel
  h('vercel', 'cdn', 'x-vercel-id', VERCEL, false),
  h('vercel', 'cdn', 'server', VERCEL, false, /^Vercel$/i),
  // Netlify
  h('netlify', 'cdn', 'x-nf-request-id', NETLIFY, false),
  h('netlify', 'cdn', 'server', NETLIFY, false, /^Netlify$/i),
  // Reblaze
  c('reblaze', 'waf', /^rbzid$/, REBLAZE, false),
  h('reblaze', 'waf', 'server', REBLAZE, false, /^Reblaze Secure Web Gateway$/i),
];
