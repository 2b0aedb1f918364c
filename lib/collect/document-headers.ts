/**
 * Runs inside the audited page: re-fetches the document from its own origin, bypassing the
 * cache, and reads the response headers (browsers hide Set-Cookie from scripts). Only needs the
 * activeTab grant, since the request is the page's own.
 */
import { LIMITS } from '../evidence/limits';
import type { HeadersEvidence } from '../evidence/schema';

export type HeaderFetchOutcome = { ok: true; headers: HeadersEvidence } | { ok: false; reason: string };

export async function fetchDocumentHeaders(url: string, timeoutMs: number): Promise<HeaderFetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'include', redirect: 'follow', signal: controller.signal });
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (headers.length < LIMITS.headers) headers.push([name.slice(0, LIMITS.headerName), value.slice(0, LIMITS.headerValue)]);
    });
    response.body?.cancel().catch(() => {});
    return {
      ok: true,
      headers: { source: 'page-fetch', url: response.url.slice(0, LIMITS.url) || url, status: response.status, redirected: response.redirected, headers },
    };
  } catch (error) {
    return { ok: false, reason: controller.signal.aborted ? 'timeout' : String((error as Error)?.message ?? error).slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}
