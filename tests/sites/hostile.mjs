/**
 * Pages that fight back. Each lives on its own host, so that a page which hangs its renderer
 * (same-site pages share one) cannot stall the other tests.
 * - hostile.test: globals that lie, throw and loop when read the naive way: a `jQuery` getter
 *   that never returns, a `$` proxy whose traps throw, markup in its title and generator tag.
 * - trap.test: a `$` proxy whose getOwnPropertyDescriptor trap loops forever, which even a
 *   descriptor-only reader triggers: the globals check must time out, not the scan.
 * - busy.test: a page that starts an endless loop just after load, so nothing injected into it
 *   ever runs: the scan must still answer, with what it could not measure. It requests /looping
 *   as it enters the loop, so a test can wait for that instead of guessing a delay.
 */

const page = (title, script) => `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>
<meta name="generator" content="&lt;img src=x onerror=alert(1)&gt; Joomla! 1.5">
</head>
<body><h1>Nothing to see</h1><p>This page misbehaves on purpose.</p>
<script>${script}</script>
</body></html>
`;

const liarScript = `
Object.defineProperty(window, 'jQuery', { configurable: false, get() { for (;;) {} } });
window.$ = new Proxy(function () {}, {
  get() { throw new Error('no reading here'); },
  getOwnPropertyDescriptor() { throw new Error('no descriptors either'); },
  getPrototypeOf() { throw new Error('no prototype'); },
});
window.angular = { version: { full: '<img src=x onerror=alert(2)>' } };
Object.defineProperty(window, 'React', { get() { throw new Error('boom'); } });
`;

const trapScript = `
window.$ = new Proxy({}, { getOwnPropertyDescriptor() { for (;;) {} } });
`;

// The synchronous request tells the test the loop has begun: once the server has seen it, this
// task holds the main thread (the request, then the loop) and nothing queued after it ever runs.
const busyScript = `
addEventListener('load', () => setTimeout(() => {
  const signal = new XMLHttpRequest();
  signal.open('GET', '/looping', false);
  try { signal.send(); } catch {}
  for (;;) {}
}, 300));
`;

const html = { type: 'text/html; charset=utf-8' };

/** @type {import('./index.mjs').SiteDefinition[]} */
export const hostileSites = [
  { host: 'hostile.test', http: 'serve', routes: { '/': { ...html, body: () => page('<img src=x onerror=alert(3)>Liar', liarScript) } } },
  { host: 'trap.test', http: 'serve', routes: { '/': { ...html, body: () => page('Trap', trapScript) } } },
  { host: 'busy.test', http: 'serve', routes: { '/': { ...html, body: () => page('Busy', busyScript) }, '/looping': { type: 'text/plain', body: () => 'looping\n' } } },
];
