import * as oidc from 'openid-client';
import { AppError, isAppError } from '../errors/app-error.js';
import { toAppError } from '../errors/translate.js';
import { LoopbackServer } from '../loopback/loopback-server.js';
import type { BrowserOpener } from '../ports.js';
import { buildAuthorizeUrl } from './authorize-url.js';
import { getClient, hintContext } from './client.js';
import { defaultDiscoveryCache } from './discovery-cache.js';
import { probeAuthorize } from './authorize-probe.js';
import { prefetchJwks } from './issuer-fetch.js';
import { loginTimeoutError } from './login-timeout.js';
import { toTokenSet } from './token-set.js';
import type { AuthDeps, ClientConfig, TokenSet } from './types.js';

export interface ListeningEvent { port: number; redirectUri: string; startUrl: string; authorizeUrl: string }

export interface SignInDeps extends AuthDeps {
  browser: BrowserOpener;
  signal?: AbortSignal;
  /** Whole wait for the browser round trip; default 5 minutes. */
  timeoutMs?: number;
  onListening?(info: ListeningEvent): void;
  /** false (--no-browser): do not open a browser; the caller shows startUrl. */
  openBrowser?: boolean;
  /** If given, a browser that fails to start is reported here and the sign-in keeps waiting (user opens startUrl). */
  onBrowserError?(error: AppError): void;
  /** The client's own time from the callback's arrival to validated tokens (for the bench). */
  onTiming?(timing: { callbackToTokensMs: number }): void;
}

/** How long the listener stays up after the exchange so the browser can load the result page. */
const RESULT_PAGE_GRACE_MS = 2000;

/** A promise that never settles (no timer behind it, so it keeps nothing alive). */
const never = new Promise<never>(() => undefined);

const cancelled = () => new AppError('LOGIN_CANCELLED', 'The sign-in was cancelled.', 'Start the sign-in again when ready.');

/** Resolves with `work`, or rejects on abort or (when given) after timeoutMs with onTimeout's error. */
function race<T>(work: Promise<T>, signal: AbortSignal | undefined, timeoutMs?: number, onTimeout?: () => Promise<AppError>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Whichever settles first cleans up the others: a pending timer would keep the process alive
    // (a cancelled CLI login would otherwise wait out the whole timeout).
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(cancelled());
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
      done();
      void onTimeout?.().then(reject, reject);
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(done);
  });
}

/**
 * Authorization code + PKCE (S256) with state and nonce through a loopback redirect. Order matters:
 * the listener is bound before discovery and before the browser opens, and it is freed on every
 * path. Returns validated tokens; storing them is the caller's job.
 */
export async function signIn(cfg: ClientConfig, deps: SignInDeps): Promise<TokenSet> {
  if (deps.signal?.aborted) throw cancelled();
  const timeoutMs = deps.timeoutMs ?? 300_000;
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const server = new LoopbackServer({ redirectUris: cfg.redirectUris, state });
  const listening = await server.start();
  const ctx = hintContext(cfg, listening.redirectUri);
  const probe = new AbortController();
  try {
    const client = await race(getClient(cfg, deps), deps.signal);
    client.state.redirectUri = listening.redirectUri;
    const authorizeUrl = buildAuthorizeUrl(client.config, cfg, {
      redirectUri: listening.redirectUri,
      state,
      nonce,
      codeChallenge: await oidc.calculatePKCECodeChallenge(verifier),
    });
    server.setAuthorizeUrl(authorizeUrl);
    const openedAt = deps.clock.now();
    deps.trace?.note(browserStep(openedAt, 0, authorizeUrl));
    deps.onListening?.({ ...listening, authorizeUrl });
    // In parallel with the browser: a refusal on the provider's error page fails the sign-in now,
    // not after the whole timeout. prompt=none is left alone (without the browser's cookies it
    // would always come back login_required).
    const refused = cfg.extraParams?.prompt === 'none' ? never : probeAuthorize({
      authorizeUrl, redirectUri: listening.redirectUri, fetch: deps.fetch ?? globalThis.fetch, signal: probe.signal, context: ctx,
    }).then((error) => (error ? Promise.reject(error) : never));
    refused.catch(() => undefined); // observed by the race below; never an unhandled rejection
    // Not awaited: a launcher gets a moment to fail (see the CLI's adapters) while the probe and
    // the callback are already being waited for.
    const opened = deps.openBrowser === false ? never : openBrowser(deps, listening.startUrl).then(() => never);
    opened.catch(() => undefined);
    prefetchJwks(deps.fetch ?? globalThis.fetch, deps.discoveryCache ?? defaultDiscoveryCache, client.metadata.jwks_uri, deps.httpTimeoutMs ?? 30_000);

    const callbackUrl = await race(Promise.race([server.waitForCallback(), refused, opened]), deps.signal, timeoutMs, () =>
      loginTimeoutError({ timeoutMs, authorizeUrl, redirectUri: listening.redirectUri, observations: server.observations, fetch: deps.fetch ?? globalThis.fetch }));
    deps.trace?.note(browserStep(openedAt, deps.clock.now() - openedAt, callbackUrl.href, 302));
    const started = performance.now();
    const tokens = await race(exchange(client, callbackUrl, { verifier, state, nonce, openid: cfg.scopes.includes('openid') }, deps), deps.signal);
    deps.onTiming?.({ callbackToTokensMs: performance.now() - started });
    server.finish({ ok: true });
    return tokens;
  } catch (err) {
    const fromCallback = (err as { code?: unknown } | null)?.code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR';
    const error = toAppError(err, { ...ctx, stage: fromCallback ? 'authorize' : 'token' });
    server.finish({ ok: false, error: error.toInfo() });
    throw error;
  } finally {
    probe.abort();
    await server.stop(RESULT_PAGE_GRACE_MS);
  }
}

/** The timeline's entries for the browser's part: the authorize URL it opened, the callback it brought back. */
function browserStep(startedAt: number, durationMs: number, url: string, status?: number) {
  return { kind: 'browser' as const, startedAt, durationMs, method: 'GET', url, ...(status !== undefined ? { status } : {}), request: { headers: [] } };
}

async function exchange(client: Awaited<ReturnType<typeof getClient>>, callbackUrl: URL,
  checks: { verifier: string; state: string; nonce: string; openid: boolean }, deps: AuthDeps): Promise<TokenSet> {
  const result = await oidc.authorizationCodeGrant(client.config, callbackUrl, {
    pkceCodeVerifier: checks.verifier,
    expectedState: checks.state,
    ...(checks.openid ? { expectedNonce: checks.nonce, idTokenExpected: true } : {}),
  });
  return toTokenSet(result, deps.clock);
}

async function openBrowser(deps: SignInDeps, startUrl: string): Promise<void> {
  try {
    await deps.browser.open(startUrl);
  } catch (cause) {
    const error = new AppError('BROWSER_FAILED', 'The browser could not be opened.',
      `Open ${startUrl} in a browser on this machine, or use --browser-command CMD / --no-browser.`, { cause, details: { startUrl, ...(isAppError(cause) && { reason: cause.message }) } });
    if (!deps.onBrowserError) throw error;
    deps.onBrowserError(error);
  }
}
