import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { keysAccount, STATE_FILE, type Emulator } from '../../../emulator/index.js';
import { createMemoryStore, type MemoryStore } from '../../../main/core/secrets/memory-store.js';
import { CLIENT_ID, authorizeParams, codeFor, exchange, pkce, postForm, startEmulator, tokensFor } from './support.js';

/**
 * `emulator --state DIR`: the pool remembers users (sign-ups too), refresh tokens, revocations and
 * identity ids across a restart, keeps its signing keys in the key store (the keychain in the
 * shells; a memory store here, the same SecretStore port), and refuses a state it cannot trust.
 */
const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const LOGINS_KEY = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo';

const running: Emulator[] = [];
afterEach(async () => {
  for (const e of running.splice(0)) await e.stop();
});

async function start(dir: string, keys: MemoryStore, log: string[] = []): Promise<Emulator> {
  const e = await startEmulator({ state: { dir, keys }, log: (l) => log.push(l) });
  running.push(e);
  return e;
}

async function stop(e: Emulator): Promise<void> {
  running.splice(running.indexOf(e), 1);
  await e.stop();
}

const refresh = (e: Emulator, token: string) => postForm(`${e.url}/oauth2/token`, { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: token });
const revoke = (e: Emulator, token: string) => postForm(`${e.url}/oauth2/revoke`, { client_id: CLIENT_ID, token });
const jwksOf = async (e: Emulator) => (await (await fetch(`${e.issuer}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };

async function getId(e: Emulator, idToken: string): Promise<string> {
  const res = await fetch(`${e.url}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityService.GetId' },
    body: JSON.stringify({ IdentityPoolId: POOL, Logins: { [LOGINS_KEY]: idToken } }),
  });
  return ((await res.json()) as { IdentityId: string }).IdentityId;
}

/** Signs up through the hosted UI's form and returns the code it redirects with. */
async function signUp(e: Emulator, username: string, password: string): Promise<void> {
  const { challenge } = pkce();
  const q = authorizeParams({ code_challenge: challenge, code_challenge_method: 'S256' });
  const page = await fetch(`${e.url}/signup?${q}`, { redirect: 'manual' });
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${e.url}/signup?${q}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `XSRF-TOKEN=${xsrf}` },
    body: new URLSearchParams({ _csrf: csrf, username, email: `${username}@example.com`, password }),
  });
  expect(new URL(res.headers.get('location') ?? 'about:blank').searchParams.get('code')).toBeTruthy();
}

/** Every file under dir, read as text. */
async function allText(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile());
  return (await Promise.all(files.map((d) => readFile(join(d.parentPath, d.name), 'utf8')))).join('\n');
}

describe('emulator --state DIR', () => {
  it('keeps keys, sign-ups, refresh tokens, revocations and identity ids across a restart; the files hold no secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-pool-state-'));
    const keys = createMemoryStore();
    const first = await start(dir, keys);
    const kept = await tokensFor(first);
    const revoked = await tokensFor(first);
    expect((await revoke(first, revoked.refresh_token)).status).toBe(200);
    await signUp(first, 'carol', 'Carol-Passw0rd!');
    const jwks = await jwksOf(first);
    const identityId = await getId(first, kept.id_token);
    const pending = await codeFor(first); // a code issued before the restart is not kept
    await stop(first);

    const second = await start(dir, keys);
    expect(await jwksOf(second)).toEqual(jwks);
    const res = await refresh(second, kept.refresh_token);
    expect(res.status).toBe(200);
    const idToken = ((await res.json()) as { id_token: string }).id_token;
    // signed with the kept key: verifies against the JWKS published before the restart
    await expect(jwtVerify(idToken, createLocalJWKSet(jwks as never), { audience: CLIENT_ID })).resolves.toBeTruthy();
    expect(decodeJwt(idToken).sub).toBe(decodeJwt(kept.id_token).sub);
    expect(((await (await refresh(second, revoked.refresh_token)).json()) as { error: string }).error).toBe('invalid_grant');
    expect(await getId(second, idToken)).toBe(identityId);
    expect((await exchange(second, pending.code, pending.verifier)).status).toBe(400);
    // carol, who signed up before the restart, signs in with her password
    const { verifier, challenge } = pkce();
    const q = authorizeParams({ code_challenge: challenge, code_challenge_method: 'S256' });
    const { signInHttp } = await import('./support.js');
    const { location } = await signInHttp(second, q, 'carol', 'Carol-Passw0rd!');
    const code = new URL(location).searchParams.get('code');
    expect(code).toBeTruthy();
    const carol = (await (await exchange(second, code!, verifier)).json()) as { id_token: string };
    expect(decodeJwt(carol.id_token)['cognito:username']).toBe('carol');
    await stop(second);

    // The keys are in the key store, under this state directory's own account; the files hold no secret.
    const state = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as { stateId: string; format: number };
    expect(keys.accounts()).toEqual([keysAccount('us-east-1_LocalDemo', state.stateId)]);
    const text = await allText(dir);
    for (const secret of [kept.refresh_token, revoked.refresh_token, pending.code, 'Carol-Passw0rd!', kept.access_token]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"d"\s*:|PRIVATE KEY/);
    // ... while the record it does hold is real: the hash of the kept token
    const { createHash } = await import('node:crypto');
    expect(text).toContain(createHash('sha256').update(kept.refresh_token).digest('base64url'));
  });

  it('keys missing from the keychain: new keys, said once; refresh tokens still work', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-pool-state-'));
    const keys = createMemoryStore();
    const first = await start(dir, keys);
    const t = await tokensFor(first);
    const before = await jwksOf(first);
    await stop(first);
    for (const account of keys.accounts()) await keys.delete(account);
    const log: string[] = [];
    const second = await start(dir, keys, log);
    expect((await jwksOf(second)).keys.map((k) => k.kid)).not.toEqual(before.keys.map((k) => k.kid));
    expect(log.filter((l) => /signing keys are not in the keychain/.test(l))).toHaveLength(1);
    expect((await refresh(second, t.refresh_token)).status).toBe(200);
  });

  const refusals: [string, (file: string) => Promise<void>, RegExp][] = [
    ['damaged (not JSON)', (f) => writeFile(f, '{"format": 1, "poolId": '), /is damaged \(not JSON\)/],
    ['damaged (a field)', async (f) => writeFile(f, (await readFile(f, 'utf8')).replace('"refreshTokens": [', '"refreshTokens": [{"hash": 5},')), /is damaged \(refreshTokens\.0\.hash/],
    ['from a newer format', async (f) => writeFile(f, (await readFile(f, 'utf8')).replace('"format": 1', '"format": 2')), /written by a newer version \(format 2; this one reads format 1\)/],
    ['of another pool', async (f) => writeFile(f, (await readFile(f, 'utf8')).replace('"poolId": "us-east-1_LocalDemo"', '"poolId": "us-east-1_Other"')), /holds user pool us-east-1_Other/],
  ];
  it.each(refusals)('a state file %s is refused with its path, and left as it was', async (_name, damage, why) => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-pool-state-'));
    const keys = createMemoryStore();
    const first = await start(dir, keys);
    await tokensFor(first);
    await stop(first);
    const file = join(dir, STATE_FILE);
    await damage(file);
    const damaged = await readFile(file, 'utf8');
    const err = await startEmulator({ state: { dir, keys } }).then(
      (e) => (running.push(e), undefined),
      (error: unknown) => error as { code: string; message: string; hint: string },
    );
    expect(err).toMatchObject({ code: 'INVALID_CONFIG', message: expect.stringContaining(file) });
    expect(err!.message).toMatch(why);
    expect(err!.message).toContain('nothing was written');
    expect(await readFile(file, 'utf8')).toBe(damaged);
    expect(await readdir(dir)).toEqual([STATE_FILE]);
  });
});
