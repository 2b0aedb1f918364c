/**
 * Local test sites for the end-to-end tests and the demo: one HTTP and one HTTPS server on
 * ephemeral loopback ports, routing by host name. Chromium reaches them as
 * `http://weak.test:PORT/` through `--host-resolver-rules=MAP *.test 127.0.0.1`.
 *
 * Adding a site: write a SiteDefinition (a host name, optional site-wide headers, and a route
 * table of path → response) in its own file here, and add it to ALL_SITES.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { makeSelfSignedCert } from './cert.mjs';
import { hostileSites } from './hostile.mjs';
import { strongSite } from './strong.mjs';
import { weakSite } from './weak.mjs';

/** @type {import('./index.mjs').SiteDefinition[]} */
export const ALL_SITES = [weakSite, strongSite, ...hostileSites];

/** The resolver rule Chromium needs so that every *.test host lands on these servers. */
export const HOST_RESOLVER_RULES = 'MAP *.test 127.0.0.1';

/** @param {import('node:http').Server} server */
function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(/** @type {import('node:net').AddressInfo} */ (server.address()).port));
  });
}

/** A port that was free a moment ago and has nothing listening on it: for "page did not load" tests. */
export async function unusedPort() {
  const server = http.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * @param {{ sites?: import('./index.mjs').SiteDefinition[] }} [options]
 * @returns {Promise<import('./index.mjs').RunningSites>}
 */
export async function startSites(options = {}) {
  const sites = options.sites ?? ALL_SITES;
  const byHost = new Map(sites.map((s) => [s.host, s]));
  const { key, cert } = makeSelfSignedCert(sites.map((s) => s.host));
  /** @type {import('./index.mjs').RequestLogEntry[]} */
  const requests = [];
  const ports = { http: 0, https: 0 };

  /** @type {(host: string, scheme?: 'http' | 'https', path?: string) => string} */
  const url = (host, scheme = 'http', path = '/') => `${scheme}://${host}:${ports[scheme]}${path}`;

  /** @param {'http' | 'https'} scheme */
  const handler = (scheme) => async (/** @type {import('node:http').IncomingMessage} */ req, /** @type {import('node:http').ServerResponse} */ res) => {
    const hostHeader = String(req.headers.host ?? '');
    const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
    const target = new URL(req.url ?? '/', `${scheme}://${hostHeader || '127.0.0.1'}`);
    requests.push({ scheme, host, method: req.method ?? 'GET', path: target.pathname, query: target.search, userAgent: String(req.headers['user-agent'] ?? '') });
    const site = byHost.get(host);
    if (!site) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end(`No test site is called ${host}.\n`);
      return;
    }
    if (scheme === 'http' && site.http === 'redirect-to-https') {
      res.writeHead(301, { Location: url(host, 'https', target.pathname + target.search), 'Content-Length': '0' }).end();
      return;
    }
    /** @type {import('./index.mjs').SiteContext} */
    const ctx = { scheme, host, path: target.pathname, query: target.searchParams, nonce: randomBytes(16).toString('base64'), url };
    const route = site.routes[target.pathname];
    const headers = { ...(site.headers?.(ctx) ?? {}), ...(route?.headers?.(ctx) ?? {}) };
    if (!route) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><title>404</title><h1>Not found</h1>\n');
      return;
    }
    const delayMs = Math.min(Math.max(route.delayMs?.(ctx) ?? 0, 0), 10_000);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const body = route.body(ctx);
    res.writeHead(route.status ?? 200, { ...headers, 'Content-Type': route.type, 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const httpServer = http.createServer(handler('http'));
  const httpsServer = https.createServer({ key, cert }, handler('https'));
  ports.http = await listen(httpServer);
  ports.https = await listen(httpsServer);

  /** @type {Record<string, { http: string; https: string }>} */
  const urls = {};
  for (const site of sites) urls[site.host] = { http: url(site.host, 'http'), https: url(site.host, 'https') };

  return {
    ports,
    urls,
    url,
    requests,
    hosts: sites.map((s) => s.host),
    async stop() {
      for (const server of [httpServer, httpsServer]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      }
    },
  };
}
