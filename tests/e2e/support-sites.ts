/**
 * Local test sites reachable over http:// and https:// on ONE port, as real sites are on 80 and 443.
 *
 * Why: the scan's http:// variant of `https://host:P/` is `http://host:P/`, and Chromium upgrades
 * passive mixed content `http://host:P/x.png` to `https://host:P/x.png` (same port). With the two
 * ephemeral ports of startSites() those requests would reach the wrong server and only measure a
 * failure. A small TCP front peeks at the first byte of each connection (0x16 = a TLS handshake)
 * and hands the connection to the HTTPS or the HTTP server of startSites() unchanged.
 */
import net from 'node:net';
import { startSites, type RunningSites, type SiteDefinition } from '../sites/index.mjs';

export interface OnePortSites {
  sites: RunningSites;
  port: number;
  /** The address of `path` on `host` over `scheme`, on the shared port. */
  url: (host: string, scheme?: 'http' | 'https', path?: string) => string;
  stop: () => Promise<void>;
}

export async function startOnePortSites(definitions: SiteDefinition[]): Promise<OnePortSites> {
  const sites = await startSites({ sites: definitions });
  const sockets = new Set<net.Socket>();
  const front = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.once('data', (first: Buffer) => {
      client.pause();
      const target = first[0] === 0x16 ? sites.ports.https : sites.ports.http;
      const upstream = net.connect(target, '127.0.0.1', () => {
        upstream.write(first);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', () => resolve((front.address() as net.AddressInfo).port));
  });
  return {
    sites,
    port,
    url: (host, scheme = 'https', path = '/') => `${scheme}://${host}:${port}${path}`,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => front.close(() => resolve(undefined)));
      await sites.stop();
    },
  };
}
