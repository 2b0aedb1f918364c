/**
 * Reads a Chromium network log (--log-net-log, capture mode Default) and lists every attempt to
 * reach a host: URL requests (pages, fetches of the extension's service worker and content
 * scripts, the browser's own background requests), host name resolutions, DNS queries, TCP
 * connections and QUIC sessions. A bare UDP "connect" (Chromium probing its route, or talking to
 * the configured DNS server, whose queries are listed as DNS transactions) is not a request.
 */
import { readFileSync } from 'node:fs';

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Parses a log, also when the browser did not close it (one event per line, unterminated list).
 * @param {string} text
 */
export function parseNetLog(text) {
  try {
    return JSON.parse(text);
  } catch {
    const lastEvent = text.lastIndexOf('},\n');
    if (lastEvent < 0) throw new Error('Not a Chromium network log.');
    return JSON.parse(`${text.slice(0, lastEvent + 1)}]}`);
  }
}

/** @param {string} path */
export function readNetLog(path) {
  return parseNetLog(readFileSync(path, 'utf8'));
}

/**
 * The host part of what the log says, in any of the forms it uses: a URL, `scheme://host:port`,
 * `host:port`, `[v6]:port` or a bare host.
 * @param {string} value
 * @returns {string | null}
 */
export function hostOf(value) {
  const text = String(value).trim();
  if (!text) return null;
  if (/^[a-z][a-z0-9+.-]*:(?!\d+$)/i.test(text)) {
    try {
      const url = new URL(text);
      if (!NETWORK_SCHEMES.has(url.protocol)) return null;
      return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    } catch {
      return null;
    }
  }
  const v6 = /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(text);
  if (v6) return v6[1].toLowerCase();
  return text.replace(/:\d+$/, '').toLowerCase();
}

/** Loopback and the reserved `.test` names the test sites use. @param {string} host */
export function isLocalTestHost(host) {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host) || host === 'test' || host.endsWith('.test');
}

/**
 * @param {{ constants: { logEventTypes: Record<string, number> }, events: Array<{ type: number, params?: Record<string, unknown> }> }} log
 * @returns {Array<{ event: string, host: string, detail: string }>}
 */
export function hostAttempts(log) {
  const names = new Map(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]));
  /** @type {Record<string, string>} which parameter of which event names the host */
  const fields = {
    URL_REQUEST_START_JOB: 'url',
    HOST_RESOLVER_MANAGER_REQUEST: 'host',
    HOST_RESOLVER_MANAGER_JOB: 'host',
    DNS_TRANSACTION: 'hostname',
    TCP_CONNECT_ATTEMPT: 'address',
    QUIC_SESSION_POOL_JOB: 'host',
  };
  const attempts = [];
  for (const event of log.events) {
    const name = names.get(event.type);
    const field = name && fields[name];
    if (!field) continue;
    const value = event.params?.[field];
    if (typeof value !== 'string') continue;
    const host = hostOf(value);
    if (host) attempts.push({ event: /** @type {string} */ (name), host, detail: value.slice(0, 200) });
  }
  return attempts;
}

/**
 * Every attempt to reach a host that is not local, one line per distinct event and host.
 * @param {Parameters<typeof hostAttempts>[0]} log
 * @param {(host: string) => boolean} [allowed]
 */
export function foreignAttempts(log, allowed = isLocalTestHost) {
  const seen = new Set();
  return hostAttempts(log).filter((a) => {
    if (allowed(a.host)) return false;
    const key = `${a.event} ${a.host}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
