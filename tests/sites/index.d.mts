/** Types of the local test sites (index.mjs), for the TypeScript tests. */
export interface SiteContext {
  scheme: 'http' | 'https';
  host: string;
  path: string;
  query: URLSearchParams;
  /** A fresh random nonce per response, for Content-Security-Policy. */
  nonce: string;
  url: (host: string, scheme?: 'http' | 'https', path?: string) => string;
}

export type HeaderMap = Record<string, string | string[]>;

export interface Route {
  status?: number;
  type: string;
  headers?: (ctx: SiteContext) => HeaderMap;
  body: (ctx: SiteContext) => string | Buffer;
  /** Answer after this many milliseconds (at most 10 s), e.g. to make a loading state observable. */
  delayMs?: (ctx: SiteContext) => number;
}

export interface SiteDefinition {
  host: string;
  /** Over plain HTTP: serve the same routes, or only redirect to the HTTPS address. */
  http: 'serve' | 'redirect-to-https';
  /** Headers sent with every response of the site (routes may add or override). */
  headers?: (ctx: SiteContext) => HeaderMap;
  routes: Record<string, Route>;
}

export interface RequestLogEntry {
  scheme: 'http' | 'https';
  host: string;
  method: string;
  path: string;
  query: string;
  userAgent: string;
}

export interface RunningSites {
  ports: { http: number; https: number };
  /** Home page URLs per host name, e.g. urls['weak.test'].https. */
  urls: Record<string, { http: string; https: string }>;
  url: (host: string, scheme?: 'http' | 'https', path?: string) => string;
  /** Every request the servers answered, in order. */
  requests: RequestLogEntry[];
  hosts: string[];
  stop: () => Promise<void>;
}

export const ALL_SITES: SiteDefinition[];
export const HOST_RESOLVER_RULES: string;
export function unusedPort(): Promise<number>;
export function startSites(options?: { sites?: SiteDefinition[] }): Promise<RunningSites>;
