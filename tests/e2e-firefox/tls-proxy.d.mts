/** Types of tls-proxy.mjs, for the TypeScript tests. */
export interface TlsProxy {
  port: number;
  /** Every CONNECT target asked for, e.g. `strong.test:443`. */
  tunnels: string[];
  stop(): Promise<void>;
}

export function startTlsProxy(httpsPort: number): Promise<TlsProxy>;
