import { afterEach, beforeEach } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * Runs the built CLI (bin/cognito-inspector.js → dist/) as a child process, the way a user or a
 * script does, and reads its exit code, stdout and stderr. `npm test` builds first.
 */
export const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/cognito-inspector.js');
export const BROWSER = `node ${join(ROOT, 'test/support/browser-command.mjs')}`;
export const EMULATOR_CLIENT = 'localdemoclient0000000000';

if (!existsSync(join(ROOT, 'dist/main/cli/main.js'))) {
  throw new Error('dist/ is missing: run `npm run -s build:node` before the CLI tests');
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  home: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

/** The child's environment: ours (keyring variables) with a private home and no $BROWSER. */
function childEnv(opts: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, COGNITO_INSPECTOR_HOME: opts.home, NO_COLOR: '1' };
  delete env.BROWSER;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface RunningCli {
  child: ChildProcess;
  result: Promise<CliResult>;
  /** Resolves with stderr so far once it matches `re`. */
  stderrMatching(re: RegExp): Promise<string>;
}

/** Resolves once nothing listens on `port` on 127.0.0.1 (a listener from an earlier file may be closing). */
async function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/** The fixed callback ports must be free when a test starts; wait briefly for a closing listener. */
beforeEach(async () => {
  for (const port of [53682, 53683]) {
    for (let i = 0; i < 100 && !(await portFree(port)); i++) await new Promise((r) => setTimeout(r, 100));
  }
});

/** Every CLI a test started; any still running when its test ends is killed, so none keeps a port. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

export function startCli(args: string[], opts: CliOptions): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(opts), cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  child.once('close', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ re: RegExp; resolve: (s: string) => void }> = [];
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiters.splice(0)) {
      if (w.re.test(stderr)) w.resolve(stderr);
      else waiters.push(w);
    }
  });
  child.stdin!.end(opts.input ?? '');
  const result = new Promise<CliResult>((done) => child.once('close', (code, signal) => done({ code, signal, stdout, stderr })));
  return {
    child,
    result,
    stderrMatching: (re) =>
      new Promise((ok, fail) => {
        if (re.test(stderr)) return ok(stderr);
        waiters.push({ re, resolve: ok });
        void result.then((r) => fail(new Error(`the CLI exited (${r.code}) before stderr matched ${re}:\n${r.stderr}`)));
      }),
  };
}

export function runCli(args: string[], opts: CliOptions): Promise<CliResult> {
  return startCli(args, opts).result;
}

export const freshHome = () => mkdtemp(join(tmpdir(), 'ci-cli-home-'));

/** A unique profile name: keychain entries are per profile name and shared by every test. */
let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;

/**
 * The keychain accounts stored under service cognito-inspector (secret-tool prints attributes on
 * stderr; it exits 0 when nothing matches). A failing secret-tool (no Secret Service, not
 * installed) throws: read as "nothing stored", it would let every absence check pass.
 */
export async function keychainAccounts(): Promise<string[]> {
  const { stdout, stderr } = await promisify(execFile)('secret-tool', ['search', '--all', 'service', 'cognito-inspector']).catch(
    (err: { code?: unknown; stderr?: string; message?: string }) => {
      throw new Error(`secret-tool search failed (${String(err.code)}): ${err.stderr || err.message}; the keychain checks need a Secret Service (run under dbus-run-session -- scripts/with-keyring.sh)`);
    },
  );
  return [...`${stdout}\n${stderr}`.matchAll(/^attribute\.(?:account|username) = (.*)$/gm)].map((m) => m[1]!);
}

/** The profiles saved in a home (profiles.json), by name; {} when there is no file. */
export async function savedProfiles(home: string): Promise<Record<string, { adHoc?: boolean; hasClientSecret?: boolean } & Record<string, unknown>>> {
  try {
    return (JSON.parse(await readFile(join(home, 'profiles.json'), 'utf8')) as { profiles: Record<string, never> }).profiles;
  } catch {
    return {};
  }
}

/** Occupies a loopback port (127.0.0.1) until released; resolves once listening. */
export async function occupy(port: number, host = '127.0.0.1'): Promise<{ release(): Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen({ port, host, exclusive: true }, () => ok());
  });
  return { release: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Whether a port can be bound on 127.0.0.1 right now (the CLI freed it). */
export function isFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer();
    s.once('error', () => ok(false));
    s.listen(port, '127.0.0.1', () => s.close(() => ok(true)));
  });
}

/** The `error[CODE]` and `hint:` lines of an error on stderr. */
export function errorOf(stderr: string): { code: string | undefined; message: string | undefined; hint: string | undefined } {
  const m = /^error\[([A-Z_]+)\]: (.*)$/m.exec(stderr);
  return { code: m?.[1], message: m?.[2], hint: /^hint: (.*)$/m.exec(stderr)?.[1] };
}

/**
 * Waits (bounded) until no browser command started for this home is still running. A login that
 * fails at once leaves its browser loading the start URL; the next test's listener on the same
 * port must not receive it. Found through the home in each process's environment.
 */
export async function browsersGone(home: string, timeoutMs = 30_000): Promise<void> {
  const { readdir, readFile: read } = await import('node:fs/promises');
  const mine = async (): Promise<boolean> => {
    for (const pid of (await readdir('/proc')).filter((p) => /^\d+$/.test(p))) {
      const [cmdline, environ] = await Promise.all([read(`/proc/${pid}/cmdline`, 'utf8'), read(`/proc/${pid}/environ`, 'utf8')].map((p) => p.catch(() => '')));
      if (cmdline!.includes('browser-command.mjs') && environ!.split('\0').includes(`COGNITO_INSPECTOR_HOME=${home}`)) return true;
    }
    return false;
  };
  for (const end = Date.now() + timeoutMs; Date.now() < end && (await mine()); ) await new Promise((r) => setTimeout(r, 200));
}
