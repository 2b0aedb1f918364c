/**
 * Evidence: the raw facts a scan collected, before any judgement. What a page returns is
 * untrusted, so every string and list is bounded here and checked at the boundary.
 */
import { z } from 'zod';

import { PRESENCE_PROBE_IDS } from '../kb/global-probes';
import { VERSION_CORE } from '../version/parse';
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
  /** Subresources the DOM asks for, by kind (mixed content, third-party scripts). */
  subresources: z.array(z.object({ kind: z.enum(['script', 'stylesheet', 'iframe', 'img', 'media', 'object', 'other']), url })).max(LIMITS.resources).default([]),
  documentCookieNames: z.array(z.string().max(256)).max(LIMITS.cookies),
  navigation: NavigationEntry.nullable(),
  resources: z.array(ResourceEntry).max(LIMITS.resources),
  resourceCount: count,
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;

/**
 * A library version read from the page's own JavaScript globals (main world). The page owns that
 * world and can make the in-page filter lie, so here a version must read as one (VERSION_CORE, the
 * start parseVersion needs). Presence-only probes carry a string that is not a version by design.
 */
export const GlobalLibrary = z.union([
  z.object({ library: z.string().max(64), version: z.string().max(64).regex(VERSION_CORE), path: z.string().max(200) }),
  z.object({ library: z.enum(PRESENCE_PROBE_IDS), version: z.string().max(64), path: z.string().max(200) }),
]);

/**
 * Each library is judged on its own: an entry that is not a library version is dropped, so that a
 * hostile page cannot blank out every other global by adding one junk entry. A list longer than
 * the bound is left as it is, to be refused whole, without walking it.
 */
function dropInvalidLibraries(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const libraries: unknown = (input as { libraries?: unknown }).libraries;
  if (!Array.isArray(libraries) || libraries.length > LIMITS.globals) return input;
  return { libraries: libraries.filter((entry) => GlobalLibrary.safeParse(entry).success) };
}
export const GlobalsEvidence = z.preprocess(dropInvalidLibraries, z.object({ libraries: z.array(GlobalLibrary).max(LIMITS.globals) }));
export type GlobalsEvidence = z.infer<typeof GlobalsEvidence>;

/** Cookies as the browser's cookie jar (optional `cookies` permission) or the Set-Cookie headers (CLI) show them. */
export const CookieItem = z.object({
  name: z.string().max(256),
  domain: z.string().max(253),
  path: z.string().max(1024),
  secure: z.boolean(),
  httpOnly: z.boolean(),
  sameSite: z.enum(['strict', 'lax', 'none', 'unspecified']),
  session: z.boolean(),
  hostOnly: z.boolean(),
  expirationDate: z.number().optional(),
});
export const CookiesEvidence = z.object({
  source: z.enum(['cookies-api', 'set-cookie', 'node']),
  items: z.array(CookieItem).max(LIMITS.cookies),
  /** Raw Set-Cookie header values where the platform shows them (CLI); values redacted before saving. */
  setCookieHeaders: z.array(z.string().max(LIMITS.headerValue)).max(LIMITS.cookies).default([]),
});
export type CookiesEvidence = z.infer<typeof CookiesEvidence>;

/** What the http:// variant of the page does: redirected to https, elsewhere, or not at all. */
export const HttpVariantEvidence = z.object({
  url,
  outcome: z.enum(['redirected-to-https', 'redirected-elsewhere', 'no-redirect', 'unreachable']),
  finalUrl: url.optional(),
  /** Hop by hop where the platform sees each hop (CLI); the browser sees only the outcome. */
  hops: z.array(z.object({ url, status: z.number().int() })).max(30).default([]),
});
export type HttpVariantEvidence = z.infer<typeof HttpVariantEvidence>;

export const TlsEvidence = z.object({
  source: z.enum(['firefox-security-info', 'node']),
  protocol: z.string().max(32),
  issuer: z.string().max(LIMITS.text),
  subject: z.string().max(LIMITS.text),
  validFrom: z.string().max(64),
  validTo: z.string().max(64),
  names: z.array(z.string().max(253)).max(200),
  state: z.string().max(32),
});
export type TlsEvidence = z.infer<typeof TlsEvidence>;

/** Script files the page already loaded, re-read (bounded) for version banners. */
export const ScriptFilesEvidence = z.object({
  files: z.array(z.object({
    url,
    bytes: count,
    head: z.string().max(4096),
    matches: z.array(z.object({ library: z.string().max(64), version: z.string().max(64) })).max(20),
  })).max(60),
});
export type ScriptFilesEvidence = z.infer<typeof ScriptFilesEvidence>;

/**
 * The version files of the CMS extensions the page references (lib/collect/version-files.ts):
 * every file asked for, with what came of it. `version` and `name` are what the file says, bounded.
 */
export const VersionFileOutcome = z.enum(['version', 'no-version', 'trunk', 'not-text', 'not-a-version-file', 'not-found', 'redirected', 'timeout', 'error', 'other-origin', 'skipped-limit']);
export const VersionFilesEvidence = z.object({
  files: z.array(z.object({
    kind: z.enum(['wp-plugin', 'wp-theme', 'drupal-module', 'joomla-extension']),
    slug: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/),
    url,
    outcome: VersionFileOutcome,
    status: z.number().int().min(0).max(999).optional(),
    version: z.string().regex(/^\d+(?:\.\d+){0,3}(?:[-.]?[A-Za-z][0-9A-Za-z.]{0,20})?$/).optional(),
    name: z.string().max(80).optional(),
    ms: z.number().min(0).max(600_000).optional(),
  })).max(250),
});
export type VersionFilesEvidence = z.infer<typeof VersionFilesEvidence>;

export const SecurityTxtEvidence = z.object({
  url,
  status: z.number().int().min(0).max(999),
  contentType: z.string().max(256),
  body: z.string().max(32_768),
});
export type SecurityTxtEvidence = z.infer<typeof SecurityTxtEvidence>;

/** Response headers to a request carrying an `Origin` header (the Observatory's CORS test). */
export const CorsEvidence = z.object({ origin: z.string().max(256), headers: HeadersEvidence.shape.headers });
export type CorsEvidence = z.infer<typeof CorsEvidence>;

export const Evidence = z.object({
  url,
  headers: HeadersEvidence.nullable(),
  page: PageSnapshot.nullable(),
  globals: GlobalsEvidence.nullable(),
  cookies: CookiesEvidence.nullable().default(null),
  httpVariant: HttpVariantEvidence.nullable().default(null),
  tls: TlsEvidence.nullable().default(null),
  scriptFiles: ScriptFilesEvidence.nullable().default(null),
  versionFiles: VersionFilesEvidence.nullable().optional(),
  securityTxt: SecurityTxtEvidence.nullable().default(null),
  cors: CorsEvidence.nullable().default(null),
});
export type Evidence = z.infer<typeof Evidence>;
export type EvidenceInput = z.input<typeof Evidence>;

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
