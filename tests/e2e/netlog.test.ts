/** The network-log reader must catch what it is there to catch: checked on crafted logs. */
import { describe, expect, it } from 'vitest';
import { foreignAttempts, hostAttempts, hostOf, isLocalTestHost, parseNetLog, type NetLog } from './netlog.mjs';

const TYPES = {
  URL_REQUEST_START_JOB: 2,
  HOST_RESOLVER_MANAGER_REQUEST: 3,
  HOST_RESOLVER_MANAGER_JOB: 4,
  DNS_TRANSACTION: 5,
  TCP_CONNECT_ATTEMPT: 6,
  QUIC_SESSION_POOL_JOB: 7,
  UDP_CONNECT: 8,
  COOKIE_STORE_COOKIE_ADDED: 9,
};

function log(events: Array<[keyof typeof TYPES, Record<string, unknown>]>): NetLog {
  return { constants: { logEventTypes: TYPES }, events: events.map(([type, params]) => ({ type: TYPES[type], params })) };
}

const LOCAL: Array<[keyof typeof TYPES, Record<string, unknown>]> = [
  ['URL_REQUEST_START_JOB', { url: 'http://weak.test:41857/?token=x', initiator: 'not an origin' }],
  ['URL_REQUEST_START_JOB', { url: 'https://strong.test:45587/.well-known/security.txt' }],
  ['URL_REQUEST_START_JOB', { url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' }],
  ['URL_REQUEST_START_JOB', { url: 'data:text/plain,hello' }],
  ['HOST_RESOLVER_MANAGER_REQUEST', { host: 'http://127.0.0.1:41857' }],
  ['TCP_CONNECT_ATTEMPT', { address: '127.0.0.1:41857' }],
  ['TCP_CONNECT_ATTEMPT', { address: '[::1]:443' }],
  ['QUIC_SESSION_POOL_JOB', { host: 'strong.test' }],
  // Not requests: Chromium's route probe and its DNS server socket; a cookie naming a domain.
  ['UDP_CONNECT', { address: '[2001:4860:4860::8888]:443' }],
  ['COOKIE_STORE_COOKIE_ADDED', { domain: 'tracker.example' }],
];

describe('network log reader', () => {
  it('finds nothing foreign in a log of local test traffic', () => {
    const l = log(LOCAL);
    expect(foreignAttempts(l)).toEqual([]);
    expect(hostAttempts(l).map((a) => a.host)).toEqual(['weak.test', 'strong.test', '127.0.0.1', '127.0.0.1', '::1', 'strong.test']);
  });

  it.each([
    ['URL_REQUEST_START_JOB', { url: 'https://update.googleapis.com/service/update2/json?x=1' }, 'update.googleapis.com'],
    ['URL_REQUEST_START_JOB', { url: 'wss://socket.example.com/live' }, 'socket.example.com'],
    ['HOST_RESOLVER_MANAGER_JOB', { host: 'https://cdn.example.net' }, 'cdn.example.net'],
    ['HOST_RESOLVER_MANAGER_REQUEST', { host: 'analytics.example.org:443' }, 'analytics.example.org'],
    ['DNS_TRANSACTION', { hostname: 'accounts.google.com' }, 'accounts.google.com'],
    ['TCP_CONNECT_ATTEMPT', { address: '93.184.216.34:80' }, '93.184.216.34'],
    ['TCP_CONNECT_ATTEMPT', { address: '[2606:2800:220:1::]:443' }, '2606:2800:220:1::'],
    ['QUIC_SESSION_POOL_JOB', { host: 'www.google.com' }, 'www.google.com'],
  ] as const)('flags a %s to another host', (type, params, host) => {
    const found = foreignAttempts(log([...LOCAL, [type, params]]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ event: type, host });
  });

  it('does not take a look-alike of a local name for a local one', () => {
    expect(isLocalTestHost('weak.test')).toBe(true);
    expect(isLocalTestHost('127.0.0.1')).toBe(true);
    expect(isLocalTestHost('weak.test.evil.example')).toBe(false);
    expect(isLocalTestHost('test.example.com')).toBe(false);
    expect(isLocalTestHost('127.0.0.1.nip.io')).toBe(false);
    expect(isLocalTestHost('localhost.example')).toBe(false);
    expect(foreignAttempts(log([['URL_REQUEST_START_JOB', { url: 'http://weak.test.evil.example/' }]]))).toHaveLength(1);
  });

  it('reads the host out of every form the log uses', () => {
    expect(hostOf('https://Strong.TEST:443/a?b')).toBe('strong.test');
    expect(hostOf('http://[::1]:8080/')).toBe('::1');
    expect(hostOf('example.com:443')).toBe('example.com');
    expect(hostOf('[fe80::1]:53')).toBe('fe80::1');
    expect(hostOf('blob:chrome-extension://abc/uuid')).toBeNull();
    expect(hostOf('')).toBeNull();
  });

  it('reads a log the browser did not get to close', () => {
    const full = JSON.stringify(log(LOCAL.slice(0, 2)));
    // Chromium writes one event per line and closes the list on exit.
    const lines = `{"constants":${JSON.stringify({ logEventTypes: TYPES })},\n"events": [\n${log([...LOCAL.slice(0, 2), ['DNS_TRANSACTION', { hostname: 'leak.example' }]]).events.map((e) => JSON.stringify(e)).join(',\n')},\n`;
    expect(parseNetLog(full).events).toHaveLength(2);
    const truncated = parseNetLog(lines);
    expect(truncated.events).toHaveLength(3);
    expect(foreignAttempts(truncated).map((a) => a.host)).toEqual(['leak.example']);
    expect(() => parseNetLog('garbage')).toThrow();
  });
});
