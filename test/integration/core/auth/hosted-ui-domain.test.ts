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
    const before = domain.connections;
    const tokens = await signIn(
      { issuer: e.issuer, clientId: 'localdemoclient0000000000', scopes: ['openid', 'email'], redirectUris: [`http://localhost:${port}/callback`], hostedUiDomain: domain.origin },
      { clock: systemClock, browser, discoveryCache: createDiscoveryCache(), timeoutMs: 20_000, onListening: (i) => (authorizeUrl = i.authorizeUrl) },
    );
    expect(authorizeUrl.startsWith(`${domain.origin}/oauth2/authorize?`)).toBe(true);
    expect(tokens.idClaims?.iss).toBe(e.issuer);
    expect(domain.connections).toBeGreaterThan(before);
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
