import { identityTarget } from '../aws/target.js';
import { enhancedCredentials, getIdentityId } from '../aws/identity-flows.js';
import { whoami } from '../aws/whoami.js';
import { isAppError } from '../errors/app-error.js';
import type { Profile } from '../profiles/schema.js';
import { finding, type DoctorDeps, type DoctorSession, type Finding } from './types.js';

const ROLES = 'Cognito console → Identity pools → your pool → User access';
/** Answers an existing pool gives a login that is not a token: only these show that it exists. */
const REACHED: ReadonlySet<string> = new Set(['LOGINS_MISMATCH', 'TOKEN_EXPIRED', 'SESSION_EXPIRED', 'GUEST_NOT_ALLOWED', 'IDENTITY_POOL_CONFIG']);

/**
 * `identity-pool` and `guest-access`, unsigned calls only. Without a session: GetId with a Logins
 * entry that is not a token, which a pool that exists refuses as a bad login (nothing is created)
 * and a missing pool answers ResourceNotFound. With a session: the ID token's GetId and
 * GetCredentialsForIdentity, as `credentials` does, naming the role that comes back. Guests are
 * probed only for a profile that asks for guest credentials (GetId without Logins creates an identity).
 */
export async function checkIdentity(profile: Profile, session: DoctorSession | undefined, deps: DoctorDeps): Promise<Finding[]> {
  if (!profile.identityPool) {
    return [
      finding('identity-pool', 'skip', '(none)', 'the profile has no identity pool'),
      finding('guest-access', 'skip', '(none)', 'the profile has no identity pool'),
    ];
  }
  const target = identityTarget(profile);
  const pool = target.poolId;
  const out: Finding[] = [];
  const base = { target, fetch: deps.fetch };
  const providerFix = `add the user pool and client as an authentication provider: ${ROLES} → Identity providers → Amazon Cognito user pool (user pool id, app client id ${profile.clientId}), or: aws cognito-identity update-identity-pool --identity-pool-id ${pool} --cognito-identity-providers ProviderName=${target.loginsKey},ClientId=${profile.clientId} ...`;
  if (session?.idToken) {
    try {
      const id = await getIdentityId({ ...base, idToken: session.idToken });
      const creds = await enhancedCredentials({ ...base, idToken: session.idToken }, id);
      // Which role the pool chose shows only in the credentials' own identity (STS GetCallerIdentity).
      const arn = await whoami(target, creds.credentials, deps.fetch).then((me) => me.arn, () => undefined);
      out.push(finding('identity-pool', 'pass', pool, `the ID token is accepted; ${arn ? `credentials for ${arn}` : 'credentials issued'}`));
    } catch (err) {
      const e = isAppError(err) ? err : undefined;
      const notProvider = /supported provider|Invalid login token|Logins don't match/i.test(e?.message ?? '');
      out.push(finding('identity-pool', 'fail', pool, `the ID token is refused: ${e ? `${e.code}: ${e.message}` : String(err)}`,
        e?.code === 'IDENTITY_POOL_NOT_FOUND' ? 'check the identity pool id and region' : notProvider ? providerFix : (e?.hint ?? '')));
    }
  } else {
    try {
      await getIdentityId({ ...base, idToken: 'cognito-inspector-doctor-probe' });
      out.push(finding('identity-pool', 'warn', pool, 'the pool accepted a login that is not a token'));
    } catch (err) {
      const e = isAppError(err) ? err : undefined;
      if (e?.code === 'IDENTITY_POOL_NOT_FOUND' || /not found/i.test(e?.message ?? '')) {
        out.push(finding('identity-pool', 'fail', pool, `the identity pool does not exist: ${e?.message ?? ''}`, `check the id (aws cognito-identity list-identity-pools --max-results 60 --region ${target.region}) and the profile's --identity-endpoint`));
      } else if (e && (REACHED.has(e.code) || e.details?.awsError === 'NotAuthorizedException')) {
        out.push(finding('identity-pool', 'pass', pool, 'exists (whether it accepts this client\'s tokens shows once signed in)'));
      } else {
        // Not reached (network, TLS) or an answer we cannot read: the pool's existence is unknown.
        out.push(finding('identity-pool', 'fail', pool, `could not ask the identity pool: ${e ? `${e.code}: ${e.message}` : String(err)}`, e?.hint ?? 'check the network and the identity pool id'));
      }
    }
  }
  const wantsGuest = profile.identityPool.mode === 'guest';
  if (!wantsGuest) {
    out.push(finding('guest-access', 'skip', pool, 'the profile does not ask for guest credentials (asking the pool would create a guest identity; the console shows it under Identity pools → User access → Guest access)'));
  } else {
    try {
      const id = await getIdentityId(base);
      await enhancedCredentials(base, id);
      out.push(finding('guest-access', 'pass', pool, 'guests get credentials'));
    } catch (err) {
      const e = isAppError(err) ? err : undefined;
      out.push(finding('guest-access', 'fail', pool, `guests are refused: ${e?.message ?? String(err)}`,
        `enable guest access (${ROLES} → Guest access, with an unauthenticated role), or: aws cognito-identity update-identity-pool --identity-pool-id ${pool} --allow-unauthenticated-identities ...`));
    }
  }
  return out;
}
