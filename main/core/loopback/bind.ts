import { createServer, type RequestListener, type Server } from 'node:http';

/** The only adapter that opens listening sockets: loopback addresses only, never all interfaces. */

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen({ port, host, ipv6Only: host === '::1', exclusive: true }, () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr !== null ? addr.port : port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Keep-alive sockets would hold the port open; the answers were already sent.
    server.closeAllConnections();
  });
}

const errno = (err: unknown): string | undefined => (err as { code?: string } | null)?.code;
/** ::1 may be missing (IPv6 disabled, some containers); 127.0.0.1 alone then serves `localhost`. */
const IPV6_UNAVAILABLE = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EINVAL', 'EPROTONOSUPPORT']);

/**
 * Listens on 127.0.0.1 and ::1 on the same port so `localhost` reaches us whichever address the
 * browser resolves it to. Rejects with the OS error (EADDRINUSE, EACCES) when the port is taken on
 * either address, because a foreign listener on ::1 would receive our callback.
 */
export async function bindLoopback(handler: RequestListener, port: number): Promise<{ servers: Server[]; port: number }> {
  for (let attempt = 0; ; attempt++) {
    const v4 = createServer(handler);
    const actual = await listen(v4, port, '127.0.0.1');
    const v6 = createServer(handler);
    try {
      await listen(v6, actual, '::1');
      return { servers: [v4, v6], port: actual };
    } catch (err) {
      if (IPV6_UNAVAILABLE.has(errno(err) ?? '')) return { servers: [v4], port: actual };
      await closeServer(v4);
      // An ephemeral port free on IPv4 but taken on IPv6: draw another one.
      if (port === 0 && errno(err) === 'EADDRINUSE' && attempt < 5) continue;
      throw err;
    }
  }
}
