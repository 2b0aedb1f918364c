/**
 * One bounded HTTP(S) request from Node. The audited server is untrusted: the whole request
 * (connection, headers and body) has a time limit, the body is capped in bytes after decoding
 * (a compressed "bomb" stops at the cap too), headers are kept exactly as received (names keep
 * their case, every Set-Cookie is its own pair), and the TLS certificate is read from the socket.
 * Certificate errors do not stop the handshake: the peer is inspected first, then the request is
 * refused unless `insecure` is set.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import tls, { type PeerCertificate, type TLSSocket } from 'node:tls';
import zlib from 'node:zlib';
import { LIMITS } from '../../lib/evidence/limits';

export const USER_AGENT = 'Mozilla/5.0 (compatible; Vigie/0.1; website maintenance audit)';

export interface TlsPeer {
  certificate: PeerCertificate | null;
  protocol: string | null;
  /** The OpenSSL or Node error code when the certificate is not trusted for this host; null when it is. */
  error: string | null;
}

export interface BoundedResponse {
  url: string;
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** True when the body was longer than the cap and was cut. */
  truncated: boolean;
  tls: TlsPeer | null;
}

export type FetchErrorCode =
  | 'timeout' | 'deadline' | 'dns' | 'refused' | 'reset' | 'malformed' | 'headers-too-large'
  | 'tls-handshake' | 'certificate' | 'network';

export class FetchError extends Error {
  constructor(readonly code: FetchErrorCode, readonly detail: string, readonly tls: TlsPeer | null = null) {
    super(`${code}: ${detail}`);
  }
}

export interface RequestOptions {
  /** Whole request: connect, headers and body. */
  timeoutMs: number;
  /** Body bytes kept after decoding; 0 reads no body at all. */
  maxBytes: number;
  /** The site's overall deadline. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Proceed when the certificate is expired, self-signed or for another name. */
  insecure?: boolean;
  /** Read the body only for some responses (a redirect's body is never needed). */
  wantBody?: (status: number) => boolean;
}

const MAX_HEADER_BYTES = 64 * 1024;

function classify(error: NodeJS.ErrnoException): FetchError {
  const code = String(error.code ?? '');
  const detail = (code || error.message || 'error').slice(0, 200);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') return new FetchError('dns', detail);
  if (code === 'ECONNREFUSED') return new FetchError('refused', detail);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') return new FetchError('reset', detail);
  if (code === 'HPE_HEADER_OVERFLOW') return new FetchError('headers-too-large', detail);
  if (code.startsWith('HPE_')) return new FetchError('malformed', detail);
  if (code.startsWith('ERR_SSL') || code === 'EPROTO' || code.startsWith('ERR_TLS')) return new FetchError('tls-handshake', detail);
  return new FetchError('network', detail);
}

/** Reads the certificate, protocol and trust verdict (chain and host name) of a finished handshake. */
export function readPeer(socket: TLSSocket, hostname: string): TlsPeer {
  const raw = socket.getPeerCertificate(false);
  const certificate = raw && Object.keys(raw).length > 0 ? raw : null;
  let error: string | null = socket.authorized ? null : String(socket.authorizationError ?? 'UNKNOWN').slice(0, 100);
  if (!error && certificate) {
    // rejectUnauthorized is off so that a bad certificate can be reported: check the name ourselves.
    const mismatch = tls.checkServerIdentity(hostname.replace(/^\[|\]$/g, ''), certificate);
    if (mismatch) error = 'ERR_TLS_CERT_ALTNAME_INVALID';
  }
  return { certificate, protocol: socket.getProtocol() ?? null, error };
}

function headerPairs(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length && pairs.length < LIMITS.headers; i += 2) {
    pairs.push([raw[i]!.slice(0, LIMITS.headerName), raw[i + 1]!.slice(0, LIMITS.headerValue)]);
  }
  return pairs;
}

function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const value = encoding.trim().toLowerCase();
  if (value === 'gzip' || value === 'x-gzip') return zlib.createGunzip();
  if (value === 'deflate') return zlib.createInflate();
  if (value === 'br') return zlib.createBrotliDecompress();
  return null;
}

export function boundedRequest(target: URL, options: RequestOptions): Promise<BoundedResponse> {
  return new Promise<BoundedResponse>((resolve, reject) => {
    const isHttps = target.protocol === 'https:';
    const hostname = target.hostname;
    let peer: TlsPeer | null = null;
    let settled = false;
    let decoder: Readable | null = null;

    const request = (isHttps ? https : http).request(target, {
      method: 'GET',
      agent: false,
      maxHeaderSize: MAX_HEADER_BYTES,
      rejectUnauthorized: false,
      ...(isHttps && !isIP(hostname.replace(/^\[|\]$/g, '')) ? { servername: hostname } : {}),
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
        ...options.headers,
      },
    });

    const finish = (error: FetchError | null, response?: BoundedResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      decoder?.destroy();
      request.destroy();
      if (error) reject(error);
      else resolve(response!);
    };
    const onAbort = () => finish(new FetchError('deadline', 'site deadline', peer));
    const timer = setTimeout(() => finish(new FetchError('timeout', String(options.timeoutMs), peer)), options.timeoutMs);
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });

    request.on('socket', (socket) => {
      if (!isHttps) return;
      socket.once('secureConnect', () => {
        peer = readPeer(socket as TLSSocket, hostname);
        if (peer.error && !options.insecure) finish(new FetchError('certificate', peer.error, peer));
      });
    });

    request.on('error', (error) => finish(classify(error)));

    request.on('response', (response) => {
      const base = { url: target.href, status: response.statusCode ?? 0, headers: headerPairs(response.rawHeaders), tls: peer };
      // Destroying the request below may end this stream early: that is expected, not an error.
      response.on('error', () => {});
      const wanted = options.maxBytes > 0 && (options.wantBody?.(base.status) ?? true);
      if (!wanted) {
        finish(null, { ...base, body: Buffer.alloc(0), truncated: false });
        return;
      }
      const chunks: Buffer[] = [];
      let kept = 0;
      const done = (truncated: boolean) => finish(null, { ...base, body: Buffer.concat(chunks, kept), truncated });
      const encoding = String(response.headers['content-encoding'] ?? '');
      const transform = decoderFor(encoding);
      decoder = transform;
      const stream: Readable = transform ? response.pipe(transform) : response;
      stream.on('data', (chunk: Buffer) => {
        const room = options.maxBytes - kept;
        if (chunk.length >= room) {
          chunks.push(chunk.subarray(0, room));
          kept += room;
          done(chunk.length > room || !response.complete);
          return;
        }
        chunks.push(chunk);
        kept += chunk.length;
      });
      stream.on('end', () => done(false));
      // A body cut short or badly compressed: keep what arrived, the page is judged on that.
      stream.on('error', () => done(true));
      response.on('aborted', () => done(true));
      response.on('close', () => {
        if (!response.complete) done(true);
      });
    });

    request.end();
  });
}
