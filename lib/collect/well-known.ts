/**
 * Runs inside the audited page: reads /.well-known/security.txt once from the page's own origin,
 * bounded in size and time. Not found is a result (status 404), not a failure.
 */
import type { SecurityTxtEvidence } from '../evidence/schema';

export const SECURITY_TXT_MAX_BYTES = 32_768;

export async function readBoundedText(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < maxBytes) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    chunks.push(value.subarray(0, maxBytes - total));
    total += Math.min(value.length, maxBytes - total);
  }
  reader.cancel().catch(() => {});
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(joined);
}

export type SecurityTxtOutcome = { ok: true; securityTxt: SecurityTxtEvidence } | { ok: false; reason: string };

export async function fetchSecurityTxt(origin: string, timeoutMs: number): Promise<SecurityTxtOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const url = `${origin}/.well-known/security.txt`;
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'follow', signal: controller.signal });
    const contentType = (response.headers.get('content-type') ?? '').slice(0, 256);
    const body = response.ok ? await readBoundedText(response, SECURITY_TXT_MAX_BYTES) : '';
    if (!response.ok) response.body?.cancel().catch(() => {});
    return { ok: true, securityTxt: { url: response.url || url, status: response.status, contentType, body } };
  } catch (error) {
    return { ok: false, reason: controller.signal.aborted ? 'timeout' : String((error as Error)?.message ?? error).slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}
