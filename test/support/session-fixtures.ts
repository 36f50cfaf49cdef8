import { createServer } from 'node:net';
import { DEFAULT_CONFIG, startEmulator, type Emulator, type EmulatorConfigInput } from '../../emulator/index.js';
import { createDiscoveryCache } from '../../main/core/auth/discovery.js';
import type { BrowserOpener, Clock } from '../../main/core/ports.js';
import { profileSchema, type Profile } from '../../main/core/profiles/schema.js';
import { createChunkedStore } from '../../main/core/secrets/chunked-store.js';
import { createKeyringStore } from '../../main/core/secrets/keyring-store.js';
import { createMemoryStore } from '../../main/core/secrets/memory-store.js';
import { createSessionVault, type SessionVault } from '../../main/core/secrets/session-vault.js';
import { memoryProfileLock, type ProfileLock } from '../../main/core/session/file-lock.js';
import { clientConfigFor, profileAuthOps } from '../../main/core/session/profile-auth.js';
import { createSessionManager, type SessionManager } from '../../main/core/session/session-manager.js';
import type { SessionEvent } from '../../main/core/session/types.js';
import { vaultPersistence } from '../../main/core/session/vault-persistence.js';
import { fetchVia, startToggleProxy, type ToggleProxy } from './toggle-proxy.js';

/** Set by scripts/with-keyring.sh: a real gnome-keyring is on the session bus. */
export const KEYRING = process.env.COGNITO_INSPECTOR_TEST_KEYRING;
export const NO_KEYRING = KEYRING ? '' : ' [SKIPPED: COGNITO_INSPECTOR_TEST_KEYRING unset; run under `dbus-run-session -- scripts/with-keyring.sh`]';
/** The Secret Service "service" of entries these tests write with the in-process keyring store. */
export const TEST_SERVICE = 'cognito-inspector-test';
export const DEMO_CLIENT_ID = 'localdemoclient0000000000';

type ClientInput = NonNullable<EmulatorConfigInput['userPool']['clients']>[number];

/** A port free right now (registered as the client's callback, so runs do not collide on 53682). */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** DEFAULT_CONFIG with the demo client's settings overridden, its callbacks on `port`, and extra clients. */
export function emulatorConfig(port: number, client: Partial<ClientInput> = {}, extra: ClientInput[] = []): EmulatorConfigInput {
  const config = structuredClone(DEFAULT_CONFIG);
  const demo = config.userPool.clients[0] as ClientInput;
  const callbacks = { callbackUrls: [`http://localhost:${port}/callback`], logoutUrls: [`http://localhost:${port}/signed-out`] };
  config.userPool.clients = [{ ...demo, ...callbacks, ...client }, ...extra.map((c) => ({ ...callbacks, ...c }))];
  return config;
}

/** Real time plus an offset the test can jump forward (a laptop lid closed for an hour). */
export function jumpableClock(): Clock & { jump(ms: number): void; readonly offset: number } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    jump: (ms) => void (offset += ms),
    get offset() {
      return offset;
    },
  };
}

/** Token endpoint requests (every grant) the emulator has answered so far. */
export const tokenPosts = (e: Emulator): number => e.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/token')).length;

/**
 * The user's browser played with fetch: it follows the redirect chain from the start URL, and on the
 * emulator's hosted-UI login page posts the form (with its CSRF cookie) as `username`, then follows
 * on to the app's loopback callback.
 */
export function formBrowser(username = 'alice', password = 'Passw0rd!'): BrowserOpener & { done: Promise<void> | undefined } {
  const b: BrowserOpener & { done: Promise<void> | undefined } = {
    done: undefined,
    open: async (start) => {
      b.done = (async () => {
        // A cookie jar per host:port, as a browser keeps one (the sign-in listener sets a per-attempt
        // cookie on its start URL and wants it back on the callback).
        const jar = new Map<string, Map<string, string>>();
        const cookieHeader = (u: string) => [...(jar.get(new URL(u).host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
        const keep = (u: string, res: Response) => {
          const host = new URL(u).host;
          for (const line of res.headers.getSetCookie()) {
            const [pair = ''] = line.split(';');
            const eq = pair.indexOf('=');
            if (eq > 0) (jar.get(host) ?? jar.set(host, new Map()).get(host)!).set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
          }
        };
        let url = start;
        let init: RequestInit = { redirect: 'manual' };
        for (let hop = 0; hop < 12; hop++) {
          const cookie = cookieHeader(url);
          const res = await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...(cookie ? { Cookie: cookie } : {}) } });
          keep(url, res);
          init = { redirect: 'manual' };
          const location = res.headers.get('location');
          if (res.status >= 300 && res.status < 400 && location) {
            await res.body?.cancel();
            url = new URL(location, url).href;
            continue;
          }
          const body = await res.text();
          if (new URL(url).pathname !== '/login' || res.status !== 200) return;
          const csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
          init = {
            method: 'POST',
            redirect: 'manual',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ _csrf: csrf, username, password }),
          };
        }
        throw new Error(`formBrowser: too many hops from ${start}`);
      })();
      b.done.catch(() => undefined);
    },
  };
  return b;
}

/** The session vault on the real Secret Service (service TEST_SERVICE), or in memory without one. */
let warnedMemory = false;
export function testVault(opts: { keychain?: boolean } = {}): { vault: SessionVault; onKeychain: boolean } {
  const onKeychain = (opts.keychain ?? true) && Boolean(KEYRING);
  // Said, not silent: the session behaviour still runs, on memory, but the keychain part does not.
  if ((opts.keychain ?? true) && !KEYRING && !warnedMemory) {
    warnedMemory = true;
    console.warn(`session harness: the keychain is replaced by memory in this file${NO_KEYRING}`);
  }
  const store = onKeychain ? createChunkedStore(createKeyringStore({ service: TEST_SERVICE })) : createMemoryStore();
  return { vault: createSessionVault(store), onKeychain };
}

export interface SessionHarness {
  e: Emulator;
  proxy: ToggleProxy;
  profile: Profile;
  vault: SessionVault;
  onKeychain: boolean;
  manager: SessionManager;
  events: SessionEvent[];
  clock: ReturnType<typeof jumpableClock>;
  /** A second manager over the same vault (another process restoring), with the same auth wiring. */
  newManager(opts?: { autoRefresh?: boolean }): SessionManager;
  stop(): Promise<void>;
}

/**
 * The emulator, a toggle proxy the engine reaches it through, and a session manager over the real
 * keychain (when the run has one), signed in as alice through the real sign-in engine. The emulator,
 * the manager and the engine share one jumpable clock.
 */
export interface HarnessOptions {
  client?: Partial<ClientInput>;
  extraClients?: ClientInput[];
  autoRefresh?: boolean;
  keychain?: boolean;
  lock?: ProfileLock;
  /** The managers' jitter source (0.5: no jitter on retries, so backoff steps are exact). */
  random?: () => number;
  /** Called with the form of each token request, before it is sent. */
  onTokenRequest?: (form: URLSearchParams) => Promise<void>;
  /** Called with the form of each token request once the server has answered, before the engine sees the answer. */
  afterTokenRequest?: (form: URLSearchParams) => Promise<void>;
}

export async function startSessionHarness(opts: HarnessOptions = {}): Promise<SessionHarness> {
  const clock = jumpableClock();
  const port = await freePort();
  const e = await startEmulator({ config: emulatorConfig(port, opts.client, opts.extraClients), clock });
  const proxy = await startToggleProxy({ port: e.port });
  const profile = profileSchema.parse({
    name: `it-${Math.random().toString(36).slice(2, 10)}`,
    issuer: e.issuer,
    clientId: DEMO_CLIENT_ID,
    redirectUris: [`http://localhost:${port}/callback`],
  });
  const { vault, onKeychain } = testVault(opts.keychain === undefined ? {} : { keychain: opts.keychain });
  const browser = formBrowser();
  const lock = opts.lock ?? memoryProfileLock();
  const managers: SessionManager[] = [];
  const routed = fetchVia(e.url, () => proxy.origin);
  const spied: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const form = init?.method === 'POST' && url.endsWith('/oauth2/token') ? new URLSearchParams(String(init.body)) : undefined;
    if (form && opts.onTokenRequest) await opts.onTokenRequest(form);
    const res = await routed(input, init);
    if (form && opts.afterTokenRequest) await opts.afterTokenRequest(form);
    return res;
  };
  const newManager = (o: { autoRefresh?: boolean } = {}) => {
    const m = createSessionManager({
      persistence: vaultPersistence(vault, () => onKeychain),
      auth: profileAuthOps(async () => clientConfigFor(profile), { clock, browser, fetch: spied, discoveryCache: createDiscoveryCache() }),
      clock,
      lock,
      ...(opts.random ? { random: opts.random } : {}),
      ...(o.autoRefresh !== undefined ? { autoRefresh: o.autoRefresh } : {}),
    });
    managers.push(m);
    return m;
  };
  const manager = newManager(opts.autoRefresh !== undefined ? { autoRefresh: opts.autoRefresh } : {});
  const events: SessionEvent[] = [];
  manager.subscribe((ev) => events.push(ev));
  await manager.signIn(profile.name, { timeoutMs: 20_000 });
  return {
    e,
    proxy,
    profile,
    vault,
    onKeychain,
    manager,
    events,
    clock,
    newManager,
    stop: async () => {
      for (const m of managers) m.dispose();
      await vault.remove(profile.name).catch(() => undefined);
      await proxy.stop();
      await e.stop();
    },
  };
}

/** Resolves once `check()` is true (polling every 25 ms), or rejects after `ms`. */
export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

/**
 * Makes sure dist/ holds the current sources (see ensure-built.ts), so spawned processes run them.
 */
export async function buildCli(): Promise<void> {
  const { ensureBuilt } = await import('./ensure-built.js');
  ensureBuilt();
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns `node bin/cognito-inspector.js ...args` with `env` (after `wrap`, a command that ends by
 * running its arguments, e.g. dbus-run-session); resolves when it exits.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000, wrap: string[] = []): Promise<CliRun> {
  const { spawn } = await import('node:child_process');
  const command = [...wrap, process.execPath, `${ROOT}/bin/cognito-inspector.js`, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(command[0] ?? process.execPath, command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
