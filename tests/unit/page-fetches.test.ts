import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDocumentHeaders } from '../../lib/collect/document-headers';
import { pickScriptUrls, readScriptFiles } from '../../lib/collect/script-files';
import { fetchSecurityTxt, readBoundedText } from '../../lib/collect/well-known';

afterEach(() => vi.unstubAllGlobals());

describe('readBoundedText', () => {
  it('stops reading at the bound', async () => {
    const text = await readBoundedText(new Response('a'.repeat(100_000)), 1000);
    expect(text.length).toBe(1000);
  });
});

describe('fetchDocumentHeaders', () => {
  it('re-requests the page bypassing the cache and keeps every header', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { headers: { Server: 'nginx/1.18.0', 'X-Content-Type-Options': 'nosniff' } }));
    vi.stubGlobal('fetch', fetchMock);
    const outcome = await fetchDocumentHeaders('https://example.com/', 1000);
    expect(fetchMock).toHaveBeenCalledWith('https://example.com/', expect.objectContaining({ cache: 'no-store' }));
    expect(outcome.ok && outcome.headers.headers).toEqual([['server', 'nginx/1.18.0'], ['x-content-type-options', 'nosniff']]);
  });

  it('reports a timeout instead of hanging', async () => {
    vi.stubGlobal('fetch', (_: string, init: RequestInit) => new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted')))));
    expect(await fetchDocumentHeaders('https://example.com/', 20)).toEqual({ ok: false, reason: 'timeout' });
  });
});

describe('fetchSecurityTxt', () => {
  it('reads the file with its status', async () => {
    vi.stubGlobal('fetch', async () => new Response('Contact: mailto:security@example.com\n', { headers: { 'content-type': 'text/plain' } }));
    const outcome = await fetchSecurityTxt('https://example.com', 1000);
    expect(outcome).toMatchObject({ ok: true, securityTxt: { status: 200, contentType: 'text/plain', body: 'Contact: mailto:security@example.com\n' } });
  });
  it('treats 404 as a result, with no body', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>not found</html>', { status: 404 }));
    expect(await fetchSecurityTxt('https://example.com', 1000)).toMatchObject({ ok: true, securityTxt: { status: 404, body: '' } });
  });
});

describe('script files', () => {
  it('picks only http(s) scripts the page loaded, once each', () => {
    const urls = pickScriptUrls(
      ['https://a.example/x.js', 'chrome-extension://abc/inject.js', 'https://a.example/x.js', 'https://cdn.example/y.js', 'https://a.example/never-loaded.js', 'moz-extension://u/z.js'],
      new Set(['https://a.example/x.js', 'https://cdn.example/y.js']),
      10,
    );
    expect(urls).toEqual(['https://a.example/x.js', 'https://cdn.example/y.js']);
  });

  it('reads files with bounds and keeps the page order', async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      if (url.endsWith('broken.js')) throw new TypeError('Failed to fetch');
      return new Response(url.endsWith('big.js') ? `/*! Big v2.0.0 */${'x'.repeat(50_000)}` : '/*! jQuery v1.12.4 | (c) jQuery Foundation */');
    });
    const seen: number[] = [];
    const result = await readScriptFiles(
      ['https://a.example/jquery.js', 'https://a.example/broken.js', 'https://a.example/big.js'],
      (text) => {
        seen.push(text.length);
        const m = /v(\d+\.\d+\.\d+)/.exec(text);
        return m ? [{ library: 'x', version: m[1]! }] : [];
      },
      { maxFiles: 10, maxBytesPerFile: 10_000, maxTotalBytes: 100_000, timeoutMs: 2000, concurrency: 2 },
    );
    expect(result.files.map((f) => f.url)).toEqual(['https://a.example/jquery.js', 'https://a.example/big.js']);
    expect(result.files[1]!.bytes).toBe(10_000);
    expect(result.files[1]!.head.length).toBe(4096);
    expect(result.files[0]!.matches).toEqual([{ library: 'x', version: '1.12.4' }]);
    expect(Math.max(...seen)).toBeLessThanOrEqual(10_000);
  });
});
