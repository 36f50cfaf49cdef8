import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, decodeJwt, errors as joseErrors, generateKeyPair, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { emulatorConfigSchema } from '../../../emulator/config-schema.js';
import { createIdentityService } from '../../../emulator/identity/service.js';

// The identity service is driven through the real AWS SDK clients against a bare node:http server
// that only calls `handle`, with user pool ID tokens signed here by a test key.
const REGION = 'us-east-1';
const USER_POOL = 'us-east-1_Local';
const CLIENT = 'localclient1';
const LOGIN_KEY = `cognito-idp.${REGION}.amazonaws.com/${USER_POOL}`;
const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const [AUTH, GUEST, ADMIN, READER] = [role('Authenticated'), role('Guest'), role('Admin'), role('Reader')];
const pools = {
  guest: 'us-east-1:00000000-0000-0000-0000-00000000000a',
  noGuest: 'us-east-1:00000000-0000-0000-0000-00000000000b',
  rules: 'us-east-1:00000000-0000-0000-0000-00000000000c',
  tokenDeny: 'us-east-1:00000000-0000-0000-0000-00000000000d',
  noClassic: 'us-east-1:00000000-0000-0000-0000-00000000000e',
};
const roles = { authenticatedRoleArn: AUTH, unauthenticatedRoleArn: GUEST };
const link = (roleMapping?: object) => [{ userPoolId: USER_POOL, clientId: CLIENT, ...(roleMapping ? { roleMapping } : {}) }];
const config = emulatorConfigSchema.parse({
  userPool: { id: USER_POOL, clients: [{ clientId: CLIENT }], groups: [{ name: 'admins', roleArn: ADMIN }, { name: 'readers', roleArn: READER }] },
  identityPools: [
    { id: pools.guest, allowUnauthenticated: true, ...roles, providers: link() },
    { id: pools.noGuest, ...roles, providers: link({ type: 'Token', ambiguousRoleResolution: 'AuthenticatedRole' }) },
    { id: pools.rules, ...roles, providers: link({ type: 'Rules', ambiguousRoleResolution: 'Deny', rules: [{ claim: 'custom:dept', matchType: 'StartsWith', value: 'eng', roleArn: ADMIN }] }) },
    { id: pools.tokenDeny, ...roles, providers: link({ type: 'Token', ambiguousRoleResolution: 'Deny' }) },
    { id: pools.noClassic, allowClassicFlow: false, allowUnauthenticated: true, ...roles, providers: link() },
  ],
});

let nowMs = Date.now();
const clock = { now: () => nowMs };
const revoked = new Set<string>();
let key: { privateKey: CryptoKey; publicKey: CryptoKey };
let server: Server;
let endpoint: string;
let identity: CognitoIdentityClient;
let sts: STSClient;

/** The user pool side's verifier: signature by the test key, expiry by the shared clock, Cognito's wording. */
async function verifyUserPoolIdToken(token: string): Promise<JWTPayload> {
  try {
    return (await jwtVerify(token, key.publicKey, { currentDate: new Date(nowMs) })).payload;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw new Error(`Invalid login token. Token expired: ${Math.floor(nowMs / 1000)} >= ${String(error.payload.exp)}`);
    }
    throw new Error('Invalid login token. Token signature invalid.');
  }
}

let userCount = 0;
/** A fresh user (new sub) unless `sub` is given; claims override the Cognito-shaped defaults. */
function idToken(claims: JWTPayload = {}): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({
    sub: `00000000-0000-4000-8000-${String(++userCount).padStart(12, '0')}`,
    iss: `http://127.0.0.1:9/${USER_POOL}`,
    aud: CLIENT,
    token_use: 'id',
    origin_jti: `origin-${userCount}`,
    iat,
    exp: iat + 3600,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'test' })
    .sign(key.privateKey);
}

async function caught(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error;
    return { name: e.name, message: e.message };
  }
  throw new Error('expected the call to fail');
}

const getId = (IdentityPoolId: string, token?: string) =>
  identity.send(new GetIdCommand({ IdentityPoolId, ...(token ? { Logins: { [LOGIN_KEY]: token } } : {}) }));
const credentialsFor = (IdentityId: string, token?: string, CustomRoleArn?: string) =>
  identity.send(new GetCredentialsForIdentityCommand({ IdentityId, ...(token ? { Logins: { [LOGIN_KEY]: token } } : {}), ...(CustomRoleArn ? { CustomRoleArn } : {}) }));

async function enhancedFlow(pool: string, token?: string, customRoleArn?: string) {
  const { IdentityId } = await getId(pool, token);
  return credentialsFor(IdentityId ?? '', token, customRoleArn);
}

/** The assumed-role ARN STS reports for credentials, which tells which role they carry. */
async function callerArn(creds: { AccessKeyId?: string; SecretKey?: string; SecretAccessKey?: string; SessionToken?: string }): Promise<string | undefined> {
  const client = new STSClient({
    region: REGION,
    endpoint,
    credentials: { accessKeyId: creds.AccessKeyId ?? '', secretAccessKey: creds.SecretKey ?? creds.SecretAccessKey ?? '', sessionToken: creds.SessionToken ?? '' },
  });
  return (await client.send(new GetCallerIdentityCommand({}))).Arn;
}

const assumed = (name: string, session = 'CognitoIdentityCredentials') => `arn:aws:sts::123456789012:assumed-role/${name}/${session}`;

beforeAll(async () => {
  key = await generateKeyPair('RS256');
  const service = createIdentityService({ config, clock, verifyUserPoolIdToken, isRevoked: (jti) => revoked.has(jti) });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void service.handle(req, res, Buffer.concat(chunks)).then((handled) => {
        if (!handled) res.writeHead(404).end('not the identity service');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  identity = new CognitoIdentityClient({ region: REGION, endpoint });
  sts = new STSClient({ region: REGION, endpoint, credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
});

afterAll(async () => {
  identity.destroy();
  sts.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('identity pool, enhanced flow', () => {
  it('gives a signed-in user a stable identity and 1-hour credentials for the authenticated role', async () => {
    const token = await idToken();
    const first = await getId(pools.guest, token);
    const second = await getId(pools.guest, token);
    expect(first.IdentityId).toMatch(/^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(second.IdentityId).toBe(first.IdentityId);

    const result = await credentialsFor(first.IdentityId ?? '', token);
    const creds = result.Credentials ?? {};
    expect(result.IdentityId).toBe(first.IdentityId);
    expect(creds.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(creds.SecretKey).toHaveLength(40);
    expect(creds.SessionToken?.length).toBeGreaterThan(400);
    expect(creds.Expiration).toBeInstanceOf(Date);
    expect(creds.Expiration?.getTime()).toBe(Math.floor(nowMs / 1000) * 1000 + 3600_000);
    expect(await callerArn(creds)).toBe(assumed('Authenticated'));
  });

  it('gives each guest GetId a fresh identity and guest credentials where the pool allows guests', async () => {
    const a = await getId(pools.guest);
    const b = await getId(pools.guest);
    expect(a.IdentityId).not.toBe(b.IdentityId);
    const result = await credentialsFor(a.IdentityId ?? '');
    expect(await callerArn(result.Credentials ?? {})).toBe(assumed('Guest'));
  });

  it('refuses guests where the pool does not allow them, with Cognito’s message', async () => {
    expect(await caught(getId(pools.noGuest))).toEqual({ name: 'NotAuthorizedException', message: 'Unauthenticated access is not supported for this identity pool.' });
  });

  it.each([
    { name: 'a Logins key for a user pool the identity pool does not trust', logins: async () => ({ [`cognito-idp.${REGION}.amazonaws.com/us-east-1_Other`]: await idToken() }), message: 'Token is not from a supported provider of this identity pool.' },
    { name: 'an ID token for another app client', logins: async () => ({ [LOGIN_KEY]: await idToken({ aud: 'otherclient' }) }), message: 'Token is not from a supported provider of this identity pool.' },
    { name: 'an ID token from another issuer under the right key', logins: async () => ({ [LOGIN_KEY]: await idToken({ iss: 'http://127.0.0.1:9/us-east-1_Other' }) }), message: "Invalid login token. Issuer doesn't match providerName" },
    { name: 'an access token instead of the ID token', logins: async () => ({ [LOGIN_KEY]: await idToken({ token_use: 'access' }) }), message: 'Invalid login token. Not a valid OpenId Connect identity token.' },
  ])('rejects $name', async ({ logins, message }) => {
    expect(await caught(identity.send(new GetIdCommand({ IdentityPoolId: pools.guest, Logins: await logins() })))).toEqual({ name: 'NotAuthorizedException', message });
  });

  it('rejects an expired ID token with Cognito’s "now >= exp" message', async () => {
    const exp = Math.floor(nowMs / 1000) - 60;
    const token = await idToken({ iat: exp - 3600, exp });
    expect(await caught(getId(pools.guest, token))).toEqual({ name: 'NotAuthorizedException', message: `Invalid login token. Token expired: ${Math.floor(nowMs / 1000)} >= ${exp}` });
  });

  it('rejects a revoked token family as inactive', async () => {
    const token = await idToken({ origin_jti: 'revoked-family' });
    revoked.add('revoked-family');
    expect(await caught(getId(pools.guest, token))).toEqual({ name: 'NotAuthorizedException', message: 'Token is inactive' });
  });

  it('requires the identity’s own login again ("Logins don’t match")', async () => {
    const token = await idToken();
    const { IdentityId } = await getId(pools.guest, token);
    const expected = { name: 'NotAuthorizedException', message: "Logins don't match. Please include at least one valid login for this identity or identity pool." };
    expect(await caught(credentialsFor(IdentityId ?? ''))).toEqual(expected);
    expect(await caught(credentialsFor(IdentityId ?? '', await idToken()))).toEqual(expected);
  });

  it('uses cognito:preferred_role by default with a Token mapping', async () => {
    const token = await idToken({ 'cognito:roles': [ADMIN, READER], 'cognito:preferred_role': ADMIN });
    expect(await callerArn((await enhancedFlow(pools.noGuest, token)).Credentials ?? {})).toBe(assumed('Admin'));
  });

  it('grants a CustomRoleArn listed in cognito:roles and denies one that is not', async () => {
    const token = await idToken({ 'cognito:roles': [ADMIN, READER], 'cognito:preferred_role': ADMIN });
    expect(await callerArn((await enhancedFlow(pools.noGuest, token, READER)).Credentials ?? {})).toBe(assumed('Reader'));
    expect(await caught(enhancedFlow(pools.noGuest, token, role('Elsewhere')))).toEqual({
      name: 'NotAuthorizedException',
      message: "CustomRoleArn isn't one of the roles this identity may assume (cognito:roles or the role mapping).",
    });
  });

  it('falls back to the authenticated role on a precedence tie (AmbiguousRoleResolution AuthenticatedRole)', async () => {
    const token = await idToken({ 'cognito:roles': [ADMIN, READER] });
    expect(await callerArn((await enhancedFlow(pools.noGuest, token)).Credentials ?? {})).toBe(assumed('Authenticated'));
  });

  it('denies an ambiguous role when AmbiguousRoleResolution is Deny', async () => {
    const token = await idToken({ 'cognito:roles': [ADMIN, READER] });
    expect(await caught(enhancedFlow(pools.tokenDeny, token))).toEqual({ name: 'NotAuthorizedException', message: 'The ambiguous role mapping rules denied this request.' });
  });

  it('maps roles by rules: a matching claim gets the rule’s role, no match is denied', async () => {
    const engineer = await idToken({ 'custom:dept': 'engineering' });
    expect(await callerArn((await enhancedFlow(pools.rules, engineer)).Credentials ?? {})).toBe(assumed('Admin'));
    const sales = await idToken({ 'custom:dept': 'sales' });
    expect(await caught(enhancedFlow(pools.rules, sales))).toEqual({ name: 'NotAuthorizedException', message: 'The ambiguous role mapping rules denied this request.' });
  });

  it.each([
    { name: 'an unknown identity pool', call: () => getId('us-east-1:00000000-0000-0000-0000-0000000000ff'), expected: { name: 'ResourceNotFoundException', message: "IdentityPool 'us-east-1:00000000-0000-0000-0000-0000000000ff' not found." } },
    { name: 'an unknown identity', call: () => credentialsFor('us-east-1:00000000-0000-0000-0000-0000000000ff'), expected: { name: 'ResourceNotFoundException', message: "Identity 'us-east-1:00000000-0000-0000-0000-0000000000ff' not found." } },
    { name: 'a malformed pool id', call: () => getId('not-a-pool'), expected: { name: 'InvalidParameterException', message: "1 validation error detected: Value 'not-a-pool' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+" } },
    { name: 'a missing pool id', call: () => identity.send(new GetIdCommand({} as never)), expected: { name: 'InvalidParameterException', message: "1 validation error detected: Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null" } },
  ])('answers $name with Cognito’s error', async ({ call, expected }) => {
    expect(await caught(call())).toEqual(expected);
  });

  it('answers malformed JSON with InvalidParameterException in Cognito’s envelope, and keeps serving', async () => {
    const response = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityService.GetId' }, body: '{"IdentityPoolId":' });
    expect({ status: response.status, type: response.headers.get('content-type'), errorType: response.headers.get('x-amzn-errortype'), body: await response.json() }).toEqual({
      status: 400,
      type: 'application/x-amz-json-1.1',
      errorType: 'InvalidParameterException',
      body: { __type: 'InvalidParameterException', message: 'The request body is not valid JSON.' },
    });
    expect((await getId(pools.guest)).IdentityId).toMatch(/^us-east-1:/);
  });

  it('accepts the namespaced X-Amz-Target and leaves other requests to the rest of the emulator', async () => {
    const namespaced = await fetch(endpoint, { method: 'POST', headers: { 'X-Amz-Target': 'com.amazonaws.cognito.identity.model.AWSCognitoIdentityService.GetId' }, body: JSON.stringify({ IdentityPoolId: pools.guest }) });
    expect(namespaced.status).toBe(200);
    const token = await fetch(`${endpoint}/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
    expect({ status: token.status, body: await token.text() }).toEqual({ status: 404, body: 'not the identity service' });
  });
});

describe('identity pool basic flow and STS', () => {
  it('GetOpenIdToken → AssumeRoleWithWebIdentity → GetCallerIdentity returns the assumed-role ARN', async () => {
    const token = await idToken();
    const sub = decodeJwt(token).sub ?? '';
    const { IdentityId } = await getId(pools.guest, token);
    const open = await identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins: { [LOGIN_KEY]: token } }));
    const claims = decodeJwt(open.Token ?? '');
    expect({ ...claims, iat: undefined, exp: undefined, lifetime: (claims.exp ?? 0) - (claims.iat ?? 0) }).toEqual({
      iss: 'https://cognito-identity.amazonaws.com',
      aud: pools.guest,
      sub: IdentityId,
      amr: ['authenticated', LOGIN_KEY, `${LOGIN_KEY}:CognitoSignIn:${sub}`],
      iat: undefined,
      exp: undefined,
      lifetime: 600,
    });

    const result = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: AUTH, RoleSessionName: 'app1', WebIdentityToken: open.Token, DurationSeconds: 7200 }));
    expect({ ...result, $metadata: undefined, Credentials: undefined }).toEqual({
      $metadata: undefined,
      Credentials: undefined,
      SubjectFromWebIdentityToken: IdentityId,
      AssumedRoleUser: { Arn: assumed('Authenticated', 'app1'), AssumedRoleId: expect.stringMatching(/^AROA[A-Z0-9]{17}:app1$/) as unknown },
      Provider: 'cognito-identity.amazonaws.com',
      Audience: pools.guest,
    });
    expect(result.Credentials?.Expiration?.getTime()).toBe(Math.floor(nowMs / 1000) * 1000 + 7200_000);
    const caller = await new STSClient({
      region: REGION,
      endpoint,
      credentials: { accessKeyId: result.Credentials?.AccessKeyId ?? '', secretAccessKey: result.Credentials?.SecretAccessKey ?? '', sessionToken: result.Credentials?.SessionToken ?? '' },
    }).send(new GetCallerIdentityCommand({}));
    expect({ Arn: caller.Arn, Account: caller.Account, UserId: caller.UserId }).toEqual({ Arn: assumed('Authenticated', 'app1'), Account: '123456789012', UserId: result.AssumedRoleUser?.AssumedRoleId });
  });

  it('gives a guest token only the unauthenticated role', async () => {
    const { IdentityId } = await getId(pools.guest);
    const open = await identity.send(new GetOpenIdTokenCommand({ IdentityId }));
    expect(decodeJwt(open.Token ?? '').amr).toEqual(['unauthenticated']);
    const ok = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: GUEST, RoleSessionName: 'guest', WebIdentityToken: open.Token }));
    expect(ok.AssumedRoleUser?.Arn).toBe(assumed('Guest', 'guest'));
    expect(await caught(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: AUTH, RoleSessionName: 'guest', WebIdentityToken: open.Token })))).toEqual({
      name: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
  });

  it('refuses GetOpenIdToken where the pool disallows the basic flow', async () => {
    const { IdentityId } = await getId(pools.noClassic);
    expect(await caught(identity.send(new GetOpenIdTokenCommand({ IdentityId })))).toEqual({ name: 'InvalidParameterException', message: 'Basic (classic) flow is not enabled, please use enhanced flow.' });
  });

  it('rejects an expired, forged or malformed web identity token, and unknown credentials', async () => {
    const { IdentityId } = await getId(pools.guest);
    const open = await identity.send(new GetOpenIdTokenCommand({ IdentityId }));
    const forged = await new SignJWT({ amr: ['unauthenticated'] }).setProtectedHeader({ alg: 'RS256' }).setIssuer('https://cognito-identity.amazonaws.com').setAudience(pools.guest).setSubject(IdentityId ?? '').setIssuedAt().setExpirationTime('10m').sign(key.privateKey);
    const assume = (token: string, DurationSeconds?: number) => caught(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: GUEST, RoleSessionName: 's1', WebIdentityToken: token, ...(DurationSeconds ? { DurationSeconds } : {}) })));
    expect(await assume('not.a.jwt')).toEqual({ name: 'InvalidIdentityTokenException', message: 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)' });
    expect(await assume(forged)).toEqual({ name: 'InvalidIdentityTokenException', message: "Couldn't verify the web identity token's signature." });
    expect(await assume(open.Token ?? '', 600)).toEqual({ name: 'ValidationError', message: "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900" });
    const exp = decodeJwt(open.Token ?? '').exp;
    nowMs += 11 * 60_000;
    try {
      expect(await assume(open.Token ?? '')).toEqual({ name: 'ExpiredTokenException', message: `Token expired: current date/time ${Math.floor(nowMs / 1000)} must be before the expiration date/time ${String(exp)}` });
    } finally {
      nowMs -= 11 * 60_000;
    }
    expect(await caught(callerArn({ AccessKeyId: 'ASIAAAAAAAAAAAAAAAAA', SecretKey: 'x', SessionToken: 'y' }))).toEqual({ name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' });
  });
});
