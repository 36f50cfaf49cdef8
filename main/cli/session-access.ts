import { AppError } from '../core/errors/app-error.js';
import { openSecrets as openCoreSecrets, type OpenedSecrets } from '../core/secrets/open-secrets.js';
import { systemClock } from '../core/ports.js';
import type { SessionVault } from '../core/secrets/session-vault.js';
import { fileProfileLock } from '../core/session/file-lock.js';
import { fileSignInLock } from '../core/session/sign-in-lock.js';
import { vaultPersistence } from '../core/session/vault-persistence.js';
import { createSessionManager, type SessionManager } from '../core/session/session-manager.js';
import { clientConfigFor, profileAuthOps } from '../core/session/profile-auth.js';
import type { Profile } from '../core/profiles/schema.js';
import type { BrowserOpener } from '../core/ports.js';
import { cliContext } from './context.js';
import { fetchFor, printWarning, type Io } from './output.js';

/**
 * The CLI's wiring of the keychain, the session manager and the sign-in engine. The keychain is
 * probed once; when it is unavailable or locked the session lives in this process only, and the
 * user is told so (never a plain-text fallback).
 */
export type CliSecrets = OpenedSecrets;

/** `quiet`: the command reports the keychain's state itself (status, logout), so no generic warning. */
export async function openSecrets(io: Io, opts: { quiet?: boolean } = {}): Promise<CliSecrets> {
  return openCoreSecrets(opts.quiet ? () => undefined : (err) => printWarning(io, err.code, `${err.message} The session will not survive this process.`, err.hint));
}

/**
 * A session may be stored but the keychain could not be read: the truth, instead of "not signed
 * in, log in again" (which would loop: the new session could not be kept either).
 */
export function unreadableSession(secrets: CliSecrets, profile: string): AppError | undefined {
  const p = secrets.problem;
  if (!p) return undefined;
  const why = p.code === 'KEYCHAIN_LOCKED' ? 'the keychain is locked' : 'no keychain is available';
  return new AppError(p.code, `a session for profile "${profile}" may be stored, but it cannot be read: ${why}`, p.hint, { details: { ...(p.details ?? {}), profile } });
}

export interface CliSession {
  manager: SessionManager;
  secrets: CliSecrets;
}

/** A session manager for one CLI invocation; refreshes happen on demand (no background timers). */
export async function cliSession(io: Io, profile: Profile, opts: { browser?: BrowserOpener; clientSecretEnv?: string; quiet?: boolean } = {}): Promise<CliSession> {
  const secrets = await openSecrets(io, opts.quiet ? { quiet: true } : {});
  const ctx = cliContext(io);
  const { secret: clientSecret, fromEnv } = await resolveClientSecret(io, secrets.vault, profile, opts.clientSecretEnv);
  const auth = profileAuthOps(async () => clientConfigFor(profile, clientSecret), {
    clock: systemClock,
    browser: opts.browser ?? { open: async () => undefined },
    ...(io.trace ? { fetch: fetchFor(io, profile.name), trace: io.trace } : {}),
  });
  const manager = createSessionManager({
    persistence: vaultPersistence(secrets.vault, () => secrets.persisted),
    auth,
    clock: systemClock,
    lock: fileProfileLock(ctx.home),
    signInLock: fileSignInLock(ctx.home),
  });
  // A secret given through the environment is kept in the keychain once the session is stored.
  if (fromEnv && clientSecret) {
    manager.subscribe((e) => {
      if (e.reason !== 'signed-in') return;
      void secrets.vault.update(profile.name, (entry) => ({ ...entry, clientSecret }));
    });
  }
  return { manager, secrets };
}

/** The secret from --client-secret-env (then kept in the keychain), else the keychain's copy. */
async function resolveClientSecret(io: Io, vault: SessionVault, profile: Profile, envVar?: string): Promise<{ secret?: string; fromEnv: boolean }> {
  if (envVar) {
    const value = io.env[envVar];
    if (!value) throw new AppError('BAD_USAGE', `$${envVar} is empty or unset`, `export ${envVar}=<the app client secret>, or drop --client-secret-env for a public client`);
    return { secret: value, fromEnv: true };
  }
  const stored = (await vault.read(profile.name))?.clientSecret;
  if (profile.hasClientSecret && !stored) {
    throw new AppError('INVALID_CLIENT', `profile "${profile.name}" needs a client secret and none is in the keychain`, `pass --client-secret-env VAR with the secret in $VAR once; it is then kept in the keychain`);
  }
  return { ...(stored ? { secret: stored } : {}), fromEnv: false };
}

/** Removes a profile's keychain entry (profiles remove). */
export async function forgetSession(io: Io, profile: string): Promise<void> {
  const secrets = await openSecrets(io);
  if (secrets.persisted) await secrets.vault.remove(profile);
}
