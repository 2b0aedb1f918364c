// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://shop.example/catalogue", "settings": { "disableIframePageLoading": true, "disableJavaScriptFileLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true, "handleDisabledFileLoadingAsSuccess": true } }
import { describe, expect, it } from 'vitest';
import { collectPageSnapshot } from '../../lib/collect/page-snapshot';
import { LIMITS } from '../../lib/evidence/limits';
import { PageSnapshot } from '../../lib/evidence/schema';

function page(html: string): Document {
  // A parsed document is inert: nothing it references is loaded.
  return new DOMParser().parseFromString(`<!doctype html><html>${html}</html>`, 'text/html');
}

const noPerf = { getEntriesByType: () => [] } as unknown as Performance;

describe('collectPageSnapshot', () => {
  it('reads scripts, SRI, meta tags, forms and subresources from a real-looking page', () => {
    const doc = page(`
      <head>
        <title>Ma boutique</title>
        <meta name="generator" content="WordPress 6.4.2">
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'">
        <link rel="stylesheet" href="/wp-content/themes/shop/style.css?ver=6.4.2">
        <script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"></script>
        <script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js" integrity="sha384-abc" crossorigin="anonymous"></script>
        <script>window.dataLayer = [];</script>
      </head>
      <body>
        <form action="http://shop.example/login" method="POST"><input name="u"></form>
        <form><input name="q"></form>
        <img src="http://shop.example/logo.png">
        <iframe src="https://www.youtube.com/embed/xyz"></iframe>
        <img src="data:image/png;base64,AAAA">
      </body>`);
    const snapshot = PageSnapshot.parse(collectPageSnapshot(doc, noPerf));
    expect(snapshot.title).toBe('Ma boutique');
    expect(snapshot.scripts).toHaveLength(2);
    expect(snapshot.scripts[0]!.src).toBe('https://shop.example/wp-includes/js/jquery/jquery.min.js?ver=3.7.1');
    expect(snapshot.scripts[1]).toMatchObject({ integrity: 'sha384-abc', crossOrigin: 'anonymous' });
    expect(snapshot.inlineScriptCount).toBe(1);
    expect(snapshot.scriptCount).toBe(3);
    expect(snapshot.metaGenerator).toEqual(['WordPress 6.4.2']);
    expect(snapshot.metaHttpEquiv).toEqual([{ name: 'Content-Security-Policy', content: "default-src 'self'" }]);
    expect(snapshot.forms[0]).toEqual({ action: 'http://shop.example/login', method: 'post' });
    expect(snapshot.forms[1]!.method).toBe('get');
    const kinds = snapshot.subresources.map((s) => `${s.kind} ${s.url}`);
    expect(kinds).toContain('img http://shop.example/logo.png');
    expect(kinds).toContain('iframe https://www.youtube.com/embed/xyz');
    expect(kinds.some((k) => k.includes('data:'))).toBe(false);
    expect(snapshot.stylesheets[0]!.href).toBe('https://shop.example/wp-content/themes/shop/style.css?ver=6.4.2');
  });

  it('bounds long values and long lists', () => {
    const scripts = Array.from({ length: LIMITS.scripts + 50 }, (_, i) => `<script src="/s${i}.js"></script>`).join('');
    const doc = page(`<head><title>${'T'.repeat(5000)}</title>${scripts}</head>`);
    const snapshot = collectPageSnapshot(doc, noPerf);
    expect(snapshot.title.length).toBe(LIMITS.text);
    expect(snapshot.scripts.length).toBe(LIMITS.scripts);
    expect(snapshot.scriptCount).toBe(LIMITS.scripts + 50);
    expect(() => PageSnapshot.parse(snapshot)).not.toThrow();
  });

  it('keeps attacker strings as plain data', () => {
    const doc = page(`<head><title>&lt;img src=x onerror=alert(1)&gt;</title><meta name="generator" content="=HYPERLINK(&quot;http://x&quot;)"></head>`);
    const snapshot = collectPageSnapshot(doc, noPerf);
    expect(snapshot.title).toBe('<img src=x onerror=alert(1)>');
    expect(snapshot.metaGenerator).toEqual(['=HYPERLINK("http://x")']);
  });

  it('reads navigation and resource timing entries', () => {
    const perf = {
      getEntriesByType: (type: string) =>
        type === 'navigation'
          ? [{ type: 'navigate', nextHopProtocol: 'h2', responseStart: 95.5, domContentLoadedEventEnd: 300, loadEventEnd: 450, transferSize: 12000, encodedBodySize: 11000, decodedBodySize: 40000 }]
          : [{ name: 'https://shop.example/app.js', initiatorType: 'script', nextHopProtocol: 'h2', transferSize: 0, encodedBodySize: 5000, decodedBodySize: 15000, startTime: 100, duration: NaN }],
    } as unknown as Performance;
    const snapshot = PageSnapshot.parse(collectPageSnapshot(page('<head></head>'), perf));
    expect(snapshot.navigation).toMatchObject({ nextHopProtocol: 'h2', responseStart: 95.5 });
    expect(snapshot.resources[0]).toMatchObject({ initiatorType: 'script', duration: 0 });
    expect(snapshot.resourceCount).toBe(1);
  });
});

describe('script addresses that load no file', () => {
  it('leaves javascript: and about: sources out of the scripts, in the page and in the CLI alike', async () => {
    const html = '<script src="/a.js"></script><script src=" JavaScript:alert(1)"></script><script src="about:blank"></script><script src=javascript:<title>';
    const inPage = collectPageSnapshot(page(html), noPerf).scripts.map((s) => s.src);
    expect(inPage).toHaveLength(1);
    expect(inPage[0]).toMatch(/\/a\.js$/);
    const { snapshotFromHtml } = await import('../../cli/collect/html');
    // The counterexample fast-check found (seed -1174969160): an unclosed tag whose source is javascript:.
    expect(snapshotFromHtml('<script src=javascript:<title>', 'https://shop.example/', 'text/html').scripts).toEqual([]);
    expect(snapshotFromHtml(html, 'https://shop.example/', 'text/html').scripts.map((s) => s.src)).toEqual(['https://shop.example/a.js']);
  });
});
