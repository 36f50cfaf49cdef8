import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DEFAULT_CONFIG, startEmulator, type Emulator } from '../../../emulator/index.js';

// End to end through the real emulator: a hosted-UI sign-in (form POST, code + PKCE) yields an ID
// token, which the identity pool trades for credentials of the user's preferred group role.
const CLIENT = 'localdemoclient0000000000';
const REDIRECT = 'http://localhost:53682/callback';
const POOL_ID = DEFAULT_CONFIG.identityPools?.[0]?.id ?? '';
const LOGIN_KEY = `cognito-idp.us-east-1.amazonaws.com/${DEFAULT_CONFIG.userPool.id}`;

let emulator: Emulator;
let identity: CognitoIdentityClient;

beforeAll(async () => {
  emulator = await startEmulator();
  identity = new CognitoIdentityClient({ region: 'us-east-1', endpoint: emulator.url });
});

afterAll(async () => {
  identity.destroy();
  await emulator.stop();
});

/** Signs in through /login as a browser would (CSRF cookie + form) and redeems the code. */
async function signIn(username: string): Promise<{ id_token: string; refresh_token: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    client_id: CLIENT,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'openid email',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  const page = await fetch(`${emulator.url}/login?${query}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const posted = await fetch(`${emulator.url}/login?${query}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams({ _csrf: csrf, username, password: 'Passw0rd!' }),
  });
  const code = new URL(posted.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const token = await fetch(`${emulator.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: CLIENT, code, redirect_uri: REDIRECT, code_verifier: verifier }),
  });
  return (await token.json()) as { id_token: string; refresh_token: string };
}

async function credentials(idToken: string) {
  const logins = { [LOGIN_KEY]: idToken };
  const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: POOL_ID, Logins: logins }));
  return identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
}

describe('identity pool through startEmulator()', () => {
  it.each([
    { username: 'alice', role: 'LocalDemoAdmin' },
    { username: 'bob', role: 'LocalDemoDeveloper' },
  ])('gives $username credentials for the preferred group role ($role)', async ({ username, role }) => {
    const { id_token } = await signIn(username);
    const creds = (await credentials(id_token)).Credentials ?? {};
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId: creds.AccessKeyId ?? '', secretAccessKey: creds.SecretKey ?? '', sessionToken: creds.SessionToken ?? '' },
    });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::123456789012:assumed-role/${role}/CognitoIdentityCredentials`);
  });

  it('answers "Token is inactive" once the refresh token (and its ID tokens) are revoked', async () => {
    const { id_token, refresh_token } = await signIn('alice');
    const revoke = await fetch(`${emulator.url}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refresh_token, client_id: CLIENT }),
    });
    expect(revoke.status).toBe(200);
    const error = await credentials(id_token).then(
      () => undefined,
      (e: Error) => ({ name: e.name, message: e.message }),
    );
    expect(error).toEqual({ name: 'NotAuthorizedException', message: 'Token is inactive' });
  });
});
