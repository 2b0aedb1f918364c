/**
 * Runs inside the audited page: reads the files that state the version of the WordPress plugins
 * and themes the page itself references (a plugin's readme.txt, a theme's style.css). activeTab
 * grants the page's origin to the injected script, not to the background, hence here.
 *
 * Bounded on purpose, because a request for a file the page did not load must not look like a
 * probe: only slugs the page references (never a list of guessed ones), same origin only, no
 * credentials, at most `maxFiles` files, the first 8 KiB of each, each with its own deadline, and
 * the final URL checked (a redirect elsewhere is not this file). Every file asked for is listed,
 * with what came of it.
 */
import type { NotMeasured, VersionFilesEvidence } from '../evidence/schema';
import { readVersionFile, versionFileOf, type ReferencedExtension } from '../components/extensions';

export interface VersionFileLimits {
  maxFiles: number;
  maxBytes: number;
  timeoutMs: number;
  concurrency: number;
}

export const VERSION_FILE_LIMITS: VersionFileLimits = { maxFiles: 20, maxBytes: 8192, timeoutMs: 2500, concurrency: 4 };

type Entry = VersionFilesEvidence['files'][number];

/** What a platform's reader got for one file (the page's fetch, or the CLI's bounded request). */
export type FileRead =
  | { kind: 'body'; bytes: Uint8Array }
  | { kind: 'status'; status: number }
  | { kind: 'redirected' }
  | { kind: 'timeout' }
  | { kind: 'error' };
export type FileReader = (url: string, limits: VersionFileLimits) => Promise<FileRead>;

/** Reads at most `max` bytes of a body; the rest is never downloaded. */
async function readHead(response: Response, max: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      const part = value.subarray(0, max - size);
      chunks.push(part);
      size += part.length;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** The page's reader: no credentials, the cache first, a redirect is not this file, a deadline per file. */
export const pageFileReader: FileReader = async (url, limits) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    // A redirect is not this file: not followed (it would be another address, perhaps another site).
    const response = await fetch(url, { credentials: 'omit', redirect: 'manual', cache: 'force-cache', signal: controller.signal });
    // Browsers answer a manual redirect with an opaque response; other fetch implementations with the 3xx itself.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400) || response.redirected || (response.url && response.url !== url)) {
      response.body?.cancel().catch(() => {});
      return { kind: 'redirected' };
    }
    if (!response.ok) {
      response.body?.cancel().catch(() => {});
      return { kind: 'status', status: response.status };
    }
    return { kind: 'body', bytes: await readHead(response, limits.maxBytes) };
  } catch {
    return { kind: controller.signal.aborted ? 'timeout' : 'error' };
  } finally {
    clearTimeout(timer);
  }
};

async function readOne(ext: ReferencedExtension, url: string, read: FileReader, limits: VersionFileLimits): Promise<Entry> {
  const base = { kind: ext.kind, slug: ext.slug.slice(0, 100), url: url.slice(0, 4096) };
  const started = performance.now();
  let got: FileRead;
  try {
    got = await read(url, limits);
  } catch {
    got = { kind: 'error' };
  }
  const ms = Math.round(performance.now() - started);
  if (got.kind === 'status') return { ...base, outcome: 'not-found', status: got.status, ms };
  if (got.kind !== 'body') return { ...base, outcome: got.kind, ms };
  const bytes = got.bytes.subarray(0, limits.maxBytes);
  if (bytes.includes(0)) return { ...base, outcome: 'not-text', ms };
  const reading = readVersionFile(ext.kind, new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  if (!reading.ok) return { ...base, outcome: reading.reason, ms };
  return { ...base, outcome: 'version', version: reading.version.slice(0, 64), ...(reading.name ? { name: reading.name } : {}), ms };
}

/**
 * Reads the version files of `extensions` (as found by referencedExtensions on the page's own
 * URLs), themes first, then plugins in the page's order, up to the limits. Extensions beyond the
 * file budget are listed as `skipped-limit`.
 */
export async function readVersionFiles(extensions: readonly ReferencedExtension[], origin: string, read: FileReader = pageFileReader, limits: VersionFileLimits = VERSION_FILE_LIMITS): Promise<VersionFilesEvidence> {
  const ordered = [...extensions.filter((e) => e.kind === 'wp-theme'), ...extensions.filter((e) => e.kind === 'wp-plugin')];
  const files: Entry[] = [];
  const queue: { ext: ReferencedExtension; url: string }[] = [];
  for (const ext of ordered) {
    const url = versionFileOf(ext);
    if (!url) continue;
    let sameOrigin = false;
    try {
      sameOrigin = new URL(url).origin === origin;
    } catch {
      sameOrigin = false;
    }
    if (!sameOrigin) files.push({ kind: ext.kind, slug: ext.slug.slice(0, 100), url: url.slice(0, 4096), outcome: 'other-origin' });
    else if (queue.length >= limits.maxFiles) files.push({ kind: ext.kind, slug: ext.slug.slice(0, 100), url: url.slice(0, 4096), outcome: 'skipped-limit' });
    else queue.push({ ext, url });
  }
  const results: Entry[] = new Array(queue.length);
  let next = 0;
  async function worker() {
    while (next < queue.length) {
      const i = next++;
      results[i] = await readOne(queue[i]!.ext, queue[i]!.url, read, limits);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limits.concurrency, queue.length)) }, worker));
  return { files: [...results, ...files] };
}

/**
 * The version files that gave no version, as "not measured" entries: each says which extension,
 * which file and why, so the report shows what was tried. Files the page does not have
 * (`not-found`) and files that state no version are said too: the version is then unconfirmed.
 */
export function versionFileGaps(evidence: VersionFilesEvidence | null): NotMeasured[] {
  return (evidence?.files ?? [])
    .filter((f) => f.outcome !== 'version')
    .slice(0, 30)
    .map((f) => ({ what: 'versionFile', reason: { key: `notMeasured.version-file.${f.outcome}`, params: { slug: f.slug, url: f.url, ...(f.status ? { status: f.status } : {}) } } }));
}
