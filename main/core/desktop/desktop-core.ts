import type { AppError } from '../errors/app-error.js';
import type { CredentialsView, InvokeResponses, SessionView, SignInWaiting } from '../ipc/contract.js';
import type { BrowserOpener, Clock, ShellPorts } from '../ports.js';
import { cachingFetch } from '../net/caching-fetch.js';
import { parseCognitoIssuer } from '../profiles/cognito-issuer.js';
import { createProfileStore } from '../profiles/store.js';
import { openSecrets } from '../secrets/open-secrets.js';
import { fileProfileLock } from '../session/file-lock.js';
import { clientConfigFor, profileAuthOps } from '../session/profile-auth.js';
import { createSessionManager } from '../session/session-manager.js';
import type { SessionSnapshot } from '../session/types.js';
import { vaultPersistence } from '../session/vault-persistence.js';
import { createCredentialsKeeper } from './credentials-keeper.js';
import type { InspectTokenRequest } from './inspect-token.js';
import { ensureLocalPool, type StartLocalPool } from './local-pool.js';

/**
 * Everything the desktop app does, in plain Node: the Electron shell (main/app) only feeds it
 * IPC requests, the browser opener and power/network events, and forwards its session events.
 */
export interface DesktopCoreDeps {
  home: string;
  browser: BrowserOpener;
  clock: Clock;
  log: (line: string) => void;
  onKeychainProblem?: (error: AppError) => void;
  /** What the hosting shell can do beyond the browser (absent in the browser shell). */
  shell?: ShellPorts;
  /** Starts the embedded "Local pool (demo)"; the shell builds it on emulator/embedded.ts. Absent: no local pool. */
  startLocalPool?: StartLocalPool;
}

export type DesktopCore = Awaited<ReturnType<typeof createDesktopCore>>;

const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export async function createDesktopCore(deps: DesktopCoreDeps) {
  const profiles = createProfileStore(deps.home);
  const localPool = await ensureLocalPool(profiles, deps.startLocalPool, deps.log);
  const secrets = await openSecrets(deps.onKeychainProblem);
  const manager = createSessionManager({
    persistence: vaultPersistence(secrets.vault, () => secrets.persisted),
    auth: profileAuthOps(async (name) => clientConfigFor(await profiles.get(name), (await secrets.vault.read(name))?.clientSecret), {
      clock: deps.clock,
      browser: deps.browser,
    }),
    clock: deps.clock,
    lock: fileProfileLock(deps.home),
    autoRefresh: true,
  });

  // The inspector shows tokens on every render; their issuer's keys need fetching once, not each time.
  const inspectFetch = cachingFetch(globalThis.fetch, deps.clock);
  const waitingListeners = new Set<(w: SignInWaiting) => void>();
  const credentialListeners = new Set<(v: CredentialsView) => void>();
  const keeper = createCredentialsKeeper({
    clock: deps.clock,
    profile: (name) => profiles.get(name),
    credentialDeps: async () => {
      const { fileIdentityIdCache } = await import('../aws/identity-id-cache.js');
      return { vault: secrets.vault, tokens: (p, ms) => manager.tokens(p, ms), identityIds: fileIdentityIdCache(deps.home), clock: deps.clock };
    },
    onChange: (v) => credentialListeners.forEach((l) => l(v)),
  });
  // Signed out: no more renewals for that profile.
  manager.subscribe((e) => {
    if (e.snapshot.state === 'signed-out') keeper.stop(e.profile);
  });

  const view = (s: SessionSnapshot): SessionView => ({
    profile: s.profile,
    state: s.state,
    persisted: s.persisted,
    ...(s.idToken ? { idToken: s.idToken } : {}),
    ...(s.accessToken ? { accessToken: s.accessToken } : {}),
    ...(s.accessTokenExpiresAt ? { accessTokenExpiresAt: s.accessTokenExpiresAt } : {}),
    ...(s.error ? { error: s.error } : {}),
  });

  // Restore every saved profile: at most one refresh each, none while cached tokens are valid.
  const restored = Promise.all((await profiles.list()).map((p) => manager.restore(p.name).catch(() => undefined)));

  const handlers: { [C in keyof InvokeResponses]: (req: never) => Promise<InvokeResponses[C]> } = {
    'app:capabilities': async () => ({
      mainClipboard: Boolean(deps.shell?.writeClipboard),
      nativeFilePicker: Boolean(deps.shell?.pickFile),
      focusWindow: Boolean(deps.shell?.focusWindow),
    }),
    'profiles:list': async () =>
      (await profiles.list()).map((p) => ({ name: p.name, issuer: p.issuer, clientId: p.clientId, local: Boolean(parseCognitoIssuer(p.issuer)?.local) })),
    'session:get': async (req: { profile: string }) => {
      await restored;
      return view(manager.snapshot(req.profile));
    },
    'auth:sign-in': async (req: { profile: string; prompt?: 'login' }) => {
      await profiles.get(req.profile);
      let waiting: SignInWaiting | undefined;
      return view(
        await manager.signIn(req.profile, {
          timeoutMs: SIGN_IN_TIMEOUT_MS,
          ...(req.prompt ? { extraParams: { prompt: req.prompt } } : {}),
          onListening: (info) => {
            waiting = { profile: req.profile, startUrl: info.startUrl, deadline: deps.clock.now() + SIGN_IN_TIMEOUT_MS };
            waitingListeners.forEach((l) => l(waiting!));
          },
          // A browser that cannot start is not the end: the window shows the URL to open by hand.
          onBrowserError: (error) => {
            if (waiting) waitingListeners.forEach((l) => l({ ...waiting!, browserError: error.toInfo() }));
          },
        }),
      );
    },
    'auth:cancel': async (req: { profile: string }) => ({ cancelled: manager.cancelSignIn(req.profile) }),
    'auth:sign-out': async (req: { profile: string; hosted?: boolean }) => {
      const profile = await profiles.get(req.profile);
      await manager.signOut(req.profile);
      if (req.hosted && profile.logoutUri) {
        const { hostedLogoutUrl } = await import('../auth/revoke.js');
        const url = await hostedLogoutUrl(clientConfigFor(profile), profile.logoutUri, { clock: deps.clock });
        if (url) await deps.browser.open(url);
      }
      return view(manager.snapshot(req.profile));
    },
    'inspect:token': async (req: InspectTokenRequest) => {
      const { inspectTokenForWindow } = await import('./inspect-token.js');
      return inspectTokenForWindow(req, { now: deps.clock.now(), fetch: inspectFetch, profiles });
    },
    'credentials:get': async (req: { profile: string; fresh?: boolean }) => keeper.get(req.profile, Boolean(req.fresh)),
  };

  return {
    handlers,
    secrets,
    onSessionChanged(listener: (view: SessionView) => void): () => void {
      return manager.subscribe((e) => listener(view(e.snapshot)));
    },
    onSignInWaiting(listener: (w: SignInWaiting) => void): () => void {
      waitingListeners.add(listener);
      return () => waitingListeners.delete(listener);
    },
    onCredentialsChanged(listener: (view: CredentialsView) => void): () => void {
      credentialListeners.add(listener);
      return () => credentialListeners.delete(listener);
    },
    /** Resume from sleep, or the network came back: refresh what is due now. */
    wake: async () => {
      await manager.wake();
      await keeper.wake();
    },
    async dispose(): Promise<void> {
      keeper.dispose();
      manager.dispose();
      await localPool?.stop();
    },
  };
}
