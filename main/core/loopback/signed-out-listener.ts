import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopbackHost, isLoopbackHostHeader } from '../net/loopback.js';
import { bindLoopback, closeServer } from './bind.js';
import { deferred } from './deferred.js';
import { notFoundPage, signedOutPage } from './pages.js';

export interface SignedOutListener {
  /** Resolves when the browser arrived at the sign-out URL (and was shown the "signed out" page). */
  arrived: Promise<void>;
  stop(): Promise<void>;
}

/**
 * `logout --hosted` with a loopback sign-out URL (http://localhost:53682/signed-out): the provider
 * sends the browser there after ending its session, so something must answer, or the person sees
 * "connection refused" instead of "signed out". Undefined for other URLs, or when the port is taken.
 */
export async function listenForSignOut(logoutUri: string): Promise<SignedOutListener | undefined> {
  let target: URL;
  try {
    target = new URL(logoutUri);
  } catch {
    return undefined;
  }
  if (target.protocol !== 'http:' || !isLoopbackHost(target.hostname) || !target.port) return undefined;
  const arrived = deferred<void>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" };
    let path = '';
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      // a request line the URL parser refuses: answered 404 below
    }
    if (req.method === 'GET' && isLoopbackHostHeader(req.headers.host ?? '') && path === target.pathname) {
      res.writeHead(200, headers).end(signedOutPage());
      if (!arrived.settled) arrived.resolve();
      return;
    }
    res.writeHead(404, headers).end(notFoundPage('Nothing here.'));
  };
  let servers;
  try {
    servers = (await bindLoopback(handler, Number(target.port))).servers;
  } catch {
    return undefined;
  }
  return { arrived: arrived.promise, stop: () => Promise.all(servers.map(closeServer)).then(() => undefined) };
}
