import { AppError, isAppError } from '../errors/app-error.js';
import { clip } from '../errors/translate-context.js';
import { networkErrorToAppError } from '../errors/translate-network.js';
import type { IdentityTarget } from './target.js';

/** What a hint may mention: the request's shape, never a token or a key. */
export interface AwsErrorContext {
  target: IdentityTarget;
  operation: string;
  /** The Logins key sent (absent: no Logins, a guest request). */
  loginsKey?: string;
  /** The role asked for (CustomRoleArn or RoleArn). */
  roleArn?: string;
  /** cognito:roles of the ID token. */
  roles?: string[];
}

const has = (message: string, text: string) => message.toLowerCase().includes(text.toLowerCase());

/** An AWS SDK error (name + message) as an AppError whose hint says what to change. */
export function translateAwsError(err: unknown, ctx: AwsErrorContext): AppError {
  if (isAppError(err)) return err;
  const where = ctx.target.endpoint ?? `cognito-identity.${ctx.target.region}.amazonaws.com`;
  const net = networkErrorToAppError(err, { issuer: where });
  if (net) {
    return new AppError(net.code, `Could not reach the identity pool endpoint ${where} (${String(net.details?.errno ?? 'network error')}).`,
      ctx.target.endpoint
        ? `Check that ${ctx.target.endpoint} is up (the local pool: cognito-inspector emulator), or drop --identity-endpoint to use AWS.`
        : `Check your network connection and proxy, and the region in the pool id (${ctx.target.region}).`,
      { cause: err, ...(net.details ? { details: net.details } : {}) });
  }
  const e = err as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
  const name = (typeof e.name === 'string' ? e.name : 'Error').replace(/^.*#/, '');
  const message = clip(typeof e.message === 'string' ? e.message : String(err));
  const { poolId, profile } = ctx.target;
  const details = { operation: ctx.operation, awsError: name, ...(ctx.loginsKey ? { loginsKey: ctx.loginsKey } : {}) };
  const make = (code: ConstructorParameters<typeof AppError>[0], msg: string, hint: string) => new AppError(code, msg, hint, { cause: err, details });
  const allowed = ctx.roles?.length ? `allowed roles (cognito:roles): ${ctx.roles.join(', ')}` : 'the ID token lists no cognito:roles (add the user to a group that has an IAM role)';

  if (has(message, 'Unauthenticated access is not supported')) {
    return make('GUEST_NOT_ALLOWED', `${message} (${ctx.operation} on ${poolId})`,
      ctx.loginsKey
        ? `The pool did not accept the Logins key that was sent, "${ctx.loginsKey}": it must be a provider of the identity pool (cognito-idp.<region>.amazonaws.com/<userPoolId>).`
        : `No Logins were sent (guest). Turn on guest access for ${poolId} (AllowUnauthenticatedIdentities and an unauthenticated role), or sign in and use --mode enhanced.`);
  }
  if (has(message, 'Token expired')) {
    return make('TOKEN_EXPIRED', `The identity pool refused the ID token: ${message}`, `Check this machine's clock, then run: cognito-inspector login --profile ${profile}`);
  }
  if (has(message, "Logins don't match")) {
    return make('LOGINS_MISMATCH', message, `The identity is linked to another login than "${ctx.loginsKey ?? '(none)'}". Sign in as the user this identity belongs to, or delete identity-ids.json in the inspector home to get a new identity.`);
  }
  if (has(message, 'not from a supported provider') || has(message, "Issuer doesn't match providerName")) {
    return make('LOGINS_MISMATCH', message, `The Logins key sent was "${ctx.loginsKey ?? '(none)'}". Add this user pool and app client as an authentication provider of ${poolId}, or use the profile of the user pool the pool trusts.`);
  }
  if (has(message, 'Token is inactive')) {
    return make('SESSION_EXPIRED', message, `The session was signed out or revoked: cognito-inspector login --profile ${profile}`);
  }
  if (name === 'InvalidIdentityPoolConfigurationException') {
    return make('IDENTITY_POOL_CONFIG', message,
      `Check ${poolId}: it needs an ${ctx.loginsKey ? 'authenticated' : 'unauthenticated'} role, and each role's trust policy must allow sts:AssumeRoleWithWebIdentity for cognito-identity.amazonaws.com with "cognito-identity.amazonaws.com:aud" = ${poolId} and "amr" = ${ctx.loginsKey ? 'authenticated' : 'unauthenticated'}.`);
  }
  if (has(message, 'classic') && has(message, 'flow')) {
    return make('IDENTITY_POOL_CONFIG', message, `Turn on the basic (classic) flow of ${poolId} (AllowClassicFlow), or use --mode enhanced.`);
  }
  if (name === 'ResourceNotFoundException' && has(message, 'IdentityPool')) {
    return make('IDENTITY_POOL_NOT_FOUND', message, `Check the identity pool id "${poolId}" and its region (${ctx.target.region}, taken from the id's prefix)${ctx.target.endpoint ? ` at ${ctx.target.endpoint}` : ''}.`);
  }
  if (ctx.roleArn && (name === 'NotAuthorizedException' || name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'InvalidParameterException')) {
    return make('ROLE_NOT_ALLOWED', `The role ${ctx.roleArn} was refused: ${message}`, `Pick one of the ${allowed}; or drop --role-arn to get the preferred role. Its trust policy must also allow this identity pool.`);
  }
  if (name === 'AccessDenied') {
    return make('IDENTITY_POOL_CONFIG', message, `The role's trust policy must allow cognito-identity.amazonaws.com with aud = ${poolId}.`);
  }
  if (name === 'ExpiredToken' || name === 'ExpiredTokenException') {
    return make('TOKEN_EXPIRED', message, 'The credentials or token expired; run the command again to get new ones.');
  }
  return make('AWS_ERROR', `${ctx.operation} failed: ${name}: ${message}`, name === 'InternalErrorException' || (e.$metadata?.httpStatusCode ?? 0) >= 500 ? 'AWS had a problem; try again shortly.' : 'See the AWS error name above; run with --debug for details.');
}
