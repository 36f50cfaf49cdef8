import { AppError } from '../errors/app-error.js';
import type { Fetch } from '../ports.js';
import type { AwsCredentialsEntry } from '../secrets/session-vault.js';
import { identityClient, stsClient } from './aws-clients.js';
import { readIdClaims } from './id-claims.js';
import type { IdentityTarget } from './target.js';
import { translateAwsError, type AwsErrorContext } from './translate-aws-error.js';

/**
 * The identity pool round trips (reference cognito-wire.md §4): GetId, then either
 * GetCredentialsForIdentity (enhanced; guests send no Logins) or GetOpenIdToken +
 * STS AssumeRoleWithWebIdentity (basic). Errors come back translated, with the operation named.
 */
export interface FlowInput {
  target: IdentityTarget;
  /** A valid ID token; absent for a guest. */
  idToken?: string;
  /** The recorder's fetch, when the exchanges are traced; the SDK's own handler otherwise. */
  fetch?: Fetch;
}

export interface FlowResult {
  credentials: AwsCredentialsEntry;
  identityId: string;
}

function context(input: FlowInput, operation: string, roleArn?: string): AwsErrorContext {
  const roles = readIdClaims(input.idToken).roles;
  return {
    target: input.target,
    operation,
    ...(input.idToken ? { loginsKey: input.target.loginsKey } : {}),
    ...(roleArn ? { roleArn } : {}),
    ...(roles.length ? { roles } : {}),
  };
}

const logins = (input: FlowInput) => (input.idToken ? { Logins: { [input.target.loginsKey]: input.idToken } } : {});

async function step<T>(input: FlowInput, operation: string, run: () => Promise<T>, roleArn?: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw translateAwsError(err, context(input, operation, roleArn));
  }
}

export async function getIdentityId(input: FlowInput): Promise<string> {
  const { client, sdk } = await identityClient(input.target, input.fetch);
  try {
    const out = await step(input, 'GetId', () => client.send(new sdk.GetIdCommand({ IdentityPoolId: input.target.poolId, ...logins(input) })));
    if (!out.IdentityId) throw new AppError('AWS_ERROR', 'GetId returned no IdentityId', 'try again; if it persists, check the identity pool');
    return out.IdentityId;
  } finally {
    client.destroy();
  }
}

/** Enhanced flow (and guests): credentials for the role the pool picks, or target.roleArn as CustomRoleArn. */
export async function enhancedCredentials(input: FlowInput, identityId: string): Promise<FlowResult> {
  const { client, sdk } = await identityClient(input.target, input.fetch);
  const roleArn = input.target.roleArn;
  try {
    const out = await step(input, 'GetCredentialsForIdentity', () =>
      client.send(new sdk.GetCredentialsForIdentityCommand({ IdentityId: identityId, ...logins(input), ...(roleArn ? { CustomRoleArn: roleArn } : {}) })), roleArn);
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretKey) throw new AppError('AWS_ERROR', 'GetCredentialsForIdentity returned no credentials', 'try again; if it persists, check the identity pool roles');
    return {
      identityId: out.IdentityId ?? identityId,
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretKey,
        ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        ...(c.Expiration ? { expiration: c.Expiration.getTime() } : {}),
      },
    };
  } finally {
    client.destroy();
  }
}

/** Basic (classic) flow: the role is explicit (target.roleArn) or the token's preferred role. */
export async function basicCredentials(input: FlowInput, identityId: string): Promise<FlowResult> {
  const claims = readIdClaims(input.idToken);
  const roleArn = input.target.roleArn ?? claims.preferredRole;
  if (!roleArn) {
    throw new AppError('ROLE_NOT_ALLOWED', 'the basic flow needs a role to assume and none was given or preferred',
      claims.roles.length ? `pass --role-arn with one of: ${claims.roles.join(', ')}` : 'pass --role-arn ARN (a role whose trust policy allows this identity pool), or set identityPool.roleArn in the profile');
  }
  const identity = await identityClient(input.target, input.fetch);
  let token: string;
  let id = identityId;
  try {
    const out = await step(input, 'GetOpenIdToken', () => identity.client.send(new identity.sdk.GetOpenIdTokenCommand({ IdentityId: identityId, ...logins(input) })));
    if (!out.Token) throw new AppError('AWS_ERROR', 'GetOpenIdToken returned no token', 'try again');
    token = out.Token;
    id = out.IdentityId ?? identityId; // may differ after a merge
  } finally {
    identity.client.destroy();
  }
  const sts = await stsClient(input.target, undefined, input.fetch);
  try {
    const out = await step(input, 'AssumeRoleWithWebIdentity', () =>
      sts.client.send(new sts.sdk.AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: sessionName(input.target.profile),
        WebIdentityToken: token,
        ...(input.target.durationSeconds ? { DurationSeconds: input.target.durationSeconds } : {}),
      })), roleArn);
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new AppError('AWS_ERROR', 'AssumeRoleWithWebIdentity returned no credentials', 'try again');
    return {
      identityId: id,
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        ...(c.Expiration ? { expiration: c.Expiration.getTime() } : {}),
        roleArn,
      },
    };
  } finally {
    sts.client.destroy();
  }
}

/** RoleSessionName: [\w+=,.@-]{2,64}; it shows up in CloudTrail and the assumed-role ARN. */
export function sessionName(profile: string): string {
  return `cognito-inspector-${profile}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
