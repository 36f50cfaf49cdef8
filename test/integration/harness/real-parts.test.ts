import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Entry } from '@napi-rs/keyring';
import * as oidc from 'openid-client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import { harnessClient, startOidcProvider, type StartedOidcProvider } from '../../support/oidc-provider.js';

/**
 * Proof that the harness parts are real: Debian's Chromium signs a user into an independent OIDC
 * provider (authorization code + PKCE, openid-client), and the refresh token goes through the
 * real OS keychain. Under scripts/with-keyring.sh the keychain part must pass; outside it, it is
 * skipped with the reason in its name.
 */
const KEYRING = process.env.COGNITO_INSPECTOR_TEST_KEYRING;
if (!KEYRING) console.warn(`${import.meta.url.split('/').pop()}: keychain tests skipped: COGNITO_INSPECTOR_TEST_KEYRING unset; run under \`dbus-run-session -- scripts/with-keyring.sh\``);

interface Callback {
  port: number;
  /** Resolves with the full callback URL the browser was redirected to. */
  received: Promise<URL>;
  server: Server;
}

async function startCallbackListener(): Promise<Callback> {
  let deliver!: (url: URL) => void;
  const received = new Promise<URL>((resolve) => (deliver = resolve));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    if (req.method !== 'GET' || url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('signed in');
    deliver(url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, received, server };
}

describe('harness: real browser, real provider, real keychain', () => {
  let op: StartedOidcProvider;
  let callback: Callback;
  let browser: Browser;
  let refreshToken: string | undefined;

  beforeAll(async () => {
    callback = await startCallbackListener();
    op = await startOidcProvider({
      clients: [harnessClient({ redirect_uris: [`http://127.0.0.1:${callback.port}/callback`] })],
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await op?.stop();
    callback?.server.closeAllConnections();
    await new Promise((resolve) => callback?.server.close(resolve));
  });

  it('signs a user in through Chromium with authorization code + PKCE and refreshes', async () => {
    const config = await oidc.discovery(new URL(op.issuer), 'harness-client', undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const authUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `http://127.0.0.1:${callback.port}/callback`,
      scope: 'openid email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });

    const page = await browser.newPage();
    await page.goto(authUrl.href);
    await page.fill('input[name="login"]', 'alice');
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.getByRole('button', { name: 'Continue' }).click();
    const callbackUrl = await callback.received;
    await page.close();

    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    expect({ iss: claims?.iss, sub: claims?.sub, aud: claims?.aud, email: claims?.email }).toEqual({
      iss: op.issuer,
      sub: 'alice',
      aud: 'harness-client',
      email: 'alice@example.test',
    });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    refreshToken = tokens.refresh_token;

    const refreshed = await oidc.refreshTokenGrant(config, refreshToken!);
    expect(refreshed.access_token).toEqual(expect.any(String));
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    // Public clients rotate: the new refresh token replaces the old one.
    expect(refreshed.refresh_token).toEqual(expect.any(String));
    refreshToken = refreshed.refresh_token;
  });

  it.skipIf(!KEYRING)(
    `keeps the refresh token in the real OS keychain${KEYRING ? '' : ' [SKIPPED: COGNITO_INSPECTOR_TEST_KEYRING unset; run under `dbus-run-session -- scripts/with-keyring.sh`]'}`,
    () => {
      expect(refreshToken).toEqual(expect.any(String));
      // Pinned to the Secret Service so a broken keyring fails here instead of silently using
      // @napi-rs/keyring's kernel-keyutils fallback.
      const entry = new Entry('cognito-inspector-test', `harness-${randomUUID()}`, {
        linux: { store: 'secret-service' },
      });
      entry.setPassword(refreshToken!);
      expect(entry.getPassword()).toBe(refreshToken);
      expect(entry.deleteCredential()).toBe(true);
      expect(entry.getPassword()).toBeNull();
    },
  );
});
