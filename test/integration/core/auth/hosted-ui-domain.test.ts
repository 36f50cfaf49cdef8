import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../../emulator/index.js';
import { createDiscoveryCache } from '../../../../main/core/auth/discovery.js';
import { signIn } from '../../../../main/core/auth/sign-in.js';
import { systemClock } from '../../../../main/core/ports.js';
import { emulatorConfig, formBrowser, freePort } from '../../../support/session-fixtures.js';
import { startToggleProxy, type ToggleProxy } from '../../../support/toggle-proxy.js';

/**
 * A hosted-UI domain override sends the browser and the token request to the pool's domain while
 * discovery and keys stay on the issuer, as with a Cognito custom domain. Here the "domain" is a
 * proxy in front of the local pool, so the test can see which requests went through it.
 */
describe('hosted-UI domain override', () => {
  let e: Emulator;
  let domain: ToggleProxy;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    e = await startEmulator({ config: emulatorConfig(port) });
    domain = await startToggleProxy({ port: e.port });
  });

  afterAll(async () => {
    await domain?.stop();
    await e?.stop();
  });

  it('authorizes and exchanges the code on the domain, and verifies against the issuer', async () => {
    let authorizeUrl = '';
    const browser = formBrowser();
    e.clearLog();
    const tokens = await signIn(
      { issuer: e.issuer, clientId: 'localdemoclient0000000000', scopes: ['openid', 'email'], redirectUris: [`http://localhost:${port}/callback`], hostedUiDomain: domain.origin },
      { clock: systemClock, browser, discoveryCache: createDiscoveryCache(), timeoutMs: 20_000, onListening: (i) => (authorizeUrl = i.authorizeUrl) },
    );
    expect(authorizeUrl.startsWith(`${domain.origin}/oauth2/authorize?`)).toBe(true);
    expect(tokens.idClaims?.iss).toBe(e.issuer);
    // The emulator logs the Host each request addressed: the proxy's origin for the domain, its own for the issuer.
    const received = (origin: string) => e.requestLog.filter((r) => r.host === new URL(origin).host).map((r) => `${r.method} ${r.path} ${r.status}`);
    const poolId = e.config.userPool.id;
    // Authorize twice: the browser, and the app's own probe for an error page (login fails fast).
    expect(received(domain.origin).sort()).toEqual(['GET /oauth2/authorize 302', 'GET /oauth2/authorize 302', 'POST /oauth2/token 200']);
    // From the app, the issuer gets discovery and JWKS only. The login page is there too because the
    // emulator's authorize redirects to its own base URL (a Cognito custom domain keeps it on the domain).
    expect(received(e.url)).toEqual([
      `GET /${poolId}/.well-known/openid-configuration 200`,
      `GET /${poolId}/.well-known/jwks.json 200`,
      'GET /login 200',
      'POST /login 302',
    ]);
  });

  it('refuses a plain-http domain that is not on this machine', async () => {
    await expect(
      signIn(
        { issuer: e.issuer, clientId: 'localdemoclient0000000000', scopes: ['openid'], redirectUris: [`http://localhost:${port}/callback`], hostedUiDomain: 'http://auth.example.com' },
        { clock: systemClock, browser: formBrowser(), discoveryCache: createDiscoveryCache(), timeoutMs: 5_000 },
      ),
    ).rejects.toMatchObject({ code: 'INSECURE_ISSUER' });
  });
});
