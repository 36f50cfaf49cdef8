import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { EMULATOR_CLIENT, errorOf, freshHome, runCli } from './support.js';

/** authorize-url and --param, through the built CLI against the emulator's real authorize endpoint. */
let emulator: Emulator;
let home: string;
let flags: string[];
beforeAll(async () => {
  emulator = await startEmulator();
  home = await freshHome();
  flags = ['--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT];
});
afterAll(async () => emulator?.stop());

const SIGN_IN_PARAMS = ['client_id', 'code_challenge', 'code_challenge_method', 'nonce', 'redirect_uri', 'response_type', 'scope', 'state'];

describe('cognito-inspector authorize-url', () => {
  it('prints the URL a sign-in opens: PKCE S256, state, nonce, the first redirect URI; Cognito answers it with its sign-in page', async () => {
    const r = await runCli(['authorize-url', ...flags, '--scope', 'openid email'], { home });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const url = new URL(r.stdout.trim());
    expect(`${url.origin}${url.pathname}`).toBe(`${emulator.url}/oauth2/authorize`);
    expect([...url.searchParams.keys()].sort()).toEqual(SIGN_IN_PARAMS);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: EMULATOR_CLIENT, response_type: 'code', scope: 'openid email', redirect_uri: 'http://localhost:53682/callback', code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/), state: expect.stringMatching(/^[\w-]{43}$/), nonce: expect.stringMatching(/^[\w-]{43}$/),
    });
    const res = await fetch(url, { redirect: 'manual' });
    expect([res.status, new URL(res.headers.get('location')!, emulator.url).pathname]).toEqual([302, '/login']);
    // Fresh checks every time.
    const again = new URL((await runCli(['authorize-url', ...flags], { home })).stdout.trim());
    expect(again.searchParams.get('state')).not.toBe(url.searchParams.get('state'));
  });

  it('--identity-provider, --prompt, --lang and --param land in the URL; --param overrides the profile', async () => {
    const r = await runCli(['authorize-url', ...flags, '--identity-provider', 'Google', '--prompt', 'login', '--lang', 'en', '--param', 'lang=ja', '--param', 'login_hint=alice', '--json'], { home });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { url: string; params: Record<string, string>; state: string };
    expect(doc.params).toMatchObject({ identity_provider: 'Google', prompt: 'login', lang: 'ja', login_hint: 'alice' });
    expect(doc.state).toBe(new URL(doc.url).searchParams.get('state'));
    // identity_provider=Google goes straight to the (simulated) Google, as Cognito does.
    const res = await fetch(doc.url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/google/i);
  });

  it('--param may override a protocol parameter here (a URL to hand-test), with a warning', async () => {
    const r = await runCli(['authorize-url', ...flags, '--param', 'redirect_uri=http://localhost:9999/cb', '--json'], { home });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: --param overrides redirect_uri: a sign-in would send its own; this URL is for hand testing\n');
    const doc = JSON.parse(r.stdout) as { url: string; overridden: string[] };
    expect(doc.overridden).toEqual(['redirect_uri']);
    // ...and the emulator says what Cognito says about an unregistered one.
    const res = await fetch(doc.url, { redirect: 'manual' });
    expect(res.headers.get('location')).toBe(`${emulator.url}/error?error=redirect_mismatch&client_id=${EMULATOR_CLIENT}`);
  });

  it.each([
    ['a bare name', ['--param', 'lang'], /is not NAME=VALUE/],
    ['an empty name', ['--param', '=x'], /is not NAME=VALUE/],
  ])('bad --param (%s) is bad usage, exit 2', async (_label, args, message) => {
    const r = await runCli(['authorize-url', ...flags, ...args], { home });
    expect(r.code).toBe(2);
    expect(errorOf(r.stderr)).toMatchObject({ code: 'BAD_USAGE', message: expect.stringMatching(message) });
  });
});

describe('login --param', () => {
  it.each([
    ['state', /sends its own state/],
    ['code_challenge', /sends its own code_challenge/],
    ['redirect_uri', /use --redirect-uri/],
    ['scope', /use --scope/],
  ])('refuses to override %s (exit 2) before anything listens', async (name, hint) => {
    const r = await runCli(['login', ...flags, '--no-browser', '--param', `${name}=x`], { home });
    expect(r.code).toBe(2);
    expect(errorOf(r.stderr)).toMatchObject({ code: 'BAD_USAGE', hint: expect.stringMatching(hint) });
  });

  it('sends extra parameters in the authorize URL it opens (seen in --trace)', async () => {
    const r = await runCli(['login', ...flags, '--no-browser', '--timeout', '1', '--trace', '--param', 'lang=ja', '--param', 'ui_locales=ja-JP'], { home });
    expect(r.code).toBe(1); // nobody signs in: the wait times out
    const line = r.stderr.split('\n').find((l) => l.includes('/oauth2/authorize?'));
    const url = new URL(line!.split(' ')[1]!);
    expect([url.searchParams.get('lang'), url.searchParams.get('ui_locales')]).toEqual(['ja', 'ja-JP']);
  });
});
