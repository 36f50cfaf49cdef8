import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { AppError, type ErrorInfo } from '../errors/app-error.js';
import { isLoopbackHostHeader } from '../net/loopback.js';
import { bindLoopback, closeServer } from './bind.js';
import { deferred } from './deferred.js';
import { errorPage, notFoundPage, successPage } from './pages.js';
import { parseRedirectUris, withPort } from './redirect-uris.js';

export interface ListeningInfo { port: number; redirectUri: string; startUrl: string }
export type Outcome = { ok: true } | { ok: false; error: ErrorInfo };
/** What the listener saw, so a timeout can say what probably went wrong. */
export interface LoopbackObservations { startUrlHits: number; refused: Array<'state' | 'second-callback' | 'method'> }

const HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
};

/**
 * The loopback redirect listener: one sign-in attempt, one callback. It binds before the browser
 * opens, accepts GET on the exact callback path with the expected state once, then sends the browser
 * to a clean /done page (so the code leaves history) that shows the final outcome. The caller owns
 * timeout and cancellation and must call stop().
 */
export class LoopbackServer {
  private servers: Server[] = [];
  private readonly callback = deferred<URL>();
  private readonly outcome = deferred<Outcome>();
  private readonly doneServed = deferred<void>();
  private readonly doneId = randomBytes(16).toString('hex');
  private callbackPath = '';
  private redirectUri = '';
  private authorizeUrl: string | undefined;
  readonly observations: LoopbackObservations = { startUrlHits: 0, refused: [] };

  constructor(private readonly opts: { redirectUris: string[]; state: string }) {}

  /** Binds the first free port among the redirect URIs, in order; PORT_IN_USE when none is free. */
  async start(): Promise<ListeningInfo> {
    const targets = parseRedirectUris(this.opts.redirectUris);
    const busy: number[] = [];
    for (const target of targets) {
      try {
        const bound = await bindLoopback((req, res) => this.handle(req, res), target.port);
        this.servers = bound.servers;
        this.callbackPath = target.path;
        this.redirectUri = withPort(target, bound.port);
        return { port: bound.port, redirectUri: this.redirectUri, startUrl: `http://localhost:${bound.port}/` };
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code !== 'EADDRINUSE' && code !== 'EACCES') throw err;
        busy.push(target.port);
      }
    }
    const list = busy.join(', ');
    throw new AppError('PORT_IN_USE', `The redirect port${busy.length > 1 ? 's' : ''} ${list} ${busy.length > 1 ? 'are' : 'is'} in use.`,
      `Close the program using ${busy.length > 1 ? 'them' : 'it'} (another sign-in?), or register another http://localhost:PORT${targets[0]?.path ?? '/callback'} in the app client's Allowed callback URLs and add it to the profile's redirect URIs.`,
      { details: { ports: busy } });
  }

  setAuthorizeUrl(url: string): void {
    this.authorizeUrl = url;
  }

  /** The full callback URL (the redirect URI as registered plus the query the browser brought). */
  waitForCallback(): Promise<URL> {
    return this.callback.promise;
  }

  /** Reports the exchange result to the /done page. */
  finish(outcome: Outcome): void {
    if (!this.outcome.settled) this.outcome.resolve(outcome);
  }

  /**
   * Frees the port(s). With graceMs, first waits (bounded) for the browser to fetch the /done page so
   * the user sees the result. Safe to call more than once.
   */
  async stop(graceMs = 0): Promise<void> {
    if (graceMs > 0 && this.callback.settled) {
      await Promise.race([this.doneServed.promise, new Promise((r) => setTimeout(r, graceMs).unref())]);
    }
    this.finish({ ok: false, error: { code: 'LOGIN_CANCELLED', message: 'The sign-in was stopped.', hint: 'Start it again from the app or the command line.' } });
    const servers = this.servers;
    this.servers = [];
    await Promise.all(servers.map(closeServer));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    // A page on another site that rebinds its DNS name to 127.0.0.1 reaches this port with its own
    // Host header: only loopback names are answered.
    if (!isLoopbackHostHeader(req.headers.host ?? '')) return this.send(res, 404, notFoundPage('Nothing here.'));
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET') {
      this.observations.refused.push('method');
      return this.send(res, 404, notFoundPage('Only GET is accepted here.'));
    }
    if (url.pathname === '/' && this.authorizeUrl !== undefined) {
      this.observations.startUrlHits++;
      res.writeHead(302, { ...HEADERS, location: this.authorizeUrl }).end();
      return;
    }
    if (url.pathname === this.callbackPath) return this.onCallback(url, res);
    if (url.pathname === '/done' && url.searchParams.get('id') === this.doneId && this.callback.settled) {
      void this.outcome.promise.then((outcome) => {
        this.send(res, outcome.ok ? 200 : 400, outcome.ok ? successPage() : errorPage(outcome.error));
        this.doneServed.resolve();
      });
      return;
    }
    this.send(res, 404, notFoundPage('Nothing here.'));
  }

  private onCallback(url: URL, res: ServerResponse): void {
    if (this.callback.settled) {
      this.observations.refused.push('second-callback');
      return this.send(res, 404, notFoundPage('This sign-in already received its callback; a second one is refused.'));
    }
    if (url.searchParams.get('state') !== this.opts.state) {
      this.observations.refused.push('state');
      return this.send(res, 404, notFoundPage('This callback does not belong to the current sign-in (state mismatch). Use the newest sign-in tab.'));
    }
    const full = new URL(this.redirectUri);
    full.search = url.search;
    this.callback.resolve(full);
    res.writeHead(302, { ...HEADERS, location: `/done?id=${this.doneId}` }).end();
  }

  private send(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, { ...HEADERS, 'content-type': 'text/html; charset=utf-8' }).end(html);
  }
}
