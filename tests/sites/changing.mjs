/**
 * changing.test: a site whose owner acts on a first audit. Its response is switched by the test:
 * - "before": announces `X-Powered-By: PHP/7.4.3` and sends no Strict-Transport-Security;
 * - "after": the version header is gone and HSTS is sent (one year, subdomains).
 * Everything else (a plain brochure page, same headers) stays the same, so that a comparison of the
 * two audits shows exactly those findings fixed.
 */

/** @typedef {'before' | 'after'} Phase */

/** @returns {{ site: import('./index.mjs').SiteDefinition, setPhase: (phase: Phase) => void, phase: () => Phase }} */
export function changingSite() {
  /** @type {Phase} */
  let phase = 'before';
  /** @type {import('./index.mjs').SiteDefinition} */
  const site = {
    host: 'changing.test',
    http: 'redirect-to-https',
    headers: () => ({
      'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      ...(phase === 'before' ? { 'X-Powered-By': 'PHP/7.4.3' } : { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }),
    }),
    routes: {
      '/': {
        type: 'text/html; charset=utf-8',
        body: () => `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Cabinet Martin – Expertise comptable</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><h1>Cabinet Martin</h1><p>Expertise comptable à Nantes depuis 2004. Prenez rendez-vous au 02 40 00 00 00.</p></body>
</html>
`,
      },
    },
  };
  return { site, setPhase: (next) => void (phase = next), phase: () => phase };
}
