/**
 * Evidence: the raw facts a scan collected, before any judgement. What a page returns is
 * untrusted, so every string and list is bounded here and checked at the boundary.
 */
import { z } from 'zod';

import { LIMITS } from './limits';

export { LIMITS };

const url = z.string().max(LIMITS.url);
const text = z.string().max(LIMITS.text);
const count = z.number().int().min(0).max(10_000_000);
const millis = z.number().min(0).max(3_600_000);

export const MessageRef = z.object({
  key: z.string().max(200),
  params: z.record(z.string().max(64), z.union([z.string().max(LIMITS.text), z.number()])).default({}),
});
export type MessageRef = z.infer<typeof MessageRef>;

export const NotMeasured = z.object({ what: z.string().max(100), reason: MessageRef });
export type NotMeasured = z.infer<typeof NotMeasured>;

export const HeaderSource = z.enum(['page-fetch', 'background-fetch', 'webrequest', 'node', 'none']);
export type HeaderSource = z.infer<typeof HeaderSource>;

/** Header pairs as received: names keep their case, duplicates are kept (e.g. several Set-Cookie). */
export const HeadersEvidence = z.object({
  source: HeaderSource,
  url,
  status: z.number().int().min(0).max(999),
  redirected: z.boolean(),
  headers: z.array(z.tuple([z.string().max(LIMITS.headerName), z.string().max(LIMITS.headerValue)])).max(LIMITS.headers),
});
export type HeadersEvidence = z.infer<typeof HeadersEvidence>;

export const ScriptRef = z.object({
  src: url,
  integrity: z.string().max(LIMITS.text).optional(),
  crossOrigin: z.string().max(64).optional(),
  type: z.string().max(128).optional(),
});
export type ScriptRef = z.infer<typeof ScriptRef>;

export const ResourceEntry = z.object({
  name: url,
  initiatorType: z.string().max(64),
  nextHopProtocol: z.string().max(32),
  transferSize: count,
  encodedBodySize: count,
  decodedBodySize: count,
  startTime: millis,
  duration: millis,
});
export type ResourceEntry = z.infer<typeof ResourceEntry>;

export const NavigationEntry = z.object({
  type: z.string().max(32),
  nextHopProtocol: z.string().max(32),
  responseStart: millis,
  domContentLoadedEventEnd: millis,
  loadEventEnd: millis,
  transferSize: count,
  encodedBodySize: count,
  decodedBodySize: count,
});
export type NavigationEntry = z.infer<typeof NavigationEntry>;

export const PageSnapshot = z.object({
  url,
  protocol: z.string().max(16),
  title: text,
  contentType: z.string().max(256),
  elementCount: count,
  scripts: z.array(ScriptRef).max(LIMITS.scripts),
  scriptCount: count,
  inlineScriptCount: count,
  stylesheets: z.array(z.object({ href: url, integrity: z.string().max(LIMITS.text).optional() })).max(LIMITS.scripts),
  metaGenerator: z.array(text).max(LIMITS.metas),
  metaHttpEquiv: z.array(z.object({ name: z.string().max(128), content: z.string().max(LIMITS.headerValue) })).max(LIMITS.metas),
  forms: z.array(z.object({ action: url, method: z.string().max(16) })).max(LIMITS.forms),
  documentCookieNames: z.array(z.string().max(256)).max(LIMITS.cookies),
  navigation: NavigationEntry.nullable(),
  resources: z.array(ResourceEntry).max(LIMITS.resources),
  resourceCount: count,
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;

/** A library version read from the page's own JavaScript globals (main world). */
export const GlobalLibrary = z.object({
  library: z.string().max(64),
  version: z.string().max(64),
  path: z.string().max(200),
});
export const GlobalsEvidence = z.object({ libraries: z.array(GlobalLibrary).max(LIMITS.globals) });
export type GlobalsEvidence = z.infer<typeof GlobalsEvidence>;

export const Evidence = z.object({
  url,
  headers: HeadersEvidence.nullable(),
  page: PageSnapshot.nullable(),
  globals: GlobalsEvidence.nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Case-insensitive header lookup; returns every value of the header, in order. */
export function headerValues(headers: HeadersEvidence | null, name: string): string[] {
  if (!headers) return [];
  const wanted = name.toLowerCase();
  return headers.headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** The single value of a header, or null; several values are joined as a browser would (", "). */
export function headerValue(headers: HeadersEvidence | null, name: string): string | null {
  const values = headerValues(headers, name);
  return values.length ? values.join(', ') : null;
}
