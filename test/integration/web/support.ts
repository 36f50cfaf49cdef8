import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBuilt } from '../../support/ensure-built.js';

/**
 * `cognito-inspector ui` as a user starts it: the built CLI in a child process with a private home,
 * the one-time link read from its stdout. Sign-ins it starts are handed to the test through
 * url-sink-browser.mjs (its --browser-command), so the test opens them in its own Chromium.
 */
export const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/cognito-inspector.js');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** dist/ (node and the renderer), rebuilt only when a source is newer than the build. */
export function ensureAppBuilt(): void {
  ensureBuilt();
  const index = join(ROOT, 'dist/renderer/index.html');
  if (!existsSync(index) || newest(join(ROOT, 'renderer')) > statSync(index).mtimeMs) {
    // NODE_ENV=production: vitest sets NODE_ENV=test, under which Vite bundles React's development
    // build; tests should drive the renderer users run.
    execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
}

/** URLs the ui process asked its "browser" to open, in order. */
export class UrlSink {
  private readonly urls: string[] = [];
  private waiters: ((url: string) => void)[] = [];
  private constructor(private readonly server: Server, readonly address: string) {}

  static async start(): Promise<UrlSink> {
    const ref: { sink?: UrlSink } = {};
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        res.end();
        ref.sink!.push(body);
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    ref.sink = new UrlSink(server, `http://127.0.0.1:${port}/`);
    return ref.sink;
  }

  private push(url: string): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(url);
    else this.urls.push(url);
  }

  next(): Promise<string> {
    const url = this.urls.shift();
    return url !== undefined ? Promise.resolve(url) : new Promise((r) => this.waiters.push(r));
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

export interface RunningUi {
  child: ChildProcess;
  home: string;
  /** The one-time link printed on stdout. */
  launchUrl: string;
  origin: string;
  port: number;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export async function startUi(args: string[], opts: { sink?: UrlSink; env?: Record<string, string> } = {}): Promise<RunningUi> {
  const home = await mkdtemp(join(tmpdir(), 'ci-ui-'));
  const env: NodeJS.ProcessEnv = { ...process.env, COGNITO_INSPECTOR_HOME: home, NO_COLOR: '1', ...opts.env };
  delete env.BROWSER;
  if (opts.sink) env.URL_SINK = opts.sink.address;
  const browserArgs = opts.sink ? ['--browser-command', `node ${join(ROOT, 'test/support/url-sink-browser.mjs')}`] : [];
  const child = spawn(process.execPath, [BIN, 'ui', ...browserArgs, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const launchUrl = await new Promise<string>((resolveUrl, reject) => {
    const onData = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/launch\?\S+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        resolveUrl(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`ui exited (${code}) before printing its link:\n${out}\n${err}`)));
  });
  const origin = new URL(launchUrl).origin;
  return {
    child,
    home,
    launchUrl,
    origin,
    port: Number(new URL(launchUrl).port),
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}

/** Exchanges the launch link for the session cookie the way a browser's first load does. */
export async function exchangeLaunch(ui: RunningUi): Promise<string> {
  const res = await fetch(ui.launchUrl, { redirect: 'manual' });
  const cookie = res.headers.get('set-cookie');
  if (res.status !== 200 || !cookie) throw new Error(`launch exchange failed: ${res.status}`);
  return cookie.split(';')[0]!;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with exactly these headers (Host and Origin included, which fetch would not send as given). */
export function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}): Promise<RawResponse> {
  return new Promise((resolveRes, reject) => {
    const u = new URL(url);
    const req = httpRequest(
      { host: opts.host ?? u.hostname.replace(/^\[|\]$/g, ''), port: u.port, path: u.pathname + u.search, method: opts.method ?? 'GET', headers: opts.headers ?? {} },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolveRes({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.once('error', reject);
    req.end(opts.body);
  });
}

/** An API request the way our own page makes it; `headers` changes or (undefined) removes one part of it. */
export function apiRequest(ui: RunningUi, cookie: string | undefined, body: unknown, override: { headers?: Record<string, string | undefined>; method?: string; path?: string } = {}): Promise<RawResponse> {
  const merged: Record<string, string | undefined> = {
    host: `127.0.0.1:${ui.port}`,
    origin: ui.origin,
    'content-type': 'application/json',
    'x-cognito-inspector': '1',
    ...(cookie ? { cookie } : {}),
    ...override.headers,
  };
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(merged)) if (v !== undefined) headers[k] = v;
  return rawRequest(`${ui.origin}${override.path ?? '/api/invoke'}`, {
    method: override.method ?? 'POST',
    headers,
    ...(override.method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
