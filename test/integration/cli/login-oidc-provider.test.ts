import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, DEFAULT_CLIENT_ID, type StartedOidcProvider } from '../../support/oidc-provider.js';
import { BROWSER, freshHome, keychainAccounts, runCli, savedProfiles, uniqueName } from './support.js';

/** A standards OP no one here wrote (panva's oidc-provider), through a profile saved with `profiles add`. */
let op: StartedOidcProvider;
let home: string;
const name = uniqueName('op');
const revoked: string[] = [];
beforeAll(async () => {
  op = await startOidcProvider();
  op.provider.on('refresh_token.destroyed', (token: { kind: string }) => revoked.push(token.kind));
  home = await freshHome();
});
afterAll(async () => op?.stop());

describe('cognito-inspector against oidc-provider with a saved profile', () => {
  let idToken = '';

  it('profiles add saves the profile', async () => {
    const r = await runCli(['profiles', 'add', name, '--issuer', op.issuer, '--client-id', DEFAULT_CLIENT_ID, '--scope', 'openid email'], { home });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')[0]).toBe(`saved profile "${name}"`);
    expect(await savedProfiles(home)).toEqual({
      [name]: {
        name, issuer: op.issuer, clientId: DEFAULT_CLIENT_ID, hasClientSecret: false, scopes: ['openid', 'email'],
        redirectUris: ['http://localhost:53682/callback', 'http://localhost:53683/callback'], authorizeParams: {}, adHoc: false,
      },
    });
  });

  it('login --profile signs carol in through the login and consent pages in real Chromium', async () => {
    const r = await runCli(['login', '--profile', name, '--browser-command', BROWSER, '--timeout', '60', '--debug'], { home, env: { BROWSER_USER: 'carol' } });
    expect(r.stderr).not.toMatch(/error\[/);
    expect([r.code, r.stdout.split('\n')[0]]).toEqual([0, `signed in with profile "${name}"`]);
    expect(r.stdout).toMatch(/^user +carol <carol@example\.test>/m);
    expect(await keychainAccounts()).toContain(`profile:${name}`);
    // A saved profile stays as it was: no ad-hoc twin appears.
    expect(Object.keys(await savedProfiles(home))).toEqual([name]);
  });

  it('status exits 0; token --type id is a JWT that inspect --issuer verifies (exit 0)', async () => {
    const status = await runCli(['status', '--profile', name], { home });
    expect([status.code, status.stdout.split('\n')[0]]).toEqual([0, `signed in with profile "${name}"`]);
    const token = await runCli(['token', '--profile', name, '--type', 'id'], { home });
    expect(token.code).toBe(0);
    idToken = token.stdout.trim();
    expect(decodeJwt(idToken)).toMatchObject({ iss: op.issuer, aud: DEFAULT_CLIENT_ID, sub: 'carol', email: 'carol@example.test' });
    const inspect = await runCli(['inspect', '-', '--issuer', op.issuer, '--audience', DEFAULT_CLIENT_ID], { home, input: token.stdout });
    expect(inspect.code).toBe(0);
  });

  it('token --type access prints the (opaque) access token oidc-provider issued', async () => {
    const r = await runCli(['token', '--profile', name, '--type', 'access'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[\w-]{20,}\n$/);
  });

  it('logout revokes at the revocation endpoint and forgets the session; status then exits 1', async () => {
    const r = await runCli(['logout', '--profile', name], { home });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `signed out of profile "${name}": refresh token revoked; keychain entry removed\n`, '']);
    expect(revoked).toEqual(['RefreshToken']);
    expect(await keychainAccounts()).not.toContain(`profile:${name}`);
    const status = await runCli(['status', '--profile', name], { home });
    expect(status.code).toBe(1);
  });
});
