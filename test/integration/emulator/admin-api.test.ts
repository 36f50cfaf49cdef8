import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoIdentityClient, DescribeIdentityPoolCommand, GetCredentialsForIdentityCommand, GetIdCommand, GetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand, DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { signRequest } from '../../../main/core/aws/sigv4.js';
import { CLIENT_ID, configWith } from './support.js';

// The read-only administrative operations doctor --admin uses, through the real AWS SDK v3 clients
// pointed at a started emulator (POST / with X-Amz-Target, SigV4-signed with any credentials).
const REGION = 'us-east-1';
const USER_POOL = 'us-east-1_LocalDemo';
const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const RULES_POOL = 'us-east-1:00000000-0000-4000-8000-0000000000aa';
const ANY = { accessKeyId: 'AKIAEXAMPLEANYKEY000', secretAccessKey: 'any-secret-the-emulator-cannot-know' };
const MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

let e: Emulator;
let idp: CognitoIdentityProviderClient;
let identity: CognitoIdentityClient;

beforeAll(async () => {
  const config = configWith({}, [{ clientId: 'confidentialclient1', name: 'backend', secret: 'emulator-secret-value', allowedFlows: ['client_credentials'], allowedScopes: [], accessTokenValiditySeconds: 300, refreshTokenValiditySeconds: 3600, refreshTokenRotation: { enabled: true, gracePeriodSeconds: 10 } }]);
  config.identityPools = [
    ...(config.identityPools ?? []),
    {
      id: RULES_POOL,
      authenticatedRoleArn: 'arn:aws:iam::123456789012:role/Auth',
      providers: [{ userPoolId: USER_POOL, clientId: CLIENT_ID, roleMapping: { type: 'Rules', ambiguousRoleResolution: 'Deny', rules: [{ claim: 'custom:team', matchType: 'Equals', value: 'platform', roleArn: 'arn:aws:iam::123456789012:role/Platform' }] } }],
    },
  ];
  e = await startEmulator({ config });
  idp = new CognitoIdentityProviderClient({ region: REGION, endpoint: e.url, credentials: ANY });
  identity = new CognitoIdentityClient({ region: REGION, endpoint: e.url, credentials: ANY });
});

afterAll(async () => {
  idp?.destroy();
  identity?.destroy();
  await e?.stop();
});

const failure = async (p: Promise<unknown>) => p.then(() => 'resolved', (err: Error & { $metadata?: { httpStatusCode?: number } }) => ({ name: err.name, status: err.$metadata?.httpStatusCode, message: err.message }));

describe('cognito-idp DescribeUserPoolClient / DescribeUserPool', () => {
  it('the demo client in UserPoolClientType shape, read from the config', async () => {
    const { UserPoolClient } = await idp.send(new DescribeUserPoolClientCommand({ UserPoolId: USER_POOL, ClientId: CLIENT_ID }));
    const urls = (path: string) => ['localhost', '127.0.0.1'].flatMap((h) => [53682, 53683].map((p) => `http://${h}:${p}${path}`));
    expect(UserPoolClient).toEqual({
      UserPoolId: USER_POOL,
      ClientName: 'Cognito Inspector (public)',
      ClientId: CLIENT_ID,
      CreationDate: expect.any(Date),
      LastModifiedDate: expect.any(Date),
      RefreshTokenValidity: 30,
      AccessTokenValidity: 1,
      IdTokenValidity: 1,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
      SupportedIdentityProviders: ['COGNITO', 'Google'],
      CallbackURLs: urls('/callback'),
      LogoutURLs: urls('/signed-out'),
      AllowedOAuthFlows: ['code', 'implicit'],
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin'],
      AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      EnablePropagateAdditionalUserContextData: false,
      AuthSessionValidity: 3,
      RefreshTokenRotation: { Feature: 'DISABLED', RetryGracePeriodSeconds: 0 },
    });
  });

  it('a confidential client carries its ClientSecret; validities in the units that fit', async () => {
    const { UserPoolClient } = await idp.send(new DescribeUserPoolClientCommand({ UserPoolId: USER_POOL, ClientId: 'confidentialclient1' }));
    expect(UserPoolClient).toMatchObject({
      ClientSecret: 'emulator-secret-value',
      AllowedOAuthFlows: ['client_credentials'],
      AccessTokenValidity: 5, RefreshTokenValidity: 1,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'hours' },
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    });
    expect(UserPoolClient).not.toHaveProperty('AllowedOAuthScopes');
  });

  it('the user pool: Id, Name, Arn, Domain', async () => {
    const { UserPool } = await idp.send(new DescribeUserPoolCommand({ UserPoolId: USER_POOL }));
    expect(UserPool).toMatchObject({ Id: USER_POOL, Name: 'Local demo pool', Arn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${USER_POOL}`, Domain: 'localdemo', EstimatedNumberOfUsers: 2, AdminCreateUserConfig: { AllowAdminCreateUserOnly: false } });
    expect(UserPool).not.toHaveProperty('CustomDomain');
  });

  it.each([
    ['an unknown client', () => idp.send(new DescribeUserPoolClientCommand({ UserPoolId: USER_POOL, ClientId: 'nosuchclient' })), 'ResourceNotFoundException', 'User pool client nosuchclient does not exist.'],
    ['an unknown pool (client)', () => idp.send(new DescribeUserPoolClientCommand({ UserPoolId: 'us-east-1_Nope', ClientId: CLIENT_ID })), 'ResourceNotFoundException', 'User pool us-east-1_Nope does not exist.'],
    ['an unknown pool', () => idp.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_Nope' })), 'ResourceNotFoundException', 'User pool us-east-1_Nope does not exist.'],
    ['a malformed client id', () => idp.send(new DescribeUserPoolClientCommand({ UserPoolId: USER_POOL, ClientId: 'bad id!' })), 'InvalidParameterException', "1 validation error detected: Value 'bad id!' at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+"],
  ] as const)('%s: %s, 400', async (_label, call, name, message) => {
    expect(await failure(call())).toEqual({ name, status: 400, message });
  });
});

describe('cognito-identity DescribeIdentityPool / GetIdentityPoolRoles', () => {
  it('the demo pool: its providers with ClientId and ServerSideTokenCheck', async () => {
    const out = await identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: POOL }));
    const { $metadata: _, ...pool } = out;
    expect(pool).toEqual({
      IdentityPoolId: POOL,
      IdentityPoolName: 'Local demo identity pool',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: true,
      CognitoIdentityProviders: [{ ProviderName: `cognito-idp.us-east-1.amazonaws.com/${USER_POOL}`, ClientId: CLIENT_ID, ServerSideTokenCheck: true }],
      IdentityPoolTags: {},
    });
  });

  it('roles and a Token mapping keyed <provider>:<client>', async () => {
    const { $metadata: _, ...roles } = await identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: POOL }));
    expect(roles).toEqual({
      IdentityPoolId: POOL,
      Roles: { authenticated: 'arn:aws:iam::123456789012:role/LocalDemoAuthenticated', unauthenticated: 'arn:aws:iam::123456789012:role/LocalDemoGuest' },
      RoleMappings: { [`cognito-idp.us-east-1.amazonaws.com/${USER_POOL}:${CLIENT_ID}`]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } },
    });
  });

  it('a Rules mapping with its RulesConfiguration', async () => {
    const { RoleMappings, Roles } = await identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: RULES_POOL }));
    expect(Roles).toEqual({ authenticated: 'arn:aws:iam::123456789012:role/Auth' });
    expect(RoleMappings).toEqual({
      [`cognito-idp.us-east-1.amazonaws.com/${USER_POOL}:${CLIENT_ID}`]: {
        Type: 'Rules', AmbiguousRoleResolution: 'Deny',
        RulesConfiguration: { Rules: [{ Claim: 'custom:team', MatchType: 'Equals', Value: 'platform', RoleARN: 'arn:aws:iam::123456789012:role/Platform' }] },
      },
    });
  });

  it.each([
    ['DescribeIdentityPool', () => identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: 'us-east-1:0000dead' }))],
    ['GetIdentityPoolRoles', () => identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: 'us-east-1:0000dead' }))],
  ] as const)('%s of an unknown pool: ResourceNotFoundException', async (_label, call) => {
    expect(await failure(call())).toEqual({ name: 'ResourceNotFoundException', status: 400, message: "IdentityPool 'us-east-1:0000dead' not found." });
  });
});

/** POSTs a JSON 1.1 request as raw HTTP (no SDK to re-sign or fix anything). */
function rawPost(headers: Record<string, string>, body: string): Promise<{ status: number; body: { __type?: string; message?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(e.url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { __type?: string; message?: string } }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the signed operations refuse a request without a good signature', () => {
  const body = JSON.stringify({ UserPoolId: USER_POOL, ClientId: CLIENT_ID });
  const plain = () => ({ method: 'POST', url: new URL(e.url), headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.DescribeUserPoolClient' }, body });

  it('signed with any key: 200; unsigned: MissingAuthenticationTokenException', async () => {
    const p = plain();
    expect((await rawPost({ ...p.headers, ...(await signRequest(p, ANY, REGION, 'cognito-idp')) }, body)).status).toBe(200);
    expect(await rawPost(p.headers, body)).toEqual({ status: 400, body: { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' } });
  });

  it.each([
    ['scoped to another service', async () => signRequest(plain(), ANY, REGION, 'cognito-identity'), "Credential should be scoped to correct service: 'cognito-idp'. "],
    ['scoped to a region the emulator does not serve', async () => signRequest(plain(), ANY, 'eu-west-3', 'cognito-idp'), 'Credential should be scoped to a valid region. '],
    ['signed an hour ago', async () => signRequest(plain(), ANY, REGION, 'cognito-idp', new Date(Date.now() - 3600_000)), /^Signature expired: \d{8}T\d{6}Z is now earlier than/],
  ] as const)('%s: InvalidSignatureException', async (_label, sign, message) => {
    const r = await rawPost({ ...plain().headers, ...(await sign()) }, body);
    expect(r.status).toBe(400);
    expect(r.body.__type).toBe('InvalidSignatureException');
    expect(r.body.message).toMatch(message);
  });

  it('a garbled Authorization header: IncompleteSignatureException', async () => {
    const r = await rawPost({ ...plain().headers, authorization: 'AWS4-HMAC-SHA256 garbage', 'x-amz-date': '20250101T000000Z' }, body);
    expect({ status: r.status, type: r.body.__type }).toEqual({ status: 400, type: 'IncompleteSignatureException' });
  });

  it('a body changed after signing with any key (its payload hash no longer matches): InvalidSignatureException', async () => {
    const signed = await signRequest(plain(), ANY, REGION, 'cognito-idp');
    const other = JSON.stringify({ UserPoolId: USER_POOL, ClientId: 'confidentialclient1' });
    expect(await rawPost({ ...plain().headers, ...signed }, other)).toEqual({ status: 400, body: { __type: 'InvalidSignatureException', message: MISMATCH } });
  });

  it('credentials this emulator issued are checked in full: a tampered secret or session token is refused', async () => {
    const guest = new CognitoIdentityClient({ region: REGION, endpoint: e.url });
    const { IdentityId } = await guest.send(new GetIdCommand({ IdentityPoolId: POOL }));
    const c = (await guest.send(new GetCredentialsForIdentityCommand({ IdentityId }))).Credentials ?? {};
    guest.destroy();
    const issued = { accessKeyId: c.AccessKeyId ?? '', secretAccessKey: c.SecretKey ?? '', sessionToken: c.SessionToken ?? '' };
    const secret = issued.secretAccessKey;
    const run = async (creds: typeof issued) => {
      const client = new CognitoIdentityClient({ region: REGION, endpoint: e.url, credentials: creds, maxAttempts: 1 });
      try {
        return await failure(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: POOL })));
      } finally {
        client.destroy();
      }
    };
    expect(await run(issued)).toBe('resolved');
    expect(await run({ ...issued, secretAccessKey: `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}` })).toEqual({ name: 'InvalidSignatureException', status: 400, message: MISMATCH });
    expect(await run({ ...issued, sessionToken: `${issued.sessionToken}x` })).toEqual({ name: 'UnrecognizedClientException', status: 400, message: 'The security token included in the request is invalid.' });
  });
});
