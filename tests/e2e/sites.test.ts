/** The local test sites serve what the end-to-end tests rely on (checked from Node, no browser). */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { JQUERY_1_12_4_PATH } from '../sites/weak.mjs';

let sites: RunningSites;
beforeAll(async () => {
  sites = await startSites();
});
afterAll(async () => {
  await sites?.stop();
});

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** Asks the loopback server for a host name, as Chromium does through its resolver rule. */
function get(host: string, scheme: 'http' | 'https', path = '/'): Promise<Answer> {
  const port = sites.ports[scheme];
  const send = scheme === 'https' ? request : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send({ host: '127.0.0.1', port, path, servername: host, headers: { host: `${host}:${port}` }, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('weak.test', () => {
  it.each(['http', 'https'] as const)('over %s: announces its versions and lacks the protective headers', async (scheme) => {
    const r = await get('weak.test', scheme);
    expect(r.status).toBe(200);
    expect(r.headers.server).toBe('Apache/2.4.29 (Ubuntu)');
    expect(r.headers['x-powered-by']).toBe('PHP/7.2.24');
    for (const absent of ['strict-transport-security', 'x-content-type-options', 'content-security-policy', 'x-frame-options', 'referrer-policy']) {
      expect(r.headers[absent]).toBeUndefined();
    }
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^PHPSESSID=[0-9a-f]{26}; path=\/$/);
    expect(r.body).toContain('<script src="/wp-includes/js/jquery/jquery.js?ver=1.12.4"></script>');
  });

  it('serves the real jQuery 1.12.4 file', async () => {
    const r = await get('weak.test', 'http', '/wp-includes/js/jquery/jquery.js?ver=1.12.4');
    expect(r.status).toBe(200);
    expect(r.body).toBe(readFileSync(JQUERY_1_12_4_PATH, 'utf8'));
    expect(r.body).toContain('jQuery JavaScript Library v1.12.4');
  });
});

describe('strong.test', () => {
  it('over HTTPS: sends every protective header, a strict nonce CSP, a locked-down cookie and no version', async () => {
    const r = await get('strong.test', 'https');
    expect(r.status).toBe(200);
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBeTruthy();
    expect(r.headers['permissions-policy']).toContain('camera=()');
    expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(r.headers.server).toBeUndefined();
    expect(r.headers['x-powered-by']).toBeUndefined();
    const csp = String(r.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    for (const tag of r.body.match(/<script[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    expect(String(r.headers['set-cookie'])).toMatch(/^__Host-sid=[\w-]+; Path=\/; Secure; HttpOnly; SameSite=Strict$/);
    // A fresh nonce on each response.
    const again = await get('strong.test', 'https');
    expect(String(again.headers['content-security-policy'])).not.toContain(`'nonce-${nonce}'`);
  });

  it('over HTTP: only redirects to its HTTPS address', async () => {
    const r = await get('strong.test', 'http', '/account?x=1');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe(sites.url('strong.test', 'https', '/account?x=1'));
  });
});

describe('routing', () => {
  it('refuses a host it does not serve, and answers 404 on an unknown path', async () => {
    expect((await get('unknown.test', 'http')).status).toBe(421);
    const missing = await get('weak.test', 'http', '/nope');
    expect(missing.status).toBe(404);
    expect(missing.headers.server).toBe('Apache/2.4.29 (Ubuntu)');
  });

  it('logs the requests it answered', () => {
    expect(sites.requests.some((r) => r.host === 'weak.test' && r.path === '/wp-includes/js/jquery/jquery.js' && r.query === '?ver=1.12.4')).toBe(true);
  });
});
