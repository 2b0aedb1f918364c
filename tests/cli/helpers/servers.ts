/**
 * Local test servers: one port that answers both HTTP and HTTPS (the first byte of a connection
 * tells a TLS handshake from a plain request), so the http:// variant of an https:// test page
 * exists on the same host and port; and a raw TCP server that sends broken HTTP on purpose.
 * Every socket is tracked so a server that never answers can still be closed.
 */
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import type { KeyPair } from './certs';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, secure: boolean) => void;

export interface Started {
  port: number;
  url: (path: string, scheme?: 'http' | 'https') => string;
  close: () => Promise<void>;
}

function listen(server: net.Server, sockets: Set<net.Socket>): Promise<Started> {
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: (path, scheme = 'https') => `${scheme}://127.0.0.1:${port}${path}`,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** HTTP and HTTPS on one port, with the given certificate. */
export function startDualServer(pair: KeyPair, handler: Handler): Promise<Started> {
  const plain = http.createServer((req, res) => handler(req, res, false));
  const secure = https.createServer({ key: pair.key, cert: pair.cert }, (req, res) => handler(req, res, true));
  for (const s of [plain, secure]) s.on('clientError', (_e, socket) => socket.destroy());
  secure.on('tlsClientError', () => {});
  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return listen(front, sockets);
}

/** HTTPS only (certificate tests). */
export function startHttpsServer(pair: KeyPair, handler: Handler): Promise<Started> {
  const server = https.createServer({ key: pair.key, cert: pair.cert }, (req, res) => handler(req, res, true));
  server.on('tlsClientError', () => {});
  return listen(server, new Set());
}

/** Answers each request with raw bytes chosen by its path: malformed HTTP on purpose. */
export function startRawServer(responses: Record<string, string | Buffer | null>): Promise<Started> {
  const server = net.createServer((socket) => {
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (!received.includes('\r\n\r\n')) return;
      const path = received.split(' ')[1] ?? '/';
      const answer = responses[path.split('?')[0]!];
      if (answer === null || answer === undefined) socket.destroy();
      else socket.end(answer);
      received = '';
    });
  });
  return listen(server, new Set());
}
