import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { AppError, type ErrorInfo } from '../errors/app-error.js';
import { isLoopbackHostHeader } from '../net/loopback.js';
import { parseRequestTarget } from '../net/request-target.js';
import { cookieValues, randomSecret, sameSecret } from './attempt-secret.js';
import { bindLoopback, closeServer } from './bind.js';
import { deferred } from './deferred.js';
import { errorPage, notFoundPage, refusedPage, successPage } from './pages.js';
import { parseRedirectUris, withPort } from './redirect-uris.js';

export interface ListeningInfo { port: number; redirectUri: string; startUrl: string }
export type Outcome = { ok: true } | { ok: false; error: ErrorInfo };
/** What the listener saw, so a timeout can say what probably went wrong. */
export interface LoopbackObservations {
  startUrlHits: number;
  donePageRequests: number;
  refused: Array<'state' | 'second-callback' | 'method' | 'cookie' | 'bad-request'>;
}

const HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
};
/** The browser cookie lives at most this long; the callback clears it anyway. */
const COOKIE_MAX_AGE_S = 3600;

export const linkReusedError = () => new AppError('LOGIN_LINK_REUSED',
  'The sign-in link was opened a second time before the sign-in finished, so the sign-in was stopped (another browser or program may have the link).',
  'Start the sign-in again and open the new link once, in one browser. If you did not open it twice, another program on this machine may be reading it.');

/**
 * The loopback redirect listener: one sign-in attempt, one callback. It binds before the browser
 * opens. The start URL is a random single-use path that sends the browser to the authorize URL and
 * gives it a random cookie; the callback is accepted once, on the exact path, with the expected
 * state AND that cookie, so a local process that never saw the start URL learns nothing (no state,
 * nonce or challenge) and cannot inject its own code. Then the browser goes to a clean /done page
 * (so the code leaves history) that shows the final outcome. The caller owns timeout and
 * cancellation and must call stop().
 */
export class LoopbackServer {
  private servers: Server[] = [];
  private readonly callback = deferred<URL>();
  private readonly outcome = deferred<Outcome>();
  private readonly doneServed = deferred<void>();
  private readonly doneId = randomSecret(16);
  private readonly startPath = `/start/${randomSecret(16)}`;
  private readonly browserSecret = randomSecret(32);
  private startUsed = false;
  private stoppedByReuse = false;
  private cookieName = '';
  private callbackPath = '';
  private redirectUri = '';
  private authorizeUrl: string | undefined;
  readonly observations: LoopbackObservations = { startUrlHits: 0, donePageRequests: 0, refused: [] };

  constructor(private readonly opts: { redirectUris: string[]; state: string }) {}

  /** Binds the first free port among the redirect URIs, in order; PORT_IN_USE when none is free. */
  async start(): Promise<ListeningInfo> {
    const targets = parseRedirectUris(this.opts.redirectUris);
    const busy: number[] = [];
    for (const target of targets) {
      try {
        const bound = await bindLoopback((req, res) => this.handleSafely(req, res), target.port);
        this.servers = bound.servers;
        this.callbackPath = target.path;
        this.redirectUri = withPort(target, bound.port);
        // Cookies ignore ports: one name per port keeps two sign-ins at once apart.
        this.cookieName = `cognito_inspector_signin_${bound.port}`;
        // Same host as the redirect URI, so the browser sends the cookie back on the callback.
        const startUrl = new URL(this.startPath, this.redirectUri).href;
        return { port: bound.port, redirectUri: this.redirectUri, startUrl };
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
    if (graceMs > 0 && this.callback.settled && !this.stoppedByReuse) {
      await Promise.race([this.doneServed.promise, new Promise((r) => setTimeout(r, graceMs).unref())]);
    }
    this.finish({ ok: false, error: { code: 'LOGIN_CANCELLED', message: 'The sign-in was stopped.', hint: 'Start it again from the app or the command line.' } });
    const servers = this.servers;
    this.servers = [];
    await Promise.all(servers.map(closeServer));
  }

  /** Whatever arrives, the handler answers and never throws (a throw would end the CLI or the app). */
  private handleSafely(req: IncomingMessage, res: ServerResponse): void {
    try {
      this.handle(req, res);
    } catch {
      if (!res.headersSent) this.send(res, 500, notFoundPage('Something went wrong.'));
      else res.destroy();
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    // A page on another site that rebinds its DNS name to 127.0.0.1 reaches this port with its own
    // Host header: only loopback names are answered.
    if (!isLoopbackHostHeader(req.headers.host ?? '')) return this.send(res, 404, notFoundPage('Nothing here.'));
    const url = parseRequestTarget(req.url);
    if (url === undefined) {
      this.observations.refused.push('bad-request');
      return this.send(res, 400, notFoundPage('Bad request.'));
    }
    if (req.method !== 'GET') {
      this.observations.refused.push('method');
      return this.send(res, 404, notFoundPage('Only GET is accepted here.'));
    }
    if (this.authorizeUrl !== undefined && url.pathname.startsWith('/start/') && sameSecret(url.pathname, this.startPath)) return this.onStart(res, this.authorizeUrl);
    if (url.pathname === this.callbackPath) return this.onCallback(req, url, res);
    if (url.pathname === '/done' && sameSecret(url.searchParams.get('id') ?? '', this.doneId) && this.callback.settled) {
      this.observations.donePageRequests++;
      void this.outcome.promise.then((outcome) => {
        this.send(res, outcome.ok ? 200 : 400, outcome.ok ? successPage() : errorPage(outcome.error));
        this.doneServed.resolve();
      });
      return;
    }
    this.send(res, 404, notFoundPage('Nothing here.'));
  }

  /**
   * The first visit gets the authorize URL and this attempt's cookie. A second visit while the
   * callback is still awaited means the link reached someone else too: the sign-in stops, since
   * whichever of the two is not the person could otherwise finish it as itself.
   */
  private onStart(res: ServerResponse, authorizeUrl: string): void {
    this.observations.startUrlHits++;
    if (!this.startUsed) {
      this.startUsed = true;
      const cookie = `${this.cookieName}=${this.browserSecret}; Path=${this.callbackPath}; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Lax`;
      res.writeHead(302, { ...HEADERS, location: authorizeUrl, 'set-cookie': cookie }).end();
      return;
    }
    if (!this.callback.settled) {
      this.stoppedByReuse = true;
      this.callback.reject(linkReusedError());
      return this.send(res, 409, refusedPage('This sign-in link was opened a second time, so the sign-in was stopped: another browser or program may have the link. Start the sign-in again.'));
    }
    this.send(res, 404, notFoundPage('This sign-in link was already used.'));
  }

  private onCallback(req: IncomingMessage, url: URL, res: ServerResponse): void {
    if (this.callback.settled) {
      this.observations.refused.push('second-callback');
      return this.send(res, 404, notFoundPage(this.stoppedByReuse
        ? 'This sign-in was stopped because its link was opened twice. Start the sign-in again.'
        : 'This sign-in already received its callback; a second one is refused.'));
    }
    // Only the browser that opened the start URL holds the cookie; a forged callback is refused
    // without ending the sign-in, so the person's own callback still gets through.
    if (!cookieValues(req.headers.cookie, this.cookieName).some((v) => sameSecret(v, this.browserSecret))) {
      this.observations.refused.push('cookie');
      return this.send(res, 403, refusedPage('This callback did not come from the browser that opened this sign-in\'s link, so it was refused. Finish the sign-in in the tab the sign-in opened.'));
    }
    if (url.searchParams.get('state') !== this.opts.state) {
      this.observations.refused.push('state');
      return this.send(res, 404, notFoundPage('This callback does not belong to the current sign-in (state mismatch). Use the newest sign-in tab.'));
    }
    const full = new URL(this.redirectUri);
    full.search = url.search;
    this.callback.resolve(full);
    const clear = `${this.cookieName}=; Path=${this.callbackPath}; Max-Age=0; HttpOnly; SameSite=Lax`;
    res.writeHead(302, { ...HEADERS, location: `/done?id=${this.doneId}`, 'set-cookie': clear }).end();
  }

  private send(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, { ...HEADERS, 'content-type': 'text/html; charset=utf-8' }).end(html);
  }
}
