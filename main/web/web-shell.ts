import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Result } from '../core/errors/app-error.js';
import { EVENT_CHANNELS, type EventChannel, type EventPayloads, type InvokeChannel } from '../core/ipc/contract.js';
import { dispatchInvoke, isInvokeChannel, type Handler } from '../core/ipc/dispatch.js';
import { HTTP_EVENTS_PATH, HTTP_INVOKE_PATH, HTTP_LAUNCH_PATH } from '../core/ipc/http-transport.js';
import { bindLoopback, closeServer } from '../core/loopback/bind.js';
import { createEventHub } from './event-stream.js';
import { createIdleWatch } from './idle-watch.js';
import { createLaunchGate, type LaunchGate } from './launch-gate.js';
import { loadRendererFiles, type StaticFile } from './renderer-files.js';
import { readJsonBody } from './read-body.js';
import { checkApi, checkHost, checkSession, cookieName, type GuardContext } from './request-guard.js';
import { refuseApi, refusePage, sendJson, setSecurityHeaders } from './responses.js';
import { parseRequestTarget } from '../core/net/request-target.js';

/**
 * The browser shell: the window (the renderer build) and the IPC contract over HTTP on loopback,
 * backed by the same desktop core as the Electron shell. Every invoke channel of the contract is
 * served by the core's own handler through the same dispatch (schema parse, Result), every event
 * channel is forwarded as Server-Sent Events: a channel added to the contract works here unchanged.
 */
export interface WebShellCore {
  handlers: { [C in InvokeChannel]: (req: never) => Promise<unknown> };
  subscribe<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export interface WebShellOptions {
  core: WebShellCore;
  /** 0 picks a free port. */
  port: number;
  /** Stop after no page has been open this long (after the first one connected). */
  idleMs: number;
  onIdle(): void;
  files?: Map<string, StaticFile>;
  gate?: LaunchGate;
  /** The launch link has just been used (its secret is spent). */
  onLaunched?: () => void;
}

export interface WebShell {
  port: number;
  /** The one URL to print or open: carries the launch secret. */
  launchUrl(profile?: string): string;
  close(): Promise<void>;
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `home` is "/" or "/?profile=<validated name, URL-encoded>": nothing in it needs HTML escaping. */
const launchPage = (home: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${home}"><title>Cognito Inspector</title></head>` +
  `<body><p><a href="${home}">Open Cognito Inspector</a></p></body></html>\n`;

export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  const files = opts.files ?? (await loadRendererFiles());
  const gate = opts.gate ?? createLaunchGate();
  const ctx: GuardContext = { port: 0, gate };
  const idle = createIdleWatch(opts.idleMs, opts.onIdle);
  const hub = createEventHub((open) => idle.update(open));
  const unsubscribe = EVENT_CHANNELS.map((channel) => opts.core.subscribe(channel, (payload) => hub.send(channel, payload)));

  const invoke = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readJsonBody(req);
    if (!body.ok) return sendJson(res, 400, body);
    const { channel, payload } = (body.value ?? {}) as { channel?: unknown; payload?: unknown };
    if (!isInvokeChannel(channel)) {
      return sendJson(res, 404, { ok: false, error: { code: 'INVALID_INPUT', message: 'unknown channel', hint: 'the renderer and this shell are from different builds: rebuild and restart' } });
    }
    const result: Result<unknown> = await dispatchInvoke(channel, opts.core.handlers[channel] as Handler<typeof channel>, payload);
    sendJson(res, 200, result);
  };

  const launch = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const profile = url.searchParams.get('profile');
    const home = profile && PROFILE_NAME.test(profile) ? `/?profile=${encodeURIComponent(profile)}` : '/';
    // Already in (a reload of a bookmarked launch URL in the same browser): nothing new is granted.
    if (!checkSession(req.headers, ctx)) return res.writeHead(302, { Location: home }).end();
    const session = req.method === 'GET' ? gate.exchange(url.searchParams.get('secret')) : undefined;
    if (!session) return refusePage(res, { status: 403, reason: 'this launch link was already used or is not from this launch: restart `cognito-inspector ui` for a new one' });
    // HttpOnly: no script reads it; SameSite=Strict: no other site's request carries it; no Domain.
    // Not a 302: when the link was opened from another site or a file (the launch file `ui` hands the
    // browser), a redirect stays cross-site and the Strict cookie would not go with it. This page's
    // own refresh is a same-origin navigation, and it replaces the secret in the address bar.
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': `${cookieName(ctx.port)}=${session}; HttpOnly; SameSite=Strict; Path=/` });
    res.end(launchPage(home));
    opts.onLaunched?.();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    const hostRefusal = checkHost(req.headers, ctx.port);
    if (hostRefusal) return refusePage(res, hostRefusal);
    // `//host/x` would otherwise be read as another host (and `//` throws): refused, never reinterpreted.
    const url = parseRequestTarget(req.url);
    if (!url) return refusePage(res, { status: 400, reason: 'malformed request target' });
    if (url.pathname === HTTP_LAUNCH_PATH) return launch(req, res, url);
    if (url.pathname.startsWith('/api/')) {
      const refusal = checkApi(req.method, req.headers, ctx);
      if (refusal) return refuseApi(res, refusal);
      if (url.pathname === HTTP_INVOKE_PATH) return invoke(req, res);
      if (url.pathname === HTTP_EVENTS_PATH) return hub.add(res);
      return sendJson(res, 404, { ok: false, error: { code: 'INVALID_INPUT', message: 'no such API path', hint: 'rebuild and restart' } });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refusePage(res, { status: 405, reason: 'pages are GET only' });
    const sessionRefusal = checkSession(req.headers, ctx);
    if (sessionRefusal) return refusePage(res, sessionRefusal);
    const file = files.get(url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const { servers, port } = await bindLoopback((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'unexpected failure', hint: 'see the terminal running `cognito-inspector ui`' } });
      else res.end();
    });
  }, opts.port);
  ctx.port = port;

  return {
    port,
    launchUrl: (profile) => {
      const url = new URL(`http://127.0.0.1:${port}${HTTP_LAUNCH_PATH}`);
      url.searchParams.set('secret', gate.secret);
      if (profile) url.searchParams.set('profile', profile);
      return url.href;
    },
    async close() {
      idle.dispose();
      unsubscribe.forEach((off) => off());
      hub.closeAll();
      await Promise.all(servers.map((s: Server) => closeServer(s)));
    },
  };
}
