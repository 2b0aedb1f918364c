import { describe, expect, it } from 'vitest';
import { toCookieItem } from '../../lib/collect/cookies';
import { parseFirefoxSecurityInfo } from '../../lib/collect/firefox-tls';
import { classifyRedirect, httpVariantOf } from '../../lib/collect/http-variant';
import { detectPlatform } from '../../lib/collect/platform';
import { TimeoutError, withTimeout } from '../../lib/collect/timeout';
import { TlsEvidence } from '../../lib/evidence/schema';
import { isFromExtensionPage } from '../../lib/messages';
import { permissionRequestFor } from '../../lib/permissions';

describe('http:// variant', () => {
  it('builds the http:// address of a page', () => {
    expect(httpVariantOf('https://example.com/a?b=1')).toBe('http://example.com/a?b=1');
    expect(httpVariantOf('https://example.com:443/')).toBe('http://example.com/');
  });
  it('classifies where it led', () => {
    expect(classifyRedirect('http://example.com/', 'https://example.com/', true)).toBe('redirected-to-https');
    expect(classifyRedirect('http://example.com/', 'https://www.example.com/', true)).toBe('redirected-to-https');
    expect(classifyRedirect('http://example.com/', 'https://other.example/', true)).toBe('redirected-elsewhere');
    expect(classifyRedirect('http://example.com/', 'http://example.com/home', true)).toBe('redirected-elsewhere');
    expect(classifyRedirect('http://example.com/', 'http://example.com/', false)).toBe('no-redirect');
  });
});

describe('Firefox security info', () => {
  it('becomes TLS evidence', () => {
    const tls = parseFirefoxSecurityInfo({
      state: 'secure',
      protocolVersion: 'TLSv1.3',
      certificates: [{ subject: 'CN=strong.test,O=Vigie Tests', issuer: 'CN=Vigie Test CA', validity: { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 11, 20) } }],
    });
    expect(TlsEvidence.parse(tls)).toEqual({
      source: 'firefox-security-info', protocol: 'TLSv1.3', issuer: 'CN=Vigie Test CA', subject: 'CN=strong.test,O=Vigie Tests',
      validFrom: '2026-01-01T00:00:00.000Z', validTo: '2026-12-20T00:00:00.000Z', names: ['strong.test'], state: 'secure',
    });
  });
  it('is null without a certificate', () => {
    expect(parseFirefoxSecurityInfo({ state: 'insecure' })).toBeNull();
    expect(parseFirefoxSecurityInfo({ certificates: [{ subject: 'CN=x' }] })).toBeNull();
  });
});

describe('cookie jar items', () => {
  it('map browser SameSite values and keep no value', () => {
    const item = toCookieItem({ name: 'sid', domain: '.example.com', path: '/', secure: true, httpOnly: false, sameSite: 'no_restriction', expirationDate: 1_900_000_000 });
    expect(item).toEqual({ name: 'sid', domain: '.example.com', path: '/', secure: true, httpOnly: false, sameSite: 'none', session: false, hostOnly: false, expirationDate: 1_900_000_000 });
    expect(toCookieItem({ name: 'a', domain: 'example.com', path: '/', secure: false, httpOnly: true, sameSite: 'unspecified' }).sameSite).toBe('unspecified');
    expect(toCookieItem({ name: 'a', domain: 'example.com', path: '/', secure: false, httpOnly: true, sameSite: 'strict', session: true }).session).toBe(true);
  });
});

describe('optional permissions', () => {
  it('ask for the audited site only', () => {
    expect(permissionRequestFor('cookies', 'https://shop.example/cart')).toEqual({ permissions: ['cookies'], origins: ['https://shop.example/*', 'http://shop.example/*'] });
    expect(permissionRequestFor('http-variant', 'https://shop.example/')).toEqual({ permissions: [], origins: ['http://shop.example/*'] });
    expect(permissionRequestFor('tls', 'https://shop.example/').permissions).toEqual(['webRequest', 'webRequestBlocking']);
  });
});

describe('message senders', () => {
  const id = 'abcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;
  it('accepts only the extension\'s own pages', () => {
    expect(isFromExtensionPage({ id, url: `${origin}popup.html` }, id, origin)).toBe(true);
    expect(isFromExtensionPage({ id, url: 'https://evil.example/' }, id, origin)).toBe(false);
    expect(isFromExtensionPage({ id: 'otherextension', url: `chrome-extension://otherextension/x.html` }, id, origin)).toBe(false);
    expect(isFromExtensionPage({ id, origin: 'https://evil.example', url: `${origin}popup.html` }, id, origin)).toBe(false);
    expect(isFromExtensionPage({}, id, origin)).toBe(false);
  });
});

describe('platform', () => {
  it('names the browser and its version', () => {
    expect(detectPlatform('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toEqual({ name: 'firefox', version: '128.0' });
    expect(detectPlatform('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.73 Safari/537.36')).toEqual({ name: 'chromium', version: '156.0.8078.73' });
  });
});

describe('withTimeout', () => {
  it('rejects with a TimeoutError when the work never ends', async () => {
    await expect(withTimeout(new Promise(() => {}), 20, 'page globals')).rejects.toBeInstanceOf(TimeoutError);
  });
  it('passes the result through when in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 1000, 'x')).resolves.toBe(42);
  });
});

describe('injection errors', () => {
  it('name the page kind from the browser\'s refusal', async () => {
    const { describeInjectionError } = await import('../../lib/collect/scan-tab');
    const code = (message: string) => {
      const e = describeInjectionError(new Error(message));
      return `${e.code} ${e.messageKey}`;
    };
    expect(code('Cannot access a chrome:// URL')).toBe('unsupported-page error.unsupported.browser-page');
    expect(code('Cannot access contents of url "about:blank". Extension manifest must request permission to access this host.')).toBe('unsupported-page error.unsupported.browser-page');
    expect(code('Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission to access this host.')).toBe('unsupported-page error.unsupported.file');
    expect(code('The extensions gallery cannot be scripted.')).toBe('unsupported-page error.unsupported.store');
    expect(code('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')).toBe('permission-missing error.permission-missing');
    expect(code('Frame with ID 0 is showing error page')).toBe('page-unreachable error.page-unreachable');
    // A message that merely mentions a file is not a file:// page.
    expect(code("Could not load file: 'content-scripts/snapshot.js'.")).toBe('internal error.internal');
  });
});
