import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isLoopbackHostHeader } from '../../main/core/net/loopback.js';
import { parseRequestTarget } from '../../main/core/net/request-target.js';
import type { EmulatorContext } from '../context.js';
import { errorPage } from '../pages/error-page.js';
import { BodyTooLarge, readBody } from './read-body.js';
import { sendHtml, sendJson } from './respond.js';
import { CORS_PATHS, routeTable } from './router.js';

export interface RequestLogEntry {
  method: string;
  /** The Host header as the client sent it: which origin it addressed (a proxy in front keeps it). */
  host: string;
  path: string;
  status: number;
  ms: number;
  at: number;
}

/** Handles identity pool / STS requests POSTed to `/`; resolves true when it answered. */
export type RootPostHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<boolean>;

export interface ServerDeps {
  ctx: () => EmulatorContext | undefined;
  rootPost: () => RootPostHandler | undefined;
  onRequest: (entry: RequestLogEntry) => void;
  log?: (line: string) => void;
}

/**
 * The emulator's HTTP server. Every request is logged (method, path without query, status, ms)
 * and every handler is wrapped: bad input gets an error response, never a crash or a hang.
 */
export function createEmulatorServer(deps: ServerDeps): Server {
  let routes: ReturnType<typeof routeTable> | undefined;
  const server = createServer((req, res) => {
    const started = performance.now();
    const path = safePath(req.url);
    res.once('close', () => {
      const ctx = deps.ctx();
      deps.onRequest({
        method: req.method ?? '?',
        host: req.headers.host ?? '',
        path,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        at: ctx?.clock.now() ?? Date.now(),
      });
    });
    void handle(req, res).catch((err: unknown) => {
      deps.log?.(`emulator: ${req.method ?? '?'} ${path} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ctx = deps.ctx();
    if (ctx === undefined) return sendJson(res, 503, { error: 'server_error' });
    // A web page that rebinds its DNS name to 127.0.0.1 reaches us with its own Host header; answering
    // it would let that page sign in as the demo users, sign users up and take their AWS credentials.
    if (!answersHost(req.headers.host, ctx.baseUrl)) {
      res.setHeader('Connection', 'close');
      return sendHtml(res, 421, errorPage('This server answers only to its loopback address.'));
    }
    routes ??= routeTable(ctx);
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        return sendJson(res, 413, { error: 'invalid_request' });
      }
      throw err;
    }
    // `//x` or `/\x` would otherwise be read as another host (or throw).
    const target = parseRequestTarget(req.url);
    if (target === undefined) return sendHtml(res, 400, errorPage('Bad request.'));
    const url = new URL(`${target.pathname}${target.search}`, ctx.baseUrl);
    if (req.method === 'OPTIONS' && CORS_PATHS.has(url.pathname)) {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      });
      return void res.end();
    }
    if (url.pathname === '/' && req.method === 'POST') {
      const identity = deps.rootPost();
      if (identity !== undefined && (await identity(req, res, body))) return;
      return sendJson(res, 400, { __type: 'UnknownOperationException' }, { 'Content-Type': 'application/x-amz-json-1.1' });
    }
    const route = routes.get(url.pathname);
    if (route === undefined) return sendHtml(res, 404, errorPage('Not found.'));
    await route({ ctx, req, res, url, body });
  }

  // Slow or stalled clients are cut off instead of holding a socket forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

/** Loopback names, or the exact host the emulator was started on (a non-loopback bind). */
function answersHost(host: string | undefined, baseUrl: string): boolean {
  if (host === undefined) return false;
  return isLoopbackHostHeader(host) || host.toLowerCase() === new URL(baseUrl).host.toLowerCase();
}

function safePath(raw: string | undefined): string {
  const path = (raw ?? '/').split('?')[0] ?? '/';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}
