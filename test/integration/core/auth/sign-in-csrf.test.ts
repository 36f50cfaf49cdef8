import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, startEmulator, type Emulator, type EmulatorConfigInput } from '../../../../emulator/index.js';
import { createDiscoveryCache } from '../../../../main/core/auth/discovery.js';
import { signIn, type ListeningEvent } from '../../../../main/core/auth/sign-in.js';
import type { TokenSet } from '../../../../main/core/auth/types.js';
import type { AppError } from '../../../../main/core/errors/app-error.js';
import { systemClock } from '../../../../main/core/ports.js';
import { launchChromium } from '../../../support/browser.js';
import { zeroBrowser } from '../../../support/hostile-idp/fetch-browser.js';

/**
 * Login CSRF against a waiting sign-in, end to end (emulator hosted UI, real Chromium): another local
 * process without the start URL learns nothing; one that got hold of the whole authorize URL (state,
 * nonce, challenge) signs in at the pool as bob and delivers bob's code, which is refused for lack of
 * the person's browser cookie, and the person still signs in as alice. A start URL used twice stops
 * the sign-in.
 */
const freePort = () => new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
});

let emulator: Emulator;
let chromium: Browser;
let port: number;
beforeAll(async () => {
  port = await freePort();
  const config = structuredClone(DEFAULT_CONFIG) as EmulatorConfigInput & { userPool: { clients: Array<Record<string, unknown>> } };
  (config.userPool.clients[0] as Record<string, unknown>).callbackUrls = [`http://localhost:${port}/callback`];
  emulator = await startEmulator({ config });
  chromium = await launchChromium();
});
afterAll(async () => { await chromium?.close(); await emulator?.stop(); });

/** A sign-in that waits for someone to open its start URL (as with --no-browser). */
async function waitingSignIn(): Promise<{ info: ListeningEvent; result: Promise<TokenSet> }> {
  let ready!: (info: ListeningEvent) => void;
  const listening = new Promise<ListeningEvent>((r) => { ready = r; });
  const result = signIn(
    { issuer: emulator.issuer, clientId: 'localdemoclient0000000000', scopes: ['openid', 'email'], redirectUris: [`http://localhost:${port}/callback`] },
    { clock: systemClock, discoveryCache: createDiscoveryCache(), browser: zeroBrowser, openBrowser: false, timeoutMs: 60_000, onListening: ready },
  );
  result.catch(() => undefined);
  return { info: await listening, result };
}

/** A person (own browser profile: own cookies) signing in on the hosted UI from `url`. */
async function signInAt(url: string, username: string): Promise<Page> {
  const page = await (await chromium.newContext()).newPage();
  await page.goto(url);
  await page.fill('#signInFormUsername', username);
  await page.fill('#signInFormPassword', 'Passw0rd!');
  await page.click('button[name=signInSubmitButton]');
  return page;
}

describe('login CSRF at the loopback listener', () => {
  it('a process without the start URL learns nothing; one with the leaked authorize URL cannot deliver its own code; the person signs in', async () => {
    const { info, result } = await waitingSignIn();
    const origin = `http://localhost:${info.port}`;
    for (const path of ['/', '/start/', '/callback', '/done']) {
      const res = await fetch(origin + path, { redirect: 'manual' });
      const seen = `${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`;
      const authorize = new URL(info.authorizeUrl).searchParams;
      for (const secret of ['state', 'nonce', 'code_challenge']) expect(seen).not.toContain(authorize.get(secret));
      expect(res.headers.get('location')).toBeNull();
    }

    // Worst case: the attacker has state, nonce and challenge, signs in as bob and lets the pool
    // redirect its own browser to our callback with bob's code and our state.
    const attacker = await signInAt(info.authorizeUrl, 'bob');
    await attacker.waitForURL((url) => url.port === String(info.port));
    expect([new URL(attacker.url()).pathname, await attacker.textContent('h1')]).toEqual(['/callback', 'Refused']);
    expect(new URL(attacker.url()).searchParams.get('state')).toBe(new URL(info.authorizeUrl).searchParams.get('state'));

    const person = await signInAt(info.startUrl, 'alice');
    const tokens = await result;
    expect(tokens.idClaims).toMatchObject({ email: 'alice@example.com' });
    await person.waitForURL(/\/done\?id=/);
    expect(await person.textContent('h1')).toBe('Signed in');
  });

  it('the start URL works once: a second opener stops the sign-in (LOGIN_LINK_REUSED) and learns nothing', async () => {
    const { info, result } = await waitingSignIn();
    const person = await (await chromium.newContext()).newPage();
    await person.goto(info.startUrl);
    expect(new URL(person.url()).pathname).toBe('/login');
    const second = await fetch(info.startUrl, { redirect: 'manual' });
    expect([second.status, second.headers.get('location'), second.headers.get('set-cookie')]).toEqual([409, null, null]);
    const error = await result.then(() => undefined, (e: unknown) => e as AppError);
    expect(error?.toInfo()).toMatchObject({ code: 'LOGIN_LINK_REUSED' });
  });
});
