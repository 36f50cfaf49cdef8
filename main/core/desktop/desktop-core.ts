import { AppError } from '../errors/app-error.js';
import type { CredentialsView, EventChannel, EventPayloads, InvokeResponses, ProfileSummary, SessionView, SignInWaiting } from '../ipc/contract.js';
import type { BrowserOpener, Clock, ShellPorts } from '../ports.js';
import { cachingFetch } from '../net/caching-fetch.js';
import { createProfileStore } from '../profiles/store.js';
import { openSecrets } from '../secrets/open-secrets.js';
import { fileProfileLock } from '../session/file-lock.js';
import { fileSignInLock } from '../session/sign-in-lock.js';
import { clientConfigFor, profileAuthOps } from '../session/profile-auth.js';
import { createSessionManager } from '../session/session-manager.js';
import type { SessionSnapshot } from '../session/types.js';
import { vaultPersistence } from '../session/vault-persistence.js';
import { createRecorder } from '../trace/recorder.js';
import { awsHandlers } from './aws-handlers.js';
import { bootstrap } from './bootstrap.js';
import { testerHandlers } from './tester-handlers.js';
import { testerTryHandlers } from './tester-try.js';
import { timelineHandlers } from './timeline-handlers.js';
import { createCredentialsKeeper } from './credentials-keeper.js';
import type { InspectTokenRequest } from './inspect-token.js';
import { ensureLocalPool, type StartLocalPool } from './local-pool.js';
import { profileHandlers, profileSummary } from './profile-handlers.js';
import { watchProfilesFile } from './profiles-watch.js';
import { createSessionViews } from './session-view.js';

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
  /** How long a sign-in waits for the browser (default 5 minutes). */
  signInTimeoutMs?: number;
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
  // After a fall-back to memory, each write tries the keychain again (as does wake); said once when it works.
  const secrets = await openSecrets(deps.onKeychainProblem, {
    retry: true,
    onRecovered: () => deps.log('keychain: available again; sessions kept in memory are now stored in it and will survive a restart'),
  });
  // The Timeline tab's record of every sign-in, refresh and revocation, per profile, redacted.
  const recorder = createRecorder({ clock: deps.clock });
  const manager = createSessionManager({
    persistence: vaultPersistence(secrets.vault, () => secrets.persisted),
    auth: profileAuthOps(async (name) => clientConfigFor(await profiles.get(name), (await secrets.vault.read(name))?.clientSecret), {
      clock: deps.clock,
      browser: deps.browser,
      recorder,
    }),
    clock: deps.clock,
    lock: fileProfileLock(deps.home),
    signInLock: fileSignInLock(deps.home), // the CLI's `login` takes the same one
    autoRefresh: true,
  });

  // The inspector shows tokens on every render; their issuer's keys need fetching once, not each time.
  const inspectFetch = cachingFetch(globalThis.fetch, deps.clock);
  const waitingListeners = new Set<(w: SignInWaiting) => void>();
  const tryWaitingListeners = new Set<(w: SignInWaiting) => void>();
  const credentialListeners = new Set<(v: CredentialsView) => void>();
  const profileListeners = new Set<(list: ProfileSummary[]) => void>();
  const keeper = createCredentialsKeeper({
    clock: deps.clock,
    idToken: (p) => manager.snapshot(p).idToken,
    profile: (name) => profiles.get(name),
    credentialDeps: async (profile) => {
      const { fileIdentityIdCache } = await import('../aws/identity-id-cache.js');
      // Through the recorder: GetId, GetCredentialsForIdentity / GetOpenIdToken and STS land in the profile's Timeline, redacted.
      return { vault: secrets.vault, tokens: (p, ms) => manager.tokens(p, ms), identityIds: fileIdentityIdCache(deps.home), clock: deps.clock, fetch: recorder.wrap(globalThis.fetch, { profile }) };
    },
    onChange: (v) => credentialListeners.forEach((l) => l(v)),
  });
  // Signed out: no more renewals for that profile.
  manager.subscribe((e) => {
    if (e.snapshot.state === 'signed-out') keeper.stop(e.profile);
  });

  // The refresh lifetime (for the estimated refresh-token expiry) of each profile, kept current by the watcher.
  const lifetimes = new Map<string, number | undefined>();
  const rememberLifetimes = (list: Awaited<ReturnType<typeof profiles.list>>) => {
    lifetimes.clear();
    for (const p of list) lifetimes.set(p.name, p.refreshTokenLifetimeSeconds);
    return list;
  };
  const sessionViews = createSessionViews({ clock: deps.clock, refreshLifetimeSeconds: (p) => lifetimes.get(p) });
  manager.subscribe((e) => sessionViews.record(e));
  const view = (s: SessionSnapshot): SessionView => sessionViews.view(s);

  // profiles.json changed (the window's own edits, or the CLI's): tell the window, once per change.
  let lastProfiles = '';
  const profilesChanged = () =>
    void profiles.list().then(
      (list) => {
        const summaries = rememberLifetimes(list).map(profileSummary);
        const key = JSON.stringify(summaries);
        if (key === lastProfiles) return;
        lastProfiles = key;
        profileListeners.forEach((l) => l(summaries));
      },
      () => undefined, // a half-edited or invalid file: profiles:list reports it when asked
    );
  lastProfiles = JSON.stringify(rememberLifetimes(await profiles.list()).map(profileSummary));
  const stopWatching = await watchProfilesFile(profiles.path, profilesChanged);
  const signOutQuietly = async (profile: string) => {
    keeper.stop(profile);
    await manager.signOut(profile);
  };

  // Restore every saved profile: at most one refresh each, none while cached tokens are valid.
  const restored = Promise.all((await profiles.list()).map((p) => manager.restore(p.name).catch(() => undefined)));
  let restoring = true;
  void restored.finally(() => (restoring = false));

  const handlers: { [C in keyof InvokeResponses]: (req: never) => Promise<InvokeResponses[C]> } = {
    'app:bootstrap': async (req: { profile?: string }) =>
      bootstrap(req, {
        capabilities: () => handlers['app:capabilities']({} as never),
        keychain: () => handlers['app:keychain']({} as never),
        profiles: () => handlers['profiles:list']({} as never),
        sessionIfRestored: (profile) => (restoring ? undefined : view(manager.snapshot(profile))),
      }),
    'app:capabilities': async () => ({
      mainClipboard: Boolean(deps.shell?.writeClipboard),
      nativeFilePicker: Boolean(deps.shell?.pickFile),
      focusWindow: Boolean(deps.shell?.focusWindow),
    }),
    'app:copy-text': async (req: { text: string }) => {
      if (!deps.shell?.writeClipboard) throw new AppError('INVALID_INPUT', 'this shell has no main-process clipboard', "use the page's own clipboard");
      await deps.shell.writeClipboard(req.text);
      return { copied: true };
    },
    'app:keychain': async () => ({ available: secrets.persisted, ...(secrets.problem ? { problem: secrets.problem } : {}) }),
    ...profileHandlers({ profiles, vault: secrets.vault, shell: deps.shell, signOut: signOutQuietly, changed: profilesChanged }),
    'session:get': async (req: { profile: string }) => {
      await restored;
      return view(manager.snapshot(req.profile));
    },
    'auth:sign-in': async (req: { profile: string; prompt?: 'login'; identityProvider?: string }) => {
      await profiles.get(req.profile);
      let waiting: SignInWaiting | undefined;
      const extraParams = { ...(req.prompt ? { prompt: req.prompt } : {}), ...(req.identityProvider ? { identity_provider: req.identityProvider } : {}) };
      // However the sign-in ends in the browser, the window comes back to the front.
      const finished = await manager
        .signIn(req.profile, {
          timeoutMs: deps.signInTimeoutMs ?? SIGN_IN_TIMEOUT_MS,
          ...(Object.keys(extraParams).length ? { extraParams } : {}),
          onListening: (info) => {
            waiting = { profile: req.profile, startUrl: info.startUrl, deadline: deps.clock.now() + (deps.signInTimeoutMs ?? SIGN_IN_TIMEOUT_MS) };
            waitingListeners.forEach((l) => l(waiting!));
          },
          // A browser that cannot start is not the end: the window shows the URL to open by hand.
          onBrowserError: (error) => {
            if (waiting) waitingListeners.forEach((l) => l({ ...waiting!, browserError: error.toInfo() }));
          },
        })
        .finally(() => {
          if (waiting) deps.shell?.focusWindow?.();
        });
      return view(finished);
    },
    'auth:refresh': async (req: { profile: string }) => {
      await manager.refresh(req.profile);
      return view(manager.snapshot(req.profile));
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
    ...timelineHandlers(recorder, process.env.npm_package_version ?? '0.1.0'),
    ...testerHandlers({ clock: deps.clock, profile: (name) => profiles.get(name), vault: secrets.vault, manager }),
    ...testerTryHandlers({
      clock: deps.clock, browser: deps.browser, recorder, vault: secrets.vault, profile: (name) => profiles.get(name),
      signInTimeoutMs: deps.signInTimeoutMs ?? SIGN_IN_TIMEOUT_MS,
      signInLock: fileSignInLock(deps.home),
      onWaiting: (w) => tryWaitingListeners.forEach((l) => l(w)),
      ...(deps.shell?.focusWindow ? { focusWindow: () => deps.shell?.focusWindow?.() } : {}),
    }),
    ...awsHandlers({ clock: deps.clock, vault: secrets.vault, shell: deps.shell, profile: (name) => profiles.get(name), keeper, fetch: (profile) => recorder.wrap(globalThis.fetch, { profile }) }),
  };

  const onSessionChanged = (listener: (view: SessionView) => void): (() => void) => manager.subscribe((e) => listener(view(e.snapshot)));
  const onSignInWaiting = (listener: (w: SignInWaiting) => void): (() => void) => {
    waitingListeners.add(listener);
    return () => void waitingListeners.delete(listener);
  };
  const onCredentialsChanged = (listener: (view: CredentialsView) => void): (() => void) => {
    credentialListeners.add(listener);
    return () => void credentialListeners.delete(listener);
  };
  const onProfilesChanged = (listener: (list: ProfileSummary[]) => void): (() => void) => {
    profileListeners.add(listener);
    return () => void profileListeners.delete(listener);
  };
  // Every event channel of the contract, by name: a shell forwards them all without per-channel code
  // (the browser shell does), and a channel added to the contract fails to compile until it is here.
  const events: { [E in EventChannel]: (listener: (payload: EventPayloads[E]) => void) => () => void } = {
    'session:changed': onSessionChanged,
    'credentials:changed': onCredentialsChanged,
    'auth:waiting': onSignInWaiting,
    'profiles:changed': onProfilesChanged,
    'tester:waiting': (listener) => {
      tryWaitingListeners.add(listener);
      return () => void tryWaitingListeners.delete(listener);
    },
  };

  return {
    handlers,
    secrets,
    onSessionChanged,
    onSignInWaiting,
    onProfilesChanged,
    onCredentialsChanged,
    subscribe<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void {
      return events[channel](listener);
    },
    /** Resume from sleep, or the network came back: refresh what is due now. */
    wake: async () => {
      if (!secrets.persisted) await secrets.retryKeychain().catch(() => false);
      await manager.wake();
      await keeper.wake();
    },
    async dispose(): Promise<void> {
      stopWatching();
      keeper.dispose();
      manager.dispose();
      await localPool?.stop();
    },
  };
}
