/**
 * The routes of the local test site: a decent page, a weak and hostile one, and servers that
 * misbehave (hang, trickle, never stop sending, compression bomb, redirect loop).
 */
import type http from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Handler } from './servers';

export const GOOD_HTML = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8"><title>  Good   test site </title>
<meta name="generator" content="Hugo 0.120.0">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<link rel="stylesheet" href="/css/site.css" integrity="sha384-abc">
<script src="/js/app.js" integrity="sha384-def" crossorigin="anonymous"></script>
<script src="/js/lib/jquery.js"></script>
<script>window.inline = 1;</script>
</head><body>
<form action="/search" method="POST"></form>
<img src="/logo.png"><iframe src="https://frames.example.test/embed"></iframe>
</body></html>`;

// A page written by an attacker: terminal escapes, markup and spreadsheet formulas in its strings,
// broken nesting and unterminated tags.
export const HOSTILE_HTML = `<html><head><title>Owned \u001b[2J\u001b[31m<b>x</b> =cmd|' /C calc'!A0</title>
<meta name="generator" content="=HYPERLINK(&quot;http://evil.test&quot;) \u001b]8;;http://evil.test\u0007click\u001b]8;;\u0007">
<script src="http://cdn.evil.test/lib.js"></script>
<script src="https://cdn.evil.test/other.js"
<div><p><table><td>unclosed <form action="http://evil.test/steal"><img src="http://evil.test/pixel.gif">
</body></htm`;

/** An old WordPress installed in a sub-folder, with a plugin and a theme whose version files are real headers. */
export const WORDPRESS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Old WordPress</title>
<meta name="generator" content="WordPress 4.9.8">
<link rel="stylesheet" href="/plain/wp/wp-content/themes/twentyfifteen/style.css?ver=4.9.8">
<script src="/plain/wp/wp-content/plugins/contact-form-7/includes/js/scripts.js?ver=5.3.1"></script>
<script src="/plain/wp/wp-content/plugins/moved-away/js/front.js?ver=2.0.0"></script>
</head><body><p>hello</p></body></html>`;

const wordpressFixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/wordpress/${name}`, import.meta.url)), 'utf8');

const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));

export const SECURITY_TXT = 'Contact: mailto:security@example.test\nExpires: 2099-01-01T00:00:00.000Z\n';

function page(res: http.ServerResponse, html: string, headers: Record<string, string | string[]>): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(html);
}

/** The site's routes; on plain HTTP every path redirects to the same path over HTTPS, unless `plainOk`. */
export function siteHandler(options: { plainOk?: boolean } = {}): Handler {
  return (req, res, secure) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!secure && !options.plainOk && !url.pathname.startsWith('/plain')) {
      res.writeHead(301, { location: `https://${req.headers.host}${url.pathname}` });
      res.end();
      return;
    }
    switch (url.pathname) {
      case '/':
        page(res, GOOD_HTML, {
          'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
          'X-Content-Type-Options': 'nosniff',
          'Set-Cookie': ['session=s3cr3t-value; Path=/; Secure; HttpOnly; SameSite=Strict', 'prefs=dark; Path=/; Max-Age=3600; SameSite=Lax', 'tracker=xyz; Domain=127.0.0.1; Path=/'],
          ...(req.headers.origin ? { 'Access-Control-Allow-Origin': '*' } : {}),
        });
        return;
      case '/.well-known/security.txt':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(SECURITY_TXT);
        return;
      case '/js/app.js':
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end('/* app */ console.log(1);');
        return;
      case '/js/lib/jquery.js':
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end('/*! jQuery v1.12.4 | (c) jQuery Foundation | jquery.org/license */\n!function(){}();');
        return;
      case '/plain/wp/':
        page(res, WORDPRESS_HTML, { Server: 'Apache/2.4.29 (Ubuntu)' });
        return;
      case '/plain/wp/wp-content/plugins/contact-form-7/readme.txt':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(wordpressFixture('contact-form-7-5.3.1.readme.txt'));
        return;
      case '/plain/wp/wp-content/themes/twentyfifteen/style.css':
        res.writeHead(200, { 'content-type': 'text/css' });
        res.end(wordpressFixture('twentyfifteen-1.1.style.css'));
        return;
      case '/plain/wp/wp-content/plugins/moved-away/readme.txt':
        res.writeHead(302, { location: 'http://elsewhere.example.test/readme.txt' });
        res.end();
        return;
      case '/plain':
      case '/plain/hostile':
        page(res, HOSTILE_HTML, { Server: 'Apache/2.2.3 (CentOS)', 'X-Powered-By': 'PHP/5.4.16', 'Set-Cookie': 'PHPSESSID=abcdef; path=/' });
        return;
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' });
        res.end();
        return;
      case '/loop-b':
        res.writeHead(302, { location: '/loop-a' });
        res.end();
        return;
      case '/bad-location':
        res.writeHead(302, { location: 'javascript:alert(1)' });
        res.end();
        return;
      case '/long-location':
        res.writeHead(302, { location: `/${'a'.repeat(5000)}` });
        res.end();
        return;
      case '/hang':
        return; // Never answers.
      case '/trickle': {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><head><title>slow');
        const timer = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/endless': {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><head><title>endless</title></head><body>');
        const chunk = Buffer.alloc(64 * 1024, '<p>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</p>');
        const pump = () => {
          while (res.write(chunk)) {
            /* keep sending until the socket pushes back */
          }
        };
        res.on('drain', pump);
        pump();
        return;
      }
      case '/bomb':
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        res.end(BOMB);
        return;
      case '/mixed':
        page(res, '<!doctype html><title>mixed</title><script src="http://cdn.example.test/lib.js"></script><img src="http://img.example.test/a.png"><form action="http://forms.example.test/post"></form>', {});
        return;
      case '/data.json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"a":1}');
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
    }
  };
}
