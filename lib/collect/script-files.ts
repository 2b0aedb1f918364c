/**
 * Runs inside the audited page: re-reads, from the browser cache where possible, the script files
 * the page itself loaded, to find version banners. Bounded in count, bytes and time; scripts of
 * other extensions and non-http(s) URLs are never read; a cross-origin file without CORS is skipped.
 */
import type { ScriptFilesEvidence } from '../evidence/schema';
import { readBoundedText } from './well-known';

export interface ScriptFileLimits {
  maxFiles: number;
  maxBytesPerFile: number;
  maxTotalBytes: number;
  timeoutMs: number;
  concurrency: number;
}

export const SCRIPT_FILE_LIMITS: ScriptFileLimits = { maxFiles: 30, maxBytesPerFile: 2_000_000, maxTotalBytes: 8_000_000, timeoutMs: 4000, concurrency: 6 };

export type BannerMatcher = (text: string) => { library: string; version: string }[];

/** The script URLs worth re-reading: http(s) only, loaded by the page, deduplicated. */
export function pickScriptUrls(scriptSrcs: readonly string[], loadedUrls: ReadonlySet<string> | null, maxFiles: number): string[] {
  const picked: string[] = [];
  const seen = new Set<string>();
  for (const src of scriptSrcs) {
    if (picked.length >= maxFiles) break;
    if (!/^https?:\/\//i.test(src) || seen.has(src)) continue;
    seen.add(src);
    // When the browser reports what it loaded, only those files are re-read (no new download).
    if (loadedUrls && loadedUrls.size > 0 && !loadedUrls.has(src)) continue;
    picked.push(src);
  }
  return picked;
}

export async function readScriptFiles(urls: readonly string[], match: BannerMatcher, limits: ScriptFileLimits = SCRIPT_FILE_LIMITS): Promise<ScriptFilesEvidence> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const files: ScriptFilesEvidence['files'] = [];
  let budget = limits.maxTotalBytes;
  const queue = [...urls];

  async function worker() {
    while (queue.length && budget > 0 && !controller.signal.aborted) {
      const url = queue.shift()!;
      try {
        const response = await fetch(url, { cache: 'force-cache', credentials: 'same-origin', signal: controller.signal });
        if (!response.ok) {
          response.body?.cancel().catch(() => {});
          continue;
        }
        const text = await readBoundedText(response, Math.min(limits.maxBytesPerFile, budget));
        budget -= text.length;
        files.push({ url: url.slice(0, 4096), bytes: text.length, head: text.slice(0, 4096), matches: match(text).slice(0, 20) });
      } catch {
        // Cross-origin without CORS, network error or the deadline: this file is skipped.
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.max(1, limits.concurrency) }, worker));
  } finally {
    clearTimeout(timer);
  }
  // Keep the page's order so results are stable from one scan to the next.
  files.sort((a, b) => urls.indexOf(a.url) - urls.indexOf(b.url));
  return { files };
}
