import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../../main/core/errors/app-error.js';
import { LoopbackServer } from '../../../../main/core/loopback/loopback-server.js';

/**
 * The start URL and the callback seen by a second local process (plain fetch, no browser cookies):
 * it must learn nothing about the sign-in and be unable to deliver a callback, while the person's
 * browser (the one that opened the start URL) gets through.
 */
const STATE = 'leaked-state-value';
const AUTHORIZE = `https://idp.example/authorize?state=${STATE}&nonce=n0nce&code_challenge=ch4llenge`;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => { await Promise.all(cleanups.splice(0).map((c) => c())); });

async function waiting(redirectUri = 'http://localhost:0/callback') {
  const server = new LoopbackServer({ redirectUris: [redirectUri], state: STATE });
  const info = await server.start();
  server.setAuthorizeUrl(AUTHORIZE);
  cleanups.push(() => server.stop());
  return { server, info, origin: new URL(info.startUrl).origin };
}
const get = (url: string, cookie?: string) => fetch(url, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
/** Everything a response tells its reader. */
const reveal = async (res: Response) => `${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`;

describe('the start URL', () => {
  it('is a random path of at least 128 bits on the redirect URI\'s host, different for every sign-in', async () => {
    const a = await waiting();
    const b = await waiting('http://127.0.0.1:0/callback');
    const secretOf = (url: string) => /^\/start\/([\w-]+)$/.exec(new URL(url).pathname)![1]!;
    expect(Buffer.from(secretOf(a.info.startUrl), 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(secretOf(a.info.startUrl)).not.toBe(secretOf(b.info.startUrl));
    expect(new URL(b.info.startUrl).host).toBe(`127.0.0.1:${b.info.port}`);
  });

  it('a process that did not see it learns nothing: no state, nonce, challenge or cookie anywhere', async () => {
    const { origin } = await waiting();
    const guesses = ['/', '/start', '/start/', '/start/AAAAAAAAAAAAAAAAAAAAAA', '/callback', `/callback?state=${STATE}`, '/done', '/favicon.ico', '/index.html'];
    for (const path of guesses) {
      const res = await get(origin + path);
      const seen = await reveal(res);
      expect([path, res.status]).toEqual([path, expect.any(Number)]);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(seen).not.toMatch(/n0nce|ch4llenge|idp\.example|set-cookie/i);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('gives the opening browser an HttpOnly SameSite=Lax cookie scoped to the callback path, and works once only', async () => {
    const { server, info } = await waiting();
    const first = await get(info.startUrl);
    expect([first.status, first.headers.get('location')]).toEqual([302, AUTHORIZE]);
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^cognito_inspector_signin_${info.port}=[\\w-]{43}; Path=/callback; Max-Age=\\d+; HttpOnly; SameSite=Lax$`));

    // A second opener (whoever it is) gets nothing, and the sign-in stops: one of the two is not the person.
    const again = await get(info.startUrl);
    expect(again.status).toBe(409);
    expect(await reveal(again)).not.toMatch(/n0nce|ch4llenge|idp\.example/);
    const error = await server.waitForCallback().catch((e: unknown) => e as AppError);
    expect((error as AppError).toInfo()).toMatchObject({ code: 'LOGIN_LINK_REUSED', hint: expect.stringContaining('open the new link once') });
    // Even the first browser's callback is refused now.
    expect((await get(`${new URL(info.startUrl).origin}/callback?code=c&state=${STATE}`, cookieOf(first))).status).toBe(404);
  });

  it('a forged callback with the right state but without the browser\'s cookie is refused and does not end the sign-in', async () => {
    const { server, info, origin } = await waiting();
    const person = await get(info.startUrl);
    const attempts = [
      undefined,
      `cognito_inspector_signin_${info.port}=guessed`,
      `cognito_inspector_signin_${info.port + 1}=${cookieOf(person).split('=')[1]}`, // right value under another attempt's name
    ];
    for (const cookie of attempts) {
      const forged = await get(`${origin}/callback?code=attacker-code&state=${STATE}`, cookie);
      expect([cookie, forged.status]).toEqual([cookie, 403]);
      expect(forged.headers.get('location')).toBeNull();
    }
    expect(server.observations.refused).toEqual(['cookie', 'cookie', 'cookie']);
    // The person's callback still arrives, and it is theirs (had a forgery been taken, this would be attacker-code).
    const real = await get(`${origin}/callback?code=person-code&state=${STATE}`, cookieOf(person));
    expect(real.status).toBe(302);
    expect(real.headers.get('set-cookie')).toMatch(/; Max-Age=0;/);
    expect((await server.waitForCallback()).searchParams.get('code')).toBe('person-code');
  });
});
