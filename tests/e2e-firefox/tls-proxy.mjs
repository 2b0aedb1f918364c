/**
 * A loopback CONNECT proxy for Firefox's HTTPS traffic, so a test site can be reached at its
 * real-world address `https://strong.test/` (port 443) while the server listens on an ephemeral
 * port. Tunnels go to 127.0.0.1 only: port 443 to the test HTTPS server, any other port as asked.
 */
import http from 'node:http';
import net from 'node:net';

/**
 * @param {number} httpsPort the local test sites' HTTPS port
 * @returns {Promise<{ port: number, tunnels: string[], stop: () => Promise<void> }>}
 */
export async function startTlsProxy(httpsPort) {
  /** @type {string[]} */
  const tunnels = [];
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client, head) => {
    const target = String(req.url ?? '');
    const match = /^([a-z0-9.-]+):(\d{1,5})$/i.exec(target);
    if (!match) {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    tunnels.push(target);
    const port = match[2] === '443' ? httpsPort : Number(match[2]);
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  return {
    port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
    tunnels,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
