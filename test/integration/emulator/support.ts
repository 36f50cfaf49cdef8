import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorConfigInput } from '../../../emulator/config-schema.js';
import { DEFAULT_CONFIG, startEmulator, type Emulator } from '../../../emulator/index.js';

export const CLIENT_ID = 'localdemoclient0000000000';
export const CALLBACK = 'http://localhost:53682/callback';

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2025, 0, 1, 12)): { now(): number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

type ClientInput = NonNullable<EmulatorConfigInput['userPool']['clients']>[number];

/** DEFAULT_CONFIG with the demo client's settings overridden and optional extra clients. */
export function configWith(client: Partial<ClientInput> = {}, extraClients: ClientInput[] = []): EmulatorConfigInput {
  const base = structuredClone(DEFAULT_CONFIG);
  const demo = base.userPool.clients[0] as ClientInput;
  base.userPool.clients = [{ ...demo, ...client }, ...extraClients];
  return base;
}

/** A real HTTP server playing the app's loopback callback: it answers 200 to anything. */
export async function startCallbackServer(): Promise<{ origin: string; hits: string[]; stop(): Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!DOCTYPE html><title>callback</title><p>signed in</p>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    stop: () => new Promise((r) => server.close(() => r())),
  };
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeParams(overrides: Record<string, string | undefined> = {}): URLSearchParams {
  const base: Record<string, string | undefined> = {
    client_id: CLIENT_ID,
    redirect_uri: CALLBACK,
    response_type: 'code',
    scope: 'openid email profile',
    state: 'st-1',
    ...overrides,
  };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(base)) if (v !== undefined) q.set(k, v);
  return q;
}

/** Follows the hosted UI with plain HTTP (GET /login for the CSRF cookie, POST the form); returns the final Location. */
export async function signInHttp(e: Emulator, q: URLSearchParams, username = 'alice', password = 'Passw0rd!'): Promise<{ location: string; cookie: string }> {
  const page = await fetch(`${e.url}/login?${q.toString()}`, { redirect: 'manual' });
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${e.url}/login?${q.toString()}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `XSRF-TOKEN=${xsrf}` },
    body: new URLSearchParams({ _csrf: csrf, username, password }),
  });
  const session = /cognito=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { location: res.headers.get('location') ?? `(status ${res.status})`, cookie: `cognito=${session}` };
}

/** Signs alice in over HTTP and returns a fresh code (with its PKCE verifier). */
export async function codeFor(e: Emulator, overrides: Record<string, string | undefined> = {}): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkce();
  const q = authorizeParams({ code_challenge: challenge, code_challenge_method: 'S256', ...overrides });
  const { location } = await signInHttp(e, q);
  const code = new URL(location).searchParams.get('code');
  if (code === null) throw new Error(`no code in ${location}`);
  return { code, verifier };
}

export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
}

export async function exchange(e: Emulator, code: string, verifier: string, extra: Record<string, string> = {}): Promise<Response> {
  return postForm(`${e.url}/oauth2/token`, {
    grant_type: 'authorization_code',
    client_id: CLIENT_ID,
    code,
    redirect_uri: CALLBACK,
    code_verifier: verifier,
    ...extra,
  });
}

export async function tokensFor(e: Emulator): Promise<{ id_token: string; access_token: string; refresh_token: string }> {
  const { code, verifier } = await codeFor(e);
  const res = await exchange(e, code, verifier);
  if (res.status !== 200) throw new Error(`token exchange failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id_token: string; access_token: string; refresh_token: string };
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export { startEmulator };
