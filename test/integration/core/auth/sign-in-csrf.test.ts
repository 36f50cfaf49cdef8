import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDiscoveryCache } from '../../../../main/core/auth/discovery.js';
import { signIn, type ListeningEvent } from '../../../../main/core/auth/sign-in.js';
import type { TokenSet } from '../../../../main/core/auth/types.js';
import type { AppError } from '../../../../main/core/errors/app-error.js';
import { systemClock } from '../../../../main/core/ports.js';
import { zeroBrowser } from '../../../support/hostile-idp/fetch-browser.js';
import { emulatorWithChromium } from './support.js';

/**
 * Login CSRF against a waiting sign-in, end to end (emulator hosted UI, real Chromium): another local
 * process without the start URL learns nothing; one that got hold of the whole authorize URL (state,
 * nonce, challenge) signs in at the pool as bob and delivers bob's code, which is refused for lack of
 * the person's browser cookie, and the person still signs in as alice. A start URL used twice stops
 * the sign-in.
 */
const world = emulatorWithChromium();

/** A sign-in that waits for someone to open its start URL (as with --no-browser). */
async function waitingSignIn(): Promise<{ info: ListeningEvent; result: Promise<TokenSet> }> {
  let ready!: (info: ListeningEvent) => void;
  const listening = new Promise<ListeningEvent>((r) => { ready = r; });
  const result = signIn(
    { issuer: world.emulator.issuer, clientId: 'localdemoclient0000000000', scopes: ['openid', 'email'], redirectUris: [`http://localhost:${world.port}/callback`] },
    { clock: systemClock, discoveryCache: createDiscoveryCache(), browser: zeroBrowser, openBrowser: false, timeoutMs: 60_000, onListening: ready },
  );
  result.catch(() => undefined);
  return { info: await listening, result };
}

/** A person (own browser profile: own cookies) signing in on the hosted UI from `url`. */
async function signInAt(url: string, username: string): Promise<Page> {
  const page = await (await world.chromium.newContext()).newPage();
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
    const person = await (await world.chromium.newContext()).newPage();
    await person.goto(info.startUrl);
    expect(new URL(person.url()).pathname).toBe('/login');
    const second = await fetch(info.startUrl, { redirect: 'manual' });
    expect([second.status, second.headers.get('location'), second.headers.get('set-cookie')]).toEqual([409, null, null]);
    const error = await result.then(() => undefined, (e: unknown) => e as AppError);
    expect(error?.toInfo()).toMatchObject({ code: 'LOGIN_LINK_REUSED' });
  });
});
