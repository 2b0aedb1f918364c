/**
 * A site shaped like an old WordPress: WordPress 4.9.8 (generator tag and core asset URLs), an
 * Apache 2.4.29 (Ubuntu) and PHP 7.2 banner, the Contact Form 7 5.3.1 plugin and the Twenty Fifteen
 * 1.1 theme with their real version files (tests/fixtures/wordpress/), and a plugin whose readme
 * is an error page served with 200, one whose readme redirects elsewhere, one whose readme is huge
 * and one whose readme is slow — for tests/e2e/old-wordpress.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (name) => readFileSync(fileURLToPath(new URL(`../fixtures/wordpress/${name}`, import.meta.url)), 'utf8');
const readme = fixture('contact-form-7-5.3.1.readme.txt');
const style = fixture('twentyfifteen-1.1.style.css');
const huge = `=== Huge Plugin ===\n${'Lorem ipsum dolor sit amet. '.repeat(40_000)}\nStable tag: 9.9.9\n`;

const page = (ctx) => `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>Old WordPress shop</title>
<meta name="generator" content="WordPress 4.9.8" />
<link rel="stylesheet" id="contact-form-7-css" href="/wp-content/plugins/contact-form-7/includes/css/styles.css?ver=5.3.1" type="text/css" media="all" />
<link rel="stylesheet" id="twentyfifteen-style-css" href="/wp-content/themes/twentyfifteen/style.css?ver=4.9.8" type="text/css" media="all" />
<link rel="stylesheet" id="wp-block-library-css" href="/wp-includes/css/dist/block-library/style.min.css?ver=4.9.8" type="text/css" media="all" />
<script type="text/javascript" src="/wp-includes/js/wp-emoji-release.min.js?ver=4.9.8"></script>
</head>
<body class="home blog">
<main><h1>Old WordPress shop</h1><p>Welcome.</p></main>
<script type="text/javascript" src="/wp-content/plugins/contact-form-7/includes/js/scripts.js?ver=5.3.1"></script>
<script type="text/javascript" src="/wp-content/plugins/soft-404/js/front.js?ver=4.9.8"></script>
<script type="text/javascript" src="/wp-content/plugins/moved-away/js/front.js?ver=2.0.0"></script>
<script type="text/javascript" src="/wp-content/plugins/huge-readme/js/front.js?ver=4.9.8"></script>
<script type="text/javascript" src="/wp-content/plugins/slow-readme/js/front.js?ver=4.9.8"></script>
${ctx.query.get('many') ? Array.from({ length: 30 }, (_, i) => `<script src="/wp-content/plugins/extra-${i}/x.js"></script>`).join('\n') : ''}
</body>
</html>
`;

const js = { type: 'application/javascript; charset=utf-8', body: () => '/* plugin script */\n' };

/** @type {import('./index.mjs').SiteDefinition} */
export const oldWordpressSite = {
  host: 'old-wordpress.test',
  http: 'serve',
  headers: () => ({ Server: 'Apache/2.4.29 (Ubuntu)', 'X-Powered-By': 'PHP/7.2.24' }),
  routes: {
    '/': { type: 'text/html; charset=UTF-8', body: page },
    '/wp-content/plugins/contact-form-7/includes/css/styles.css': { type: 'text/css', body: () => '.wpcf7 { margin: 0 }\n' },
    '/wp-content/plugins/contact-form-7/includes/js/scripts.js': js,
    '/wp-content/plugins/contact-form-7/readme.txt': { type: 'text/plain; charset=utf-8', body: () => readme },
    '/wp-content/themes/twentyfifteen/style.css': { type: 'text/css', body: () => style },
    '/wp-includes/css/dist/block-library/style.min.css': { type: 'text/css', body: () => '.wp-block { margin: 0 }\n' },
    '/wp-includes/js/wp-emoji-release.min.js': js,
    '/wp-content/plugins/soft-404/js/front.js': js,
    // A "200 OK" error page: it lies about being the readme.
    '/wp-content/plugins/soft-404/readme.txt': { type: 'text/html; charset=utf-8', body: () => '<!DOCTYPE html><title>Page not found</title><h1>Oops</h1>\n' },
    '/wp-content/plugins/moved-away/js/front.js': js,
    '/wp-content/plugins/moved-away/readme.txt': { status: 302, type: 'text/plain', headers: (ctx) => ({ Location: ctx.url('strong.test', ctx.scheme, '/readme.txt') }), body: () => '' },
    '/wp-content/plugins/huge-readme/js/front.js': js,
    '/wp-content/plugins/huge-readme/readme.txt': { type: 'text/plain; charset=utf-8', body: () => huge },
    '/wp-content/plugins/slow-readme/js/front.js': js,
    '/wp-content/plugins/slow-readme/readme.txt': { type: 'text/plain; charset=utf-8', delayMs: () => 6000, body: () => '=== Slow ===\nStable tag: 1.0.0\n' },
  },
};
