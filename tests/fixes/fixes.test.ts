import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../lib/headers/csp';
import { fixFor, recommendCsp } from '../../lib/fixes';
import { removeHeaderSnippets, safeHeaderValue, setHeaderSnippets } from '../../lib/fixes/snippets';
import { RULES } from '../../lib/rules/registry';
import { classifyCsp } from '../../lib/score/checks/csp';
import { evidence, page, WEAK_HEADERS } from '../fixtures/headers/build';
import { run } from '../rules/run';

describe('header snippets', () => {
  it('gives nginx, Apache and plain forms', () => {
    expect(setHeaderSnippets('X-Content-Type-Options', 'nosniff')).toEqual({
      nginx: 'add_header X-Content-Type-Options "nosniff" always;',
      apache: '<IfModule mod_headers.c>\n  Header always set X-Content-Type-Options "nosniff"\n</IfModule>',
      generic: 'X-Content-Type-Options: nosniff',
    });
  });
  it('cannot be broken out of by a hostile value', () => {
    const s = setHeaderSnippets('Content-Security-Policy', 'a"; \n return 200 "x\\');
    expect(s.nginx.split('\n')).toHaveLength(1);
    expect(s.nginx).toBe('add_header Content-Security-Policy "a\\"; return 200 \\"x\\\\" always;');
    expect(safeHeaderValue('a\r\nSet-Cookie: x')).toBe('a Set-Cookie: x');
    expect(() => setHeaderSnippets('Bad Name\n', 'x')).toThrow();
  });
  it('removes disclosure headers, with the server-wide switch for Server', () => {
    expect(removeHeaderSnippets('Server').nginx).toBe('server_tokens off;');
    expect(removeHeaderSnippets('X-Powered-By').apache).toContain('Header always unset X-Powered-By');
  });
});

describe('fixFor', () => {
  const weak = evidence({ url: 'https://old.example.fr/', headers: WEAK_HEADERS, page: { scripts: [{ src: 'https://code.jquery.com/jquery.js' }] } });
  it('has a snippet for every failing header check of the weak site', () => {
    for (const id of ['transport.hsts-missing', 'headers.xcto-missing', 'headers.clickjacking-unprotected', 'headers.referrer-policy-missing', 'headers.permissions-policy-missing', 'headers.coop-missing', 'csp.missing']) {
      expect(run(id, weak)!.length, id).toBeGreaterThan(0);
      expect(fixFor(id, weak), id).not.toBeNull();
    }
  });
  it('removes the header named by a disclosure finding', () => {
    const [hit] = run('disclosure.version-header', weak)!.filter((h) => h.subject === 'x-powered-by');
    expect(fixFor('disclosure.version-header', weak, hit!.subject)!.generic).toBe('x-powered-by');
  });
  it('proposes a CSP built from the page for CSP findings', () => {
    expect(fixFor('csp.missing', weak)!.generic).toContain('script-src \'self\' https://code.jquery.com');
  });
  it('returns null where no header can fix it', () => {
    expect(fixFor('headers.sri-missing', weak)).toBeNull();
  });
  it('knows every rule id it names', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const id of ['transport.http-no-redirect', 'transport.hsts-not-preload', 'headers.cross-origin-invalid']) expect(ids.has(id)).toBe(true);
  });
});

describe('recommendCsp', () => {
  const snapshot = page('https://shop.example.fr/products', {
    scripts: [{ src: 'https://shop.example.fr/app.js' }, { src: 'https://cdn.jsdelivr.net/npm/x.js' }, { src: 'http://insecure.example/y.js' }],
    stylesheets: [{ href: 'https://fonts.googleapis.com/css2?family=Inter' }],
    subresources: [{ kind: 'iframe', url: 'https://www.youtube-nocookie.com/embed/1' }, { kind: 'img', url: 'data:image/png;base64,AAAA' }],
    resources: [
      { name: 'https://fonts.gstatic.com/s/inter.woff2', initiatorType: 'css', nextHopProtocol: 'h2', transferSize: 1, encodedBodySize: 1, decodedBodySize: 1, startTime: 1, duration: 1 },
      { name: 'https://api.example.fr/v1/cart', initiatorType: 'fetch', nextHopProtocol: 'h2', transferSize: 1, encodedBodySize: 1, decodedBodySize: 1, startTime: 1, duration: 1 },
    ],
    forms: [{ action: 'https://pay.example.com/checkout', method: 'post' }],
    inlineScriptCount: 2,
  });
  const rec = recommendCsp(snapshot);
  it('allows what the page loads, and nothing over http:// on an https page', () => {
    const d = Object.fromEntries(rec.directives);
    expect(d['script-src']).toEqual(["'self'", 'https://cdn.jsdelivr.net']);
    expect(d['style-src']).toEqual(["'self'", 'https://fonts.googleapis.com']);
    expect(d['font-src']).toEqual(["'self'", 'https://fonts.gstatic.com']);
    expect(d['img-src']).toEqual(["'self'", 'data:']);
    expect(d['connect-src']).toEqual(["'self'", 'https://api.example.fr']);
    expect(d['frame-src']).toEqual(["'self'", 'https://www.youtube-nocookie.com']);
    expect(d['form-action']).toEqual(["'self'", 'https://pay.example.com']);
    expect(rec.policy).not.toContain('insecure.example');
    expect(rec.inlineScripts).toBe(true);
  });
  it('scores well and passes CSP Evaluator\'s main checks', () => {
    expect(classifyCsp({ headerPolicies: [rec.policy], metaPolicies: [], emptyHeaderPolicy: false, reportOnly: false, https: true })).toBe('csp-implemented-with-no-unsafe');
    const serious = evaluatePolicy(rec.policy).filter((i) => ['unsafe-inline', 'unsafe-eval', 'wildcard', 'scheme-source', 'missing-object-src', 'missing-script-src'].includes(i.kind));
    expect(serious).toEqual([]);
  });
  it('only emits scheme, host and port from page-supplied URLs', () => {
    const hostile = recommendCsp(page('https://a.example/', { scripts: [{ src: "https://evil.example/x.js?'unsafe-inline';" }, { src: 'javascript:alert(1)' }] }));
    expect(Object.fromEntries(hostile.directives)['script-src']).toEqual(["'self'", 'https://evil.example']);
  });
});
