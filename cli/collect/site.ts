/**
 * Collects the evidence of one site from Node: the page (redirects followed hop by hop, headers
 * with every Set-Cookie, HTML parsed), the TLS certificate, the http:// variant, security.txt,
 * the CORS answer and the script files' banners. Everything shares one deadline; an optional
 * check that fails is "not measured", only a page that cannot be fetched at all is a failure.
 */
import { pickScriptUrls } from '../../lib/collect/script-files';
import { readVersionFiles, versionFileGaps, type FileReader } from '../../lib/collect/version-files';
import { referencedExtensions } from '../../lib/components/extensions';
import type { Evidence, HeadersEvidence, HttpVariantEvidence, NotMeasured, ScriptFilesEvidence, SecurityTxtEvidence, CorsEvidence } from '../../lib/evidence/schema';
import { matchScriptBanners } from './banners';
import { cookiesEvidenceOf } from './cookies';
import { decodeHtml, isHtmlContentType, snapshotFromHtml } from './html';
import { boundedRequest, FetchError, type BoundedResponse, type RequestOptions } from './http';
import { followRedirects, type Chain } from './redirects';
import { tlsEvidenceOf } from './tls';

export interface SiteLimits {
  /** Per request. */
  timeoutMs: number;
  /** The whole site: every request, every check. */
  deadlineMs: number;
  insecure: boolean;
  maxHtmlBytes: number;
  maxScriptFiles: number;
  maxScriptBytes: number;
  maxScriptTotalBytes: number;
  scriptConcurrency: number;
}

export const DEFAULT_SITE_LIMITS: SiteLimits = {
  timeoutMs: 10_000,
  deadlineMs: 45_000,
  insecure: false,
  maxHtmlBytes: 5_000_000,
  maxScriptFiles: 30,
  maxScriptBytes: 2_000_000,
  maxScriptTotalBytes: 8_000_000,
  scriptConcurrency: 4,
};

export const CORS_PROBE_ORIGIN = 'https://vigie.invalid';
const SECURITY_TXT_MAX_BYTES = 32_768;

/** Why a site could not be scanned at all; `key` is a message in the CLI catalogue. */
export class SiteFailure extends Error {
  constructor(readonly code: string, readonly params: Record<string, string | number> = {}) {
    super(code);
  }
  get key(): string {
    return `cli.error.${this.code}`;
  }
}

export interface CollectedSite {
  evidence: Evidence;
  notMeasured: NotMeasured[];
}

const reason = (key: string, params: Record<string, string | number> = {}): NotMeasured['reason'] => ({ key, params });

/** What only a browser running the page can see. */
export const BROWSER_ONLY: readonly string[] = ['globals', 'navigation', 'resources'];

function failureOf(error: FetchError, limits: SiteLimits): SiteFailure {
  if (error.code === 'timeout') return new SiteFailure('timeout', { ms: limits.timeoutMs });
  if (error.code === 'deadline') return new SiteFailure('deadline', { ms: limits.deadlineMs });
  return new SiteFailure(error.code, { detail: error.detail });
}

function reasonOf(error: FetchError, limits: SiteLimits): NotMeasured['reason'] {
  if (error.code === 'timeout') return reason('notMeasured.timeout', { ms: limits.timeoutMs });
  if (error.code === 'deadline') return reason('cli.notMeasured.deadline', { ms: limits.deadlineMs });
  if (error.code === 'certificate') return reason('cli.notMeasured.certificate', { detail: error.detail });
  return reason('notMeasured.fetch-failed', { detail: error.detail });
}

function headerOf(response: Pick<BoundedResponse, 'headers'>, name: string): string {
  return response.headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? '';
}

export function httpVariantUrl(pageUrl: string): URL {
  const url = new URL(pageUrl);
  url.protocol = 'http:';
  if (url.port === '443') url.port = '';
  return url;
}

function sameSite(a: URL, b: URL): boolean {
  return a.hostname.replace(/^www\./, '') === b.hostname.replace(/^www\./, '');
}

export function httpVariantOf(start: URL, chain: Chain): HttpVariantEvidence {
  const hops = chain.hops.slice(0, 30);
  if (chain.end.kind !== 'response') return { url: start.href, outcome: 'unreachable', hops };
  const final = new URL(chain.end.response.url);
  const outcome: HttpVariantEvidence['outcome'] = hops.length <= 1
    ? 'no-redirect'
    : final.protocol === 'https:' && sameSite(final, start) ? 'redirected-to-https' : 'redirected-elsewhere';
  return { url: start.href, outcome, finalUrl: final.href, hops };
}

async function readScriptFiles(urls: readonly string[], base: RequestOptions, limits: SiteLimits): Promise<ScriptFilesEvidence> {
  const files: ScriptFilesEvidence['files'] = [];
  let budget = limits.maxScriptTotalBytes;
  const queue = [...urls];
  async function worker() {
    while (queue.length && budget > 0 && !base.signal?.aborted) {
      const url = queue.shift()!;
      try {
        const response = await boundedRequest(new URL(url), { ...base, maxBytes: Math.min(limits.maxScriptBytes, budget), headers: { accept: '*/*' }, wantBody: (s) => s >= 200 && s < 300 });
        if (response.status < 200 || response.status >= 300) continue;
        budget -= response.body.length;
        const text = response.body.toString('utf8');
        files.push({ url: url.slice(0, 4096), bytes: response.body.length, head: text.slice(0, 4096), matches: matchScriptBanners(text).slice(0, 20) });
      } catch {
        // A file that fails or is too slow is skipped; the others are still read.
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, limits.scriptConcurrency) }, worker));
  files.sort((a, b) => urls.indexOf(a.url) - urls.indexOf(b.url));
  return { files };
}

/** The CLI's reader of version files: one bounded request, no cookies, a redirect is not this file. */
function nodeFileReader(base: RequestOptions): FileReader {
  return async (url, limits) => {
    try {
      const r = await boundedRequest(new URL(url), { ...base, timeoutMs: limits.timeoutMs, maxBytes: limits.maxBytes, headers: { accept: 'text/plain,text/css,*/*' }, wantBody: (s) => s >= 200 && s < 300 });
      if (r.status >= 300 && r.status < 400) return { kind: 'redirected' };
      if (r.status < 200 || r.status >= 300) return { kind: 'status', status: r.status };
      return { kind: 'body', bytes: new Uint8Array(r.body.buffer, r.body.byteOffset, r.body.length) };
    } catch (error) {
      return { kind: error instanceof FetchError && error.code === 'timeout' ? 'timeout' : 'error' };
    }
  };
}

/** Runs an optional check; its failure goes to notMeasured, never up. */
async function optional<T>(what: string, notMeasured: NotMeasured[], limits: SiteLimits, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    notMeasured.push({ what, reason: error instanceof FetchError ? reasonOf(error, limits) : reason('notMeasured.check-failed') });
    return null;
  }
}

export async function collectSite(target: URL, limits: SiteLimits, now: Date): Promise<CollectedSite> {
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), limits.deadlineMs);
  const base: RequestOptions = { timeoutMs: limits.timeoutMs, maxBytes: limits.maxHtmlBytes, signal: controller.signal, insecure: limits.insecure };
  const notMeasured: NotMeasured[] = BROWSER_ONLY.map((what) => ({ what, reason: reason('cli.notMeasured.browser-only') }));
  try {
    const chain = await followRedirects(target, base);
    const end = chain.end;
    if (end.kind === 'loop') throw new SiteFailure('redirect-loop', { url: end.url });
    if (end.kind === 'too-many') throw new SiteFailure('too-many-redirects', { max: chain.hops.length - 1 });
    if (end.kind === 'bad-location') throw new SiteFailure('bad-redirect', { location: end.location });
    if (end.kind === 'error' && end.error.code !== 'certificate') throw failureOf(end.error, limits);

    if (end.kind === 'error') {
      // The certificate is not trusted and --insecure was not given: report it, read nothing else from that host.
      const certReason = reason('cli.notMeasured.certificate', { detail: end.error.detail });
      for (const what of ['page', 'headers', 'cookies', 'securityTxt', 'cors', 'scriptFiles']) notMeasured.push({ what, reason: certReason });
      const url = chain.lastUrl;
      const variant = await optional('httpVariant', notMeasured, limits, async () => {
        const start = httpVariantUrl(url);
        return httpVariantOf(start, await followRedirects(start, { ...base, maxBytes: 0, insecure: true }));
      });
      return {
        evidence: { url, headers: null, page: null, globals: null, cookies: null, httpVariant: variant, tls: tlsEvidenceOf(end.error.tls), scriptFiles: null, versionFiles: null, securityTxt: null, cors: null },
        notMeasured,
      };
    }

    const response = end.response;
    const finalUrl = new URL(response.url);
    const headers: HeadersEvidence = { source: 'node', url: response.url, status: response.status, redirected: chain.hops.length > 1, headers: response.headers };
    const contentType = headerOf(response, 'content-type');
    let page: Evidence['page'] = null;
    if (isHtmlContentType(contentType) || (!contentType && /^\s*<(!doctype|html)/i.test(response.body.subarray(0, 512).toString('latin1')))) {
      page = snapshotFromHtml(decodeHtml(response.body, contentType), response.url, contentType || 'text/html');
      if (response.truncated) notMeasured.push({ what: 'page-complete', reason: reason('cli.notMeasured.truncated', { bytes: limits.maxHtmlBytes }) });
    } else {
      notMeasured.push({ what: 'page', reason: reason('cli.notMeasured.not-html', { type: contentType.slice(0, 100) || '?' }) });
    }

    const isHttps = finalUrl.protocol === 'https:';
    const scriptUrls = page ? pickScriptUrls(page.scripts.map((s) => s.src), null, limits.maxScriptFiles) : [];
    const extensionUrls = page ? [...page.scripts.map((x) => x.src), ...page.stylesheets.map((x) => x.href), ...page.subresources.map((x) => x.url)] : [];
    const extensions = referencedExtensions(extensionUrls, finalUrl.origin);
    const [httpVariant, securityTxt, cors, scriptFiles, versionFiles] = await Promise.all([
      isHttps
        ? optional('httpVariant', notMeasured, limits, async () => {
            const start = httpVariantUrl(response.url);
            // Only where each hop leads matters here, not whether the certificate is valid (reported apart).
            return httpVariantOf(start, await followRedirects(start, { ...base, maxBytes: 0, insecure: true }));
          })
        : Promise.resolve<HttpVariantEvidence>({ url: response.url, outcome: 'no-redirect', finalUrl: response.url, hops: chain.hops.slice(0, 30) }),
      optional('securityTxt', notMeasured, limits, async (): Promise<SecurityTxtEvidence> => {
        const url = new URL('/.well-known/security.txt', finalUrl.origin);
        const txt = await followRedirects(url, { ...base, maxBytes: SECURITY_TXT_MAX_BYTES, headers: { accept: 'text/plain,*/*' } }, 5);
        if (txt.end.kind === 'error') throw txt.end.error;
        if (txt.end.kind !== 'response') return { url: url.href, status: 0, contentType: '', body: '' };
        const r = txt.end.response;
        const ok = r.status >= 200 && r.status < 300;
        return { url: r.url.slice(0, 4096), status: r.status, contentType: headerOf(r, 'content-type').slice(0, 256), body: ok ? r.body.toString('utf8').slice(0, SECURITY_TXT_MAX_BYTES) : '' };
      }),
      optional('cors', notMeasured, limits, async (): Promise<CorsEvidence> => {
        const r = await boundedRequest(finalUrl, { ...base, maxBytes: 0, headers: { origin: CORS_PROBE_ORIGIN } });
        return { origin: CORS_PROBE_ORIGIN, headers: r.headers };
      }),
      page ? optional('scriptFiles', notMeasured, limits, () => readScriptFiles(scriptUrls, base, limits)) : Promise.resolve(null),
      extensions.length ? optional('versionFile', notMeasured, limits, () => readVersionFiles(extensions, finalUrl.origin, nodeFileReader(base))) : Promise.resolve(null),
    ]);
    notMeasured.push(...versionFileGaps(versionFiles));
    if (!page) notMeasured.push({ what: 'scriptFiles', reason: reason('cli.notMeasured.not-html', { type: contentType.slice(0, 100) || '?' }) });

    return {
      evidence: {
        url: response.url,
        headers,
        page,
        globals: null,
        cookies: cookiesEvidenceOf(chain.responses, now),
        httpVariant,
        tls: isHttps ? tlsEvidenceOf(response.tls) : null,
        scriptFiles,
        versionFiles,
        securityTxt,
        cors,
      },
      notMeasured,
    };
  } finally {
    clearTimeout(deadline);
  }
}
