import { describe, expect, it } from 'vitest';
import { classifyPageUrl, domainOf } from '../../lib/audit/domain';

describe('domainOf', () => {
  it('lowercases, drops a leading www. and the port', () => {
    expect(domainOf('https://WWW.Example.COM:8443/path?q=1')).toBe('example.com');
    expect(domainOf('http://www2.example.com/')).toBe('www2.example.com');
    expect(domainOf('http://weak.test:34567/')).toBe('weak.test');
    expect(domainOf('https://example.com./')).toBe('example.com');
  });
});

describe('classifyPageUrl', () => {
  it.each([
    ['https://example.com/', 'web'],
    ['http://127.0.0.1:8080/a', 'web'],
    ['chrome://settings/', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://newtab/', 'browser-page'],
    ['moz-extension://abc/popup.html', 'browser-page'],
    ['view-source:https://example.com/', 'browser-page'],
    ['file:///home/me/page.html', 'file'],
    ['https://chromewebstore.google.com/detail/x/abc', 'store'],
    ['https://chrome.google.com/webstore/detail/abc', 'store'],
    ['https://addons.mozilla.org/fr/firefox/addon/x/', 'store'],
    ['https://example.com/docs/guide.PDF', 'pdf'],
    ['not a url', 'invalid'],
    [undefined, 'invalid'],
  ])('%s is %s', (url, kind) => {
    expect(classifyPageUrl(url)).toBe(kind);
  });
});
