import type { CredentialDeps } from '../aws/get-credentials.js';
import type { AppError } from '../errors/app-error.js';
import type { CredentialsView } from '../ipc/contract.js';
import { isAppError } from '../errors/app-error.js';
import type { Clock } from '../ports.js';
import type { Profile } from '../profiles/schema.js';
import type { AwsCredentialsEntry } from '../secrets/session-vault.js';


/** Renew this long before Expiration: the CLI's cache stops serving credentials at the same point. */
export const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Keeps each profile's AWS credentials fresh for the app: once asked for, they are renewed on their
 * own before they expire (and the ID token refreshed first when needed, by getAwsCredentials), and
 * every change is reported. Stopped per profile on sign-out.
 */
export function createCredentialsKeeper(deps: {
  clock: Clock;
  credentialDeps: () => Promise<CredentialDeps>;
  profile: (name: string) => Promise<Profile>;
  onChange: (view: CredentialsView) => void;
}) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const renewals = new Map<string, number>();

  const view = (profile: string, c: AwsCredentialsEntry, cached: boolean, renewsAt: number | undefined): CredentialsView => ({
    profile,
    accessKeyId: c.accessKeyId,
    ...(c.expiration ? { expiration: c.expiration } : {}),
    ...(c.identityId ? { identityId: c.identityId } : {}),
    ...(c.roleArn ? { roleArn: c.roleArn } : {}),
    cached,
    ...(renewsAt ? { renewsAt } : {}),
  });

  function stop(profile: string): void {
    clearTimeout(timers.get(profile));
    timers.delete(profile);
    renewals.delete(profile);
  }

  async function fetchCredentials(profileName: string, fresh: boolean): Promise<CredentialsView> {
    stop(profileName);
    const [{ getAwsCredentials }, { identityTarget }] = await Promise.all([import('../aws/get-credentials.js'), import('../aws/target.js')]);
    try {
      const target = identityTarget(await deps.profile(profileName));
      const { credentials, cached } = await getAwsCredentials(target, await deps.credentialDeps(), { noCache: fresh });
      const renewsAt = credentials.expiration ? Math.max(deps.clock.now() + 1000, credentials.expiration - RENEW_BEFORE_MS) : undefined;
      if (renewsAt) {
        const t = setTimeout(() => void fetchCredentials(profileName, false).then(deps.onChange, () => undefined), renewsAt - deps.clock.now());
        t.unref?.();
        timers.set(profileName, t);
        renewals.set(profileName, renewsAt);
      }
      const v = view(profileName, credentials, cached, renewsAt);
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
    get: (profile: string, fresh = false) => fetchCredentials(profile, fresh),
    stop,
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
