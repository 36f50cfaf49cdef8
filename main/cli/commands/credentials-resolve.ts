import { AppError } from '../../core/errors/app-error.js';
import { systemClock } from '../../core/ports.js';
import type { Profile } from '../../core/profiles/schema.js';
import { inspectorHome } from '../../core/profiles/home.js';
import { getAwsCredentials, type CredentialResult } from '../../core/aws/get-credentials.js';
import { readIdClaims, type IdClaims } from '../../core/aws/id-claims.js';
import { fileIdentityIdCache } from '../../core/aws/identity-id-cache.js';
import { identityTarget, type IdentityTarget } from '../../core/aws/target.js';
import { cliContext } from '../context.js';
import { fetchFor, type Io } from '../output.js';
import { resolveProfile } from '../resolve-profile.js';
import { cliSession, openSecrets } from '../session-access.js';
import { overridesFrom, type CredentialFlags } from './credentials-options.js';

/** The full path: profile, keychain, session manager (refreshing the ID token first), the identity pool. */
export interface ResolvedCredentials extends CredentialResult {
  target: IdentityTarget;
  profile: Profile;
  /** cognito:roles and cognito:preferred_role of the session's ID token (empty for a guest). */
  claims: IdClaims;
}

export async function credentialsFor(io: Io, flags: CredentialFlags): Promise<ResolvedCredentials> {
  const profile = await resolveProfile(cliContext(io).profiles, flags);
  const target = identityTarget(profile, overridesFrom(flags));
  const identityIds = fileIdentityIdCache(inspectorHome(io.env));
  if (target.mode === 'guest') {
    const { vault } = await openSecrets(io);
    const tokens = () => Promise.reject(new AppError('INTERNAL', 'a guest needs no tokens', 'report this'));
    return { ...(await getAwsCredentials(target, { vault, tokens, identityIds, clock: systemClock, fetch: fetchFor(io, profile.name) }, { noCache: flags.cache === false })), target, profile, claims: { roles: [] } };
  }
  const { manager, secrets } = await cliSession(io, profile, flags.clientSecretEnv ? { clientSecretEnv: flags.clientSecretEnv } : {});
  const result = await getAwsCredentials(target, { vault: secrets.vault, tokens: (p, ms) => manager.tokens(p, ms), identityIds, clock: systemClock, fetch: fetchFor(io, profile.name) }, { noCache: flags.cache === false });
  const claims = readIdClaims((await secrets.vault.read(profile.name))?.idToken);
  return { ...result, target, profile, claims };
}
