import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, that a test can cut and reconnect: the honest
 * simulation of network loss while the server keeps its state. `cut()` closes the listening socket
 * and every open connection (clients then get ECONNREFUSED, or ECONNRESET mid-request); `restore()`
 * listens again on the same port.
 */
export interface ToggleProxy {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** Connections accepted since the start (also while no request was forwarded). */
  readonly connections: number;
  /** false between cut() and restore(). */
  readonly isOpen: boolean;
  cut(): Promise<void>;
  restore(): Promise<void>;
  stop(): Promise<void>;
}

export async function startToggleProxy(target: { host?: string; port: number }): Promise<ToggleProxy> {
  const host = target.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  let connections = 0;
  let server: Server | undefined;
  let port = 0;

  const listen = async (): Promise<void> => {
    const s = createServer((client) => {
      connections++;
      const upstream = connect(target.port, host);
      sockets.add(client);
      sockets.add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        s.off('error', reject);
        resolve();
      });
    });
    port = (s.address() as { port: number }).port;
    server = s;
  };

  const close = async (): Promise<void> => {
    const s = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await listen();
  return {
    get origin() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get connections() {
      return connections;
    },
    get isOpen() {
      return server !== undefined;
    },
    cut: close,
    restore: async () => {
      if (!server) await listen();
    },
    stop: close,
  };
}

/**
 * A fetch that sends requests for `from` (the emulator's origin, which its issuer and discovery
 * name) through `to` (the proxy) over real TCP. Only the connection is redirected: URLs, issuer
 * checks and response bodies are the server's own.
 */
export function fetchVia(from: string, to: () => string): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const routed = url.startsWith(from) ? to() + url.slice(from.length) : url;
    if (typeof input === 'string' || input instanceof URL) return fetch(routed, init);
    return fetch(new Request(routed, input), init);
  };
}
