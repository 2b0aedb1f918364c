/**
 * Orchestrates a scan of one tab in the browser: injects the on-demand collectors, bounds each
 * with a timeout, validates what the page returned, and records what could not be measured.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { classifyPageUrl } from '../audit/domain';
import {
  CookiesEvidence, GlobalsEvidence, HeadersEvidence, HttpVariantEvidence, PageSnapshot, ScriptFilesEvidence, SecurityTxtEvidence, TlsEvidence,
  type Evidence, type NotMeasured, VersionFilesEvidence,
} from '../evidence/schema';
import { LIMITS } from '../evidence/limits';
import { GLOBAL_PROBES } from '../kb/global-probes';
import { readLibraryGlobals } from './main-world-globals';
import { collectCookies } from './cookies';
import { collectFirefoxTls } from './firefox-tls';
import { detectPlatform } from './platform';

const isFirefox = () => detectPlatform(navigator.userAgent).name === 'firefox';
import { collectHttpVariant } from './http-variant';
import { pageChangedDuringScan, unusableAnswerReason, type TabState, type UnusableAnswer } from './page-change';
import { TimeoutError, withTimeout } from './timeout';
import { versionFileGaps } from './version-files';

export const SCAN_LIMITS = { snapshotMs: 8000, globalsMs: 2000, headerFetchMs: 5000, backgroundFetchMs: 5000, optionalChecksMs: 6000 } as const;

export type ScanErrorCode = 'unsupported-page' | 'permission-missing' | 'page-unreachable' | 'timeout' | 'internal';

export class ScanError extends Error {
  constructor(readonly code: ScanErrorCode, readonly messageKey: string, readonly params: Record<string, string> = {}) {
    super(messageKey);
  }
}

export interface CollectedTab {
  evidence: Evidence;
  notMeasured: NotMeasured[];
}

const failed = z.object({ ok: z.literal(false), reason: z.string().max(300) });
const SnapshotResult = z.object({
  snapshot: PageSnapshot,
  headers: z.union([z.object({ ok: z.literal(true), headers: HeadersEvidence }), failed]),
  securityTxt: z.union([z.object({ ok: z.literal(true), securityTxt: SecurityTxtEvidence }), failed]).optional(),
  scriptFiles: ScriptFilesEvidence.optional(),
  versionFiles: VersionFilesEvidence.optional(),
});

/** Runs an optional, permission-gated check with a deadline; a failure is "not measured", never fatal. */
async function optionalCheck<T>(what: string, run: () => Promise<T | null>, schema: z.ZodType<T>, notMeasured: NotMeasured[], missingReason: NotMeasured['reason']): Promise<T | null> {
  try {
    const value = await withTimeout(run(), SCAN_LIMITS.optionalChecksMs, what);
    if (value === null) {
      notMeasured.push({ what, reason: missingReason });
      return null;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    notMeasured.push({ what, reason: reason('notMeasured.invalid-result') });
  } catch (error) {
    notMeasured.push({ what, reason: error instanceof TimeoutError ? reason('notMeasured.timeout', { ms: error.ms }) : reason('notMeasured.check-failed') });
  }
  return null;
}

const tabState = (tab: { url?: string; pendingUrl?: string; status?: string }): TabState => ({ url: tab.url, pendingUrl: tab.pendingUrl, status: tab.status });

function reason(key: string, params: Record<string, string | number> = {}): NotMeasured['reason'] {
  return { key, params };
}

/** Maps the browser's refusal to inject into the message the user needs (the wording differs per page kind). */
export function describeInjectionError(error: unknown): ScanError {
  const text = String((error as Error)?.message ?? error);
  if (/error page/i.test(text)) return new ScanError('page-unreachable', 'error.page-unreachable');
  if (/gallery cannot be scripted/i.test(text)) return new ScanError('unsupported-page', 'error.unsupported.store');
  if (/url "file:/i.test(text)) return new ScanError('unsupported-page', 'error.unsupported.file');
  if (/cannot access a [\w-]+:\/\/ url|url "(?:about|chrome|edge|brave|opera|devtools|view-source|chrome-extension|moz-extension|resource|chrome-search):/i.test(text)) {
    return new ScanError('unsupported-page', 'error.unsupported.browser-page');
  }
  if (/cannot access|cannot be scripted|missing host permission|permission/i.test(text)) return new ScanError('permission-missing', 'error.permission-missing');
  if (/no tab with id|no frame|tab.*closed/i.test(text)) return new ScanError('page-unreachable', 'error.tab-gone');
  return new ScanError('internal', 'error.internal', { detail: text.slice(0, 200) });
}

async function backgroundHeaderFetch(url: string): Promise<HeadersEvidence | null> {
  const origin = new URL(url).origin;
  const granted = await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
  if (!granted) return null;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SCAN_LIMITS.backgroundFetchMs);
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'follow', signal: controller.signal });
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => headers.push([name.slice(0, LIMITS.headerName), value.slice(0, LIMITS.headerValue)]));
    response.body?.cancel().catch(() => {});
    return HeadersEvidence.parse({ source: 'background-fetch', url: (response.url || url).slice(0, LIMITS.url), status: response.status, redirected: response.redirected, headers: headers.slice(0, LIMITS.headers) });
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

export async function collectTab(tabId: number): Promise<CollectedTab> {
  let tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    throw new ScanError('page-unreachable', 'error.tab-gone');
  }
  let url = tab.url ?? tab.pendingUrl;
  if (!url) {
    // The browser hides the address of pages the extension may not read (browser pages, files,
    // pages without the activeTab grant): asking the page itself tells which case this is.
    try {
      const [probe] = await withTimeout(browser.scripting.executeScript({ target: { tabId }, func: () => location.href }), SCAN_LIMITS.globalsMs, 'page address');
      url = typeof probe?.result === 'string' ? probe.result : undefined;
    } catch (error) {
      throw error instanceof TimeoutError ? new ScanError('timeout', 'error.timeout') : describeInjectionError(error);
    }
    if (!url) throw new ScanError('permission-missing', 'error.permission-missing');
  }
  const kind = classifyPageUrl(url);
  if (kind === 'browser-page' || kind === 'invalid') throw new ScanError('unsupported-page', 'error.unsupported.browser-page');
  if (kind === 'store') throw new ScanError('unsupported-page', 'error.unsupported.store');
  if (kind === 'file') throw new ScanError('unsupported-page', 'error.unsupported.file');
  if (kind === 'pdf') throw new ScanError('unsupported-page', 'error.unsupported.pdf');

  const notMeasured: NotMeasured[] = [];

  const snapshotPromise = withTimeout(
    browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/snapshot.js'] }),
    SCAN_LIMITS.snapshotMs,
    'page snapshot',
  );
  const globalsPromise = withTimeout(
    browser.scripting.executeScript({ target: { tabId }, world: 'MAIN', func: readLibraryGlobals, args: [GLOBAL_PROBES, 150] }),
    SCAN_LIMITS.globalsMs,
    'page globals',
  );
  const [snapshotSettled, globalsSettled] = await Promise.allSettled([snapshotPromise, globalsPromise]);

  const snapshotParsed = snapshotSettled.status === 'fulfilled' ? SnapshotResult.safeParse(snapshotSettled.value[0]?.result) : null;
  const globalsParsed = globalsSettled.status === 'fulfilled' ? GlobalsEvidence.safeParse({ libraries: globalsSettled.value[0]?.result }) : null;
  const snapshotDocument = snapshotSettled.status === 'fulfilled' ? snapshotSettled.value[0]?.documentId : undefined;
  const globalsDocument = globalsSettled.status === 'fulfilled' ? globalsSettled.value[0]?.documentId : undefined;
  // The tab is asked only when an answer is missing or the two answers come from different documents.
  let pageChanged = false;
  if (!snapshotParsed?.success || !globalsParsed?.success || snapshotDocument !== globalsDocument) {
    pageChanged = pageChangedDuringScan({
      startUrl: url,
      before: tabState(tab),
      after: await browser.tabs.get(tabId).then(tabState, () => null),
      documentIds: [snapshotDocument, globalsDocument],
      errors: [snapshotSettled, globalsSettled].flatMap((s) => (s.status === 'rejected' ? [s.reason] : [])),
    });
  }

  let page: PageSnapshot | null = null;
  let headers: HeadersEvidence | null = null;
  let securityTxt: SecurityTxtEvidence | null = null;
  let scriptFiles: ScriptFilesEvidence | null = null;
  let versionFiles: VersionFilesEvidence | null = null;
  if (!snapshotParsed?.success) {
    const answer: UnusableAnswer = snapshotSettled.status === 'rejected' ? { kind: 'rejected', error: snapshotSettled.reason } : { kind: 'invalid' };
    const why = unusableAnswerReason(answer, pageChanged);
    // Without the page there is no audit: a refused injection ends the scan with the browser's reason.
    if (!why) throw describeInjectionError(answer.kind === 'rejected' ? answer.error : undefined);
    notMeasured.push({ what: 'page', reason: why });
    // security.txt is read by the same collector: it is not measured either, for the same reason.
    notMeasured.push({ what: 'securityTxt', reason: why });
  } else {
    const parsed = snapshotParsed;
    page = parsed.data.snapshot;
    if (parsed.data.headers.ok) headers = parsed.data.headers.headers;
    else notMeasured.push({ what: 'headers', reason: reason('notMeasured.header-fetch-failed', { detail: parsed.data.headers.reason }) });
    const wellKnown = parsed.data.securityTxt;
    if (wellKnown?.ok) securityTxt = wellKnown.securityTxt;
    else notMeasured.push({ what: 'securityTxt', reason: reason('notMeasured.fetch-failed', { detail: wellKnown?.reason ?? '' }) });
    scriptFiles = parsed.data.scriptFiles ?? null;
    versionFiles = parsed.data.versionFiles ?? null;
    notMeasured.push(...versionFileGaps(versionFiles));
  }
  if (page && !/^(text\/html|application\/xhtml\+xml)/i.test(page.contentType)) {
    throw new ScanError('unsupported-page', 'error.unsupported.not-html', { type: page.contentType });
  }
  if (!headers) {
    headers = await backgroundHeaderFetch(page?.url ?? url);
    const headersEntry = notMeasured.findIndex((n) => n.what === 'headers');
    if (headers && headersEntry >= 0) notMeasured.splice(headersEntry, 1);
    else if (!headers && headersEntry < 0) notMeasured.push({ what: 'headers', reason: reason('notMeasured.headers-unavailable') });
  }

  let globals: GlobalsEvidence | null = null;
  if (globalsParsed?.success && !(page && snapshotDocument !== globalsDocument)) {
    globals = globalsParsed.data;
  } else if (globalsParsed?.success) {
    // The globals were read in another document than the snapshot the audit describes.
    notMeasured.push({ what: 'globals', reason: reason('notMeasured.page-changed') });
  } else {
    const answer: UnusableAnswer = globalsSettled.status === 'rejected' ? { kind: 'rejected', error: globalsSettled.reason } : { kind: 'invalid' };
    notMeasured.push({ what: 'globals', reason: unusableAnswerReason(answer, pageChanged) ?? reason('notMeasured.injection-failed') });
  }

  const pageUrl = page?.url ?? url;
  const isHttps = pageUrl.startsWith('https:');
  const [cookies, httpVariant, tls] = await Promise.all([
    optionalCheck('cookies', () => collectCookies(pageUrl), CookiesEvidence, notMeasured, reason('notMeasured.permission.cookies')),
    isHttps
      ? optionalCheck('httpVariant', () => collectHttpVariant(pageUrl, SCAN_LIMITS.backgroundFetchMs), HttpVariantEvidence, notMeasured, reason('notMeasured.permission.http-variant'))
      : // The page itself is served over http://: its http:// variant evidently does not lead to https.
        Promise.resolve<HttpVariantEvidence>({ url: pageUrl, outcome: 'no-redirect', finalUrl: pageUrl, hops: [] }),
    !isHttps
      ? Promise.resolve(null)
      : isFirefox()
        ? optionalCheck('tls', () => collectFirefoxTls(pageUrl, SCAN_LIMITS.backgroundFetchMs), TlsEvidence, notMeasured, reason('notMeasured.permission.tls'))
        : (notMeasured.push({ what: 'tls', reason: reason('notMeasured.tls-unavailable') }), Promise.resolve(null)),
  ]);

  return {
    evidence: { url: pageUrl, headers, page, globals, cookies, httpVariant, tls, scriptFiles, versionFiles, securityTxt, cors: null },
    notMeasured,
  };
}
