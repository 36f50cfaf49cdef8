import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscoveryCache } from '../../../../main/core/auth/discovery.js';
import { signIn, type ListeningEvent } from '../../../../main/core/auth/sign-in.js';
import type { ClientConfig } from '../../../../main/core/auth/types.js';
import type { AppError } from '../../../../main/core/errors/app-error.js';
import { systemClock } from '../../../../main/core/ports.js';
import { FetchBrowser, zeroBrowser } from '../../../support/hostile-idp/fetch-browser.js';
import { startHostileIdp, type HostileIdp } from '../../../support/hostile-idp/server.js';

let idp: HostileIdp;
let confidential: HostileIdp;
beforeAll(async () => {
  idp = await startHostileIdp();
  confidential = await startHostileIdp({ clientId: 'conf-client', clientSecret: 's3cret-value', issParameter: true });
});
afterAll(async () => { await idp.stop(); await confidential.stop(); });

const cfg = (over: Partial<ClientConfig> = {}): ClientConfig => ({
  issuer: idp.issuer, clientId: idp.clientId, scopes: ['openid', 'email'], redirectUris: ['http://localhost:0/callback'], ...over,
});
const deps = () => ({ clock: systemClock, discoveryCache: createDiscoveryCache() });
const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppError);

/** The port is free again: we can bind it ourselves. */
function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A port nobody listens on (fetch refuses "bad ports" such as 1 before connecting). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('signIn lifecycle', () => {
  it('--no-browser: does not open a browser; the start URL redirects to the authorize URL with PKCE, state, nonce and extra parameters', async () => {
    let seen: ListeningEvent | undefined;
    const browser = new FetchBrowser();
    const tokens = signIn(cfg({ identityProvider: 'Google', extraParams: { prompt: 'login', state: 'ignored' } }), {
      ...deps(), browser: zeroBrowser, openBrowser: false,
      onListening: (info) => { seen = info; void browser.open(info.startUrl); },
    });
    await expect(tokens).resolves.toMatchObject({ tokenType: 'Bearer', idClaims: { sub: 'user-123' } });
    const authorize = new URL(seen?.authorizeUrl ?? '');
    expect(seen?.startUrl).toMatch(new RegExp(`^http://localhost:${seen?.port}/start/[\\w-]{22}$`));
    expect(browser.visited[1]).toBe(seen?.authorizeUrl);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      client_id: idp.clientId, response_type: 'code', redirect_uri: seen?.redirectUri, scope: 'openid email', identity_provider: 'Google', prompt: 'login',
      state: expect.not.stringMatching(/^ignored$/), nonce: expect.any(String), code_challenge: expect.stringMatching(/^[\w-]{43}$/), code_challenge_method: 'S256',
    });
  });

  it('returns the whole token set and reports the callback-to-tokens time', async () => {
    let timing: { callbackToTokensMs: number } | undefined;
    const tokens = await signIn(cfg(), { ...deps(), browser: new FetchBrowser(), onTiming: (t) => { timing = t; } });
    expect(tokens).toEqual({
      idToken: expect.stringMatching(/^ey/), accessToken: expect.stringMatching(/^at-/), refreshToken: expect.stringMatching(/^rt-/),
      tokenType: 'Bearer', expiresAt: expect.any(Number), idClaims: expect.objectContaining({ iss: idp.issuer, aud: idp.clientId, sub: 'user-123' }),
    });
    expect(tokens.expiresAt - Date.now()).toBeGreaterThan(3500_000);
    expect(timing?.callbackToTokensMs).toBeGreaterThan(0);
  });

  it('makes one discovery request per issuer and one JWKS request per kid across logins', async () => {
    const shared = { clock: systemClock, discoveryCache: createDiscoveryCache() };
    idp.requestLog.length = 0;
    await signIn(cfg(), { ...shared, browser: new FetchBrowser() });
    await signIn(cfg(), { ...shared, browser: new FetchBrowser() });
    const counts = Object.fromEntries(['GET /.well-known/openid-configuration', 'GET /jwks', 'GET /authorize', 'POST /token']
      .map((r) => [r, idp.requestLog.filter((x) => x === r).length]));
    // Two authorize GETs per login: the browser's and the refusal probe's (authorize-probe.ts).
    expect(counts).toEqual({ 'GET /.well-known/openid-configuration': 1, 'GET /jwks': 1, 'GET /authorize': 4, 'POST /token': 2 });
  });

  it('cancel via AbortSignal: LOGIN_CANCELLED and the port is free again', async () => {
    const controller = new AbortController();
    let port = 0;
    const error = fail(signIn(cfg(), { ...deps(), browser: zeroBrowser, openBrowser: false, signal: controller.signal,
      onListening: (info) => { port = info.port; setTimeout(() => controller.abort(), 50); } }));
    expect((await error).code).toBe('LOGIN_CANCELLED');
    expect(await bindable(port)).toBe(true);
  });

  it('timeout: LOGIN_TIMEOUT and the port is free again', async () => {
    let port = 0;
    const error = await fail(signIn(cfg(), { ...deps(), browser: zeroBrowser, openBrowser: false, timeoutMs: 300, onListening: (i) => { port = i.port; } }));
    expect([error.code, error.message]).toEqual(['LOGIN_TIMEOUT', 'No sign-in response arrived within 0.3 s.']);
    expect(await bindable(port)).toBe(true);
  });

  it('a browser that fails to start: BROWSER_FAILED naming the URL to open', async () => {
    const error = await fail(signIn(cfg(), { ...deps(), browser: { open: () => Promise.reject(new Error('xdg-open not found')) } }));
    expect(error.code).toBe('BROWSER_FAILED');
    expect(error.hint).toMatch(/^Open http:\/\/localhost:\d+\/start\/[\w-]{22} in a browser on this machine/);
  });

  it.each([
    ['http on a non-loopback host', 'http://idp.example.com/pool', 'INSECURE_ISSUER'],
    ['nothing listening', 'closed-port', 'NETWORK_UNREACHABLE'],
    ['no discovery document', 'not-found', 'DISCOVERY_FAILED'],
  ])('issuer with %s: %s, before any browser opens', async (_label, issuer, code) => {
    const real = issuer === 'closed-port' ? `http://127.0.0.1:${await closedPort()}/pool` : issuer === 'not-found' ? `${idp.issuer}/nope` : issuer;
    expect((await fail(signIn(cfg({ issuer: real }), { ...deps(), browser: zeroBrowser }))).code).toBe(code);
  });

  it.each([
    ['client_secret_basic', undefined],
    ['client_secret_post', 'client_secret_post' as const],
  ])('confidential client with %s, RFC 9207 iss checked', async (_label, method) => {
    const tokens = await signIn(cfg({ issuer: confidential.issuer, clientId: 'conf-client', clientSecret: 's3cret-value', ...(method && { tokenEndpointAuthMethod: method }) }),
      { ...deps(), browser: new FetchBrowser() });
    expect(tokens.idClaims?.aud).toBe('conf-client');
  });

  it.each([
    ['missing', undefined, /probably has a client secret/],
    ['wrong', 'not-the-secret', /^The client secret is wrong/],
  ])('client secret %s: INVALID_CLIENT with a hint that says which, never the secret', async (_label, secret, hint) => {
    const error = await fail(signIn(cfg({ issuer: confidential.issuer, clientId: 'conf-client', ...(secret && { clientSecret: secret }) }), { ...deps(), browser: new FetchBrowser() }));
    expect([error.code, error.hint]).toEqual(['INVALID_CLIENT', expect.stringMatching(hint)]);
    expect(JSON.stringify({ ...error.toInfo(), stack: error.stack })).not.toContain('not-the-secret');
  });

  it('two sign-ins at once get two ports and two independent results', async () => {
    const uris = ['http://localhost:0/callback'];
    const [a, b] = await Promise.all([
      signIn(cfg({ redirectUris: uris }), { ...deps(), browser: new FetchBrowser() }),
      signIn(cfg({ redirectUris: uris, scopes: ['openid'] }), { ...deps(), browser: new FetchBrowser() }),
    ]);
    expect(a.accessToken).not.toBe(b.accessToken);
    expect([a.idClaims?.sub, b.idClaims?.sub]).toEqual(['user-123', 'user-123']);
  });
});
