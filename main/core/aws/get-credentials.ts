import { AppError, isAppError } from '../errors/app-error.js';
import type { Clock, Fetch } from '../ports.js';
import type { AwsCredentialsEntry, SessionVault } from '../secrets/session-vault.js';
import { identityUser, usableCached, wantedRole } from './credentials-cache.js';
import { identityIdKey, type IdentityIdCache } from './identity-id-cache.js';
import { basicCredentials, enhancedCredentials, getIdentityId, type FlowInput, type FlowResult } from './identity-flows.js';
import type { IdentityTarget } from './target.js';

/** The ID token sent to the identity pool must outlive the round trips by this much. */
export const ID_TOKEN_MARGIN_MS = 2 * 60_000;

export interface CredentialDeps {
  vault: SessionVault;
  /** Tokens valid for at least minValidityMs, refreshed first when needed (SessionManager.tokens). */
  tokens(profile: string, minValidityMs: number): Promise<{ idToken?: string }>;
  identityIds: IdentityIdCache;
  clock: Clock;
  /** The recorder's fetch, when the exchanges are traced. */
  fetch?: Fetch;
}

export interface CredentialResult {
  /** With identityId and roleArn (the role asked for, or the token's preferred role). */
  credentials: AwsCredentialsEntry;
  /** true: answered from the keychain, no request made. */
  cached: boolean;
}

/**
 * Temporary AWS credentials for a profile's identity pool. Cached in the profile's keychain entry
 * until RENEW_BEFORE_MS before they expire; a cache hit makes no request. A cached IdentityId
 * the pool no longer knows (or that belongs to another login) is dropped and GetId asked once more.
 */
export async function getAwsCredentials(target: IdentityTarget, deps: CredentialDeps, opts: { noCache?: boolean } = {}): Promise<CredentialResult> {
  const stored = await deps.vault.read(target.profile);
  const storedKey = identityIdKey(target.profile, target.poolId, identityUser(target, stored?.idToken));
  if (!opts.noCache) {
    const hit = usableCached(target, stored, await deps.identityIds.get(storedKey), deps.clock.now());
    if (hit) return { credentials: hit, cached: true };
  }

  const idToken = target.mode === 'guest' ? undefined : await validIdToken(target, deps);
  const input: FlowInput = { target, ...(idToken ? { idToken } : {}), ...(deps.fetch ? { fetch: deps.fetch } : {}) };
  const key = identityIdKey(target.profile, target.poolId, identityUser(target, idToken));
  const run = target.mode === 'basic' ? basicCredentials : enhancedCredentials;

  let identityId = await deps.identityIds.get(key);
  const fromCache = identityId !== undefined;
  identityId ??= await getIdentityId(input);
  let result: FlowResult;
  try {
    result = await run(input, identityId);
  } catch (err) {
    if (!fromCache || !staleIdentity(err)) throw err;
    await deps.identityIds.remove(key);
    identityId = await getIdentityId(input);
    result = await run(input, identityId);
  }
  await deps.identityIds.set(key, result.identityId);

  const role = result.credentials.roleArn ?? wantedRole(target, idToken);
  const credentials: AwsCredentialsEntry = { ...result.credentials, identityId: result.identityId, ...(role ? { roleArn: role } : {}) };
  // update() reads the entry afresh: the token refresh above may have rewritten it.
  await deps.vault.update(target.profile, (rest) => ({ ...rest, awsCredentials: credentials }));
  return { credentials, cached: false };
}

async function validIdToken(target: IdentityTarget, deps: CredentialDeps): Promise<string> {
  const tokens = await deps.tokens(target.profile, ID_TOKEN_MARGIN_MS);
  if (!tokens.idToken) {
    throw new AppError('NOT_SIGNED_IN', `the session of profile "${target.profile}" has no ID token, which the identity pool needs`,
      `sign in with the openid scope: cognito-inspector login --profile ${target.profile} --scope "openid email", or use --mode guest`);
  }
  return tokens.idToken;
}

/** An IdentityId from the cache that the pool does not know, or that is linked to another login. */
function staleIdentity(err: unknown): boolean {
  if (!isAppError(err)) return false;
  const name = err.details?.awsError;
  const op = err.details?.operation;
  if (op === 'AssumeRoleWithWebIdentity') return false;
  return (name === 'ResourceNotFoundException' && err.code !== 'IDENTITY_POOL_NOT_FOUND') || err.code === 'LOGINS_MISMATCH' && /Logins don't match/i.test(err.message);
}
