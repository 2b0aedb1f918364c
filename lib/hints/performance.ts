/**
 * Performance thresholds and measurements from navigation and resource timing. Thresholds are
 * Vigie's choices, documented in docs/hints.md; one scan is one sample from the auditor's network.
 */
import type { Evidence, ResourceEntry } from '../evidence/schema';

export const PERF_THRESHOLDS = {
  /** Time to first byte (navigation responseStart), ms. */
  ttfb: { low: 800, medium: 1800 },
  /** Load event end, ms. */
  load: { low: 4000, medium: 8000 },
  /** HTML document, decoded bytes. */
  documentBytes: { low: 512 * 1024 },
  /** Page weight: document + measured resources, encoded (over-the-wire body) bytes. */
  pageBytes: { low: 3 * 1024 * 1024, medium: 6 * 1024 * 1024 },
  /** Requests: the document and every resource timing entry. */
  requests: { low: 120, medium: 250 },
  /** A document smaller than this gains little from compression. */
  compressMinBytes: 1024,
} as const;

/** An entry whose sizes are all zero: a cross-origin response without Timing-Allow-Origin (or a true 0-byte response). */
export function sizeHidden(entry: Pick<ResourceEntry, 'transferSize' | 'encodedBodySize' | 'decodedBodySize'>): boolean {
  return entry.transferSize === 0 && entry.encodedBodySize === 0 && entry.decodedBodySize === 0;
}

export interface PageWeight {
  /** Bytes known: the document and every resource whose size the browser shows. */
  measuredBytes: number;
  measuredCount: number;
  /** Resources whose size is hidden (not measured, not zero). */
  hiddenCount: number;
  /** Resources the page loaded beyond the list the collector kept. */
  unlistedCount: number;
}

export function pageWeight(evidence: Evidence): PageWeight | null {
  const page = evidence.page;
  if (!page || !page.navigation) return null;
  let measuredBytes = page.navigation.encodedBodySize || page.navigation.decodedBodySize;
  let measuredCount = 1;
  let hiddenCount = 0;
  for (const r of page.resources) {
    if (sizeHidden(r)) hiddenCount++;
    else {
      measuredBytes += r.encodedBodySize || r.decodedBodySize;
      measuredCount++;
    }
  }
  return { measuredBytes, measuredCount, hiddenCount, unlistedCount: Math.max(0, page.resourceCount - page.resources.length) };
}

export const kib = (bytes: number) => Math.round(bytes / 1024);
