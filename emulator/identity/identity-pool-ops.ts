import type { IdentityContext } from './context.js';
import { findPool } from './context.js';
import { IdentityError, messages } from './errors.js';
import type { IdentityRecord } from './identity-store.js';
import { optionalLogins, optionalRoleArn, requiredId, type JsonInput } from './json-input.js';
import { verifyLogins, type VerifiedLogin } from './logins.js';
import { resolveRole } from './role-resolution.js';

/** Enhanced-flow credentials last one hour; the API has no duration parameter (reference §4). */
const ENHANCED_CREDENTIALS_SECONDS = 3600;
/** The session name Cognito uses: assumed-role/<Role>/CognitoIdentityCredentials. */
const ENHANCED_SESSION_NAME = 'CognitoIdentityCredentials';

const notAuthorized = (message: string): IdentityError => new IdentityError('NotAuthorizedException', message);

export async function getId(ctx: IdentityContext, input: JsonInput): Promise<{ IdentityId: string }> {
  const pool = findPool(ctx, requiredId(input, 'IdentityPoolId'));
  const login = await verifyLogins(pool, optionalLogins(input), ctx.verifier);
  if (login) return { IdentityId: ctx.identities.forUser(pool.id, login.providerName, login.sub).identityId };
  if (!pool.allowUnauthenticated) throw notAuthorized(messages.unauthenticatedNotSupported);
  return { IdentityId: ctx.identities.newGuest(pool.id).identityId };
}

export async function getCredentialsForIdentity(ctx: IdentityContext, input: JsonInput): Promise<unknown> {
  const record = findIdentity(ctx, input);
  const customRoleArn = optionalRoleArn(input);
  const login = await checkLogins(ctx, record, input);
  const pool = findPool(ctx, record.poolId);
  const decision = resolveRole({ pool, login: login && { link: login.link, claims: login.claims }, customRoleArn });
  if (!decision.ok) throw decision.error;
  const creds = ctx.ledger.issue({
    roleArn: decision.roleArn,
    sessionName: ENHANCED_SESSION_NAME,
    identityId: record.identityId,
    durationSeconds: ENHANCED_CREDENTIALS_SECONDS,
    nowMs: ctx.clock.now(),
  });
  return {
    Credentials: {
      AccessKeyId: creds.accessKeyId,
      SecretKey: creds.secretAccessKey,
      SessionToken: creds.sessionToken,
      // Epoch seconds as a NUMBER: the JS SDK's deserialiser rejects a string.
      Expiration: Math.floor(creds.expiresAt / 1000),
    },
    IdentityId: record.identityId,
  };
}

export async function getOpenIdToken(ctx: IdentityContext, input: JsonInput): Promise<{ IdentityId: string; Token: string }> {
  const record = findIdentity(ctx, input);
  const pool = findPool(ctx, record.poolId);
  if (!pool.allowClassicFlow) throw new IdentityError('InvalidParameterException', messages.classicFlowDisabled);
  const login = await checkLogins(ctx, record, input);
  const amr = login
    ? ['authenticated', login.providerName, `${login.providerName}:CognitoSignIn:${login.sub}`]
    : ['unauthenticated'];
  const issuer = await ctx.openIdTokens;
  const token = await issuer.sign({ sub: record.identityId, aud: pool.id, amr }, ctx.clock.now());
  return { IdentityId: record.identityId, Token: token };
}

function findIdentity(ctx: IdentityContext, input: JsonInput): IdentityRecord {
  const identityId = requiredId(input, 'IdentityId');
  const record = ctx.identities.get(identityId);
  if (!record) throw new IdentityError('ResourceNotFoundException', messages.identityNotFound(identityId));
  return record;
}

/**
 * An identity with a linked login needs that login again on every call; a guest identity may be
 * upgraded by a first login, otherwise it needs a pool that allows guests.
 */
async function checkLogins(ctx: IdentityContext, record: IdentityRecord, input: JsonInput): Promise<VerifiedLogin | undefined> {
  const pool = findPool(ctx, record.poolId);
  const login = await verifyLogins(pool, optionalLogins(input), ctx.verifier);
  if (record.login) {
    if (!login || login.providerName !== record.login.providerName || login.sub !== record.login.sub) throw notAuthorized(messages.loginsDontMatch);
  } else if (login) {
    if (!ctx.identities.linkGuest(record, login.providerName, login.sub)) throw notAuthorized(messages.loginsDontMatch);
  } else if (!pool.allowUnauthenticated) {
    throw notAuthorized(messages.unauthenticatedNotSupported);
  }
  return login;
}
