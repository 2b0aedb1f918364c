/**
 * A site that serves real library files (read from node_modules, never fetched) on pages made of
 * script tags, for the end-to-end component accuracy test (tests/e2e/components.test.ts).
 * The test chooses the pages and the address each file is served under (its usual file name, or
 * an opaque hashed name such as /assets/3f9a1c0e4b7d.js); this file only serves them.
 */
import { readFileSync } from 'node:fs';

/**
 * @param {string} title
 * @param {string[]} scripts addresses, in loading order
 */
function scriptPage(title, scripts) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
</head>
<body>
<main><h1>${title}</h1><div id="app"></div><table id="grid"></table></main>
${scripts.map((src) => `<script src="${src}"></script>`).join('\n')}
</body>
</html>
`;
}

/**
 * @param {{ host: string, pages: Record<string, string[]>, files: Record<string, string> }} options
 *   pages: page path → script addresses; files: served path → absolute path of the file on disk.
 * @returns {import('./index.mjs').SiteDefinition}
 */
export function librarySite({ host, pages, files }) {
  /** @type {Record<string, import('./index.mjs').Route>} */
  const routes = {};
  for (const [path, scripts] of Object.entries(pages)) {
    routes[path] = { type: 'text/html; charset=utf-8', body: () => scriptPage(`Library page ${path}`, scripts) };
  }
  for (const [path, file] of Object.entries(files)) {
    const content = readFileSync(file);
    // Cacheable, as static assets are: the scan re-reads them from the cache.
    routes[path] = { type: 'application/javascript; charset=utf-8', headers: () => ({ 'Cache-Control': 'public, max-age=3600' }), body: () => content };
  }
  return { host, http: 'serve', routes };
}
