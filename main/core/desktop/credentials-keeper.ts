import type { CredentialDeps } from '../aws/get-credentials.js';
import type { AppError } from '../errors/app-error.js';
import type { CredentialsView } from '../ipc/contract.js';
import { isAppError } from '../errors/app-error.js';
import type { Clock } from '../ports.js';
import type { Profile } from '../profiles/schema.js';
import type { AwsCredentialsEntry } from '../secrets/session-vault.js';
import type { IdentityTarget } from '../aws/target.js';


/** Renew this long before Expiration: the CLI's cache stops serving credentials at the same point. */
export const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Keeps each profile's AWS credentials fresh for the app: once asked for, they are renewed on their
 * own before they expire (and the ID token refreshed first when needed, by getAwsCredentials), and
 * every change is reported. Stopped per profile on sign-out.
 */
/** What the person asked for on top of the profile: a role from cognito:roles, or guest credentials. */
export interface CredentialChoice {
  roleArn?: string;
  guest?: boolean;
}

/** Why the credentials carry this role, in the words the AWS panel shows. */
export function roleReason(target: IdentityTarget, choice: CredentialChoice, profileRole: string | undefined, preferredRole: string | undefined, roleArn: string | undefined): string {
  if (target.mode === 'guest') return "the identity pool's role for guests (unauthenticated identities)";
  if (choice.roleArn) return 'chosen by you from the roles in the ID token (cognito:roles)';
  if (profileRole) return "the profile's identity-pool roleArn setting";
  if (preferredRole && preferredRole === roleArn) return 'cognito:preferred_role in the ID token (the group with the best precedence)';
  return "the identity pool's choice: its default authenticated role or a rule-based mapping";
}

export function createCredentialsKeeper(deps: {
  clock: Clock;
  /** The session's ID token, for explaining the role (decoded only, never sent anywhere from here). */
  idToken?: (profile: string) => string | undefined;
  /** Per profile: the app passes its recorder's fetch, so these requests land in that profile's Timeline. */
  credentialDeps: (profile: string) => Promise<CredentialDeps>;
  profile: (name: string) => Promise<Profile>;
  onChange: (view: CredentialsView) => void;
}) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const renewals = new Map<string, number>();
  const choices = new Map<string, CredentialChoice>();

  const view = (profile: string, c: AwsCredentialsEntry, cached: boolean, renewsAt: number | undefined, flow: IdentityTarget['mode'], reason: string): CredentialsView => ({
    profile,
    accessKeyId: c.accessKeyId,
    ...(c.expiration ? { expiration: c.expiration } : {}),
    ...(c.identityId ? { identityId: c.identityId } : {}),
    ...(c.roleArn ? { roleArn: c.roleArn } : {}),
    cached,
    ...(renewsAt ? { renewsAt } : {}),
    flow,
    roleReason: reason,
  });

  function stop(profile: string): void {
    clearTimeout(timers.get(profile));
    timers.delete(profile);
    renewals.delete(profile);
  }

  async function fetchCredentials(profileName: string, fresh: boolean, choice: CredentialChoice = choices.get(profileName) ?? {}): Promise<CredentialsView> {
    stop(profileName);
    choices.set(profileName, choice);
    const [{ getAwsCredentials }, { identityTarget }, { readIdClaims }] = await Promise.all([
      import('../aws/get-credentials.js'),
      import('../aws/target.js'),
      import('../aws/id-claims.js'),
    ]);
    try {
      const profile = await deps.profile(profileName);
      const target = identityTarget(profile, { ...(choice.roleArn ? { roleArn: choice.roleArn } : {}), ...(choice.guest ? { mode: 'guest' as const } : {}) });
      const { credentials, cached } = await getAwsCredentials(target, await deps.credentialDeps(profileName), { noCache: fresh });
      const renewsAt = credentials.expiration ? Math.max(deps.clock.now() + 1000, credentials.expiration - RENEW_BEFORE_MS) : undefined;
      if (renewsAt) {
        const t = setTimeout(() => void fetchCredentials(profileName, false).then(deps.onChange, () => undefined), renewsAt - deps.clock.now());
        t.unref?.();
        timers.set(profileName, t);
        renewals.set(profileName, renewsAt);
      }
      const preferred = readIdClaims(deps.idToken?.(profileName)).preferredRole;
      const reason = roleReason(target, choice, profile.identityPool?.roleArn, preferred, credentials.roleArn);
      const v = view(profileName, credentials, cached, renewsAt, target.mode, reason);
      deps.onChange(v);
      return v;
    } catch (err) {
      const error = isAppError(err) ? (err as AppError).toInfo() : { code: 'INTERNAL' as const, message: 'getting AWS credentials failed', hint: 'see the app log' };
      const v: CredentialsView = { profile: profileName, error };
      deps.onChange(v);
      throw err;
    }
  }

  return {
    /** Credentials for the profile (from the keychain cache when still good), renewed on their own from now on. */
    get: (profile: string, fresh = false, choice: CredentialChoice = {}) => fetchCredentials(profile, fresh, choice),
    stop(profile: string): void {
      stop(profile);
      choices.delete(profile);
    },
    /** After sleep (timers may not have fired): renew what is due now. */
    async wake(): Promise<void> {
      const due = [...renewals].filter(([, at]) => at <= deps.clock.now()).map(([p]) => p);
      await Promise.all(due.map((p) => fetchCredentials(p, false).catch(() => undefined)));
    },
    dispose(): void {
      for (const p of [...timers.keys()]) stop(p);
    },
  };
}
