import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../main/core/errors/app-error.js';
import { LoopbackServer } from '../../../../main/core/loopback/loopback-server.js';

const STATE = 'expected-state';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => { await Promise.all(cleanups.splice(0).map((c) => c())); });

function occupy(port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, host, () => {
      cleanups.push(() => new Promise((r) => s.close(() => r())));
      resolve(s);
    });
  });
}
const portOf = (s: Server) => (s.address() as { port: number }).port;
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = portOf(s);
  await new Promise((r) => s.close(r));
  return port;
}

async function started(redirectUris: string[]) {
  const server = new LoopbackServer({ redirectUris, state: STATE });
  const info = await server.start();
  cleanups.push(() => server.stop());
  return { server, info };
}

const get = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });
const AUTHORIZE = 'https://idp.example/authorize?x=1';

/** Opens the start URL like the person's browser and returns the cookie it was given ("name=value"). */
async function openStart(server: LoopbackServer, startUrl: string): Promise<string> {
  server.setAuthorizeUrl(AUTHORIZE);
  const res = await get(startUrl);
  expect([res.status, res.headers.get('location')]).toEqual([302, AUTHORIZE]);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}
const hasIpv6Loopback = Object.values(networkInterfaces()).flat().some((i) => i?.address === '::1');
const lanIpv4 = Object.values(networkInterfaces()).flat().find((i) => i?.family === 'IPv4' && !i.internal)?.address;

describe('LoopbackServer', () => {
  it('uses the second redirect URI when the first port is busy', async () => {
    const busy = portOf(await occupy(0, '127.0.0.1'));
    const second = await freePort();
    const { info } = await started([`http://localhost:${busy}/callback`, `http://localhost:${second}/callback`]);
    expect(info).toEqual({ port: second, redirectUri: `http://localhost:${second}/callback`, startUrl: expect.stringMatching(new RegExp(`^http://localhost:${second}/start/[\\w-]{22}$`)) });
  });

  it('reports PORT_IN_USE with every busy port and what to register when all are busy', async () => {
    const a = portOf(await occupy(0, '127.0.0.1'));
    const b = portOf(await occupy(0, '127.0.0.1'));
    const server = new LoopbackServer({ redirectUris: [`http://localhost:${a}/callback`, `http://localhost:${b}/callback`], state: STATE });
    const error = await server.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toInfo()).toEqual({
      code: 'PORT_IN_USE',
      message: `The redirect ports ${a}, ${b} are in use.`,
      hint: "Close the program using them (another sign-in?), or register another http://localhost:PORT/callback in the app client's Allowed callback URLs and add it to the profile's redirect URIs.",
      details: { ports: [a, b] },
    });
  });

  it.skipIf(!hasIpv6Loopback)('treats a port taken on ::1 only as busy (a foreign listener would get our callback)', async () => {
    const taken = portOf(await occupy(0, '::1'));
    const error = await new LoopbackServer({ redirectUris: [`http://localhost:${taken}/callback`], state: STATE }).start().catch((e: unknown) => e);
    expect((error as AppError).code).toBe('PORT_IN_USE');
  });

  it.skipIf(!hasIpv6Loopback)('accepts the callback on ::1 when localhost resolves to IPv6', async () => {
    const { server, info } = await started(['http://localhost:0/callback']);
    const cookie = await openStart(server, info.startUrl.replace('localhost', '[::1]'));
    const res = await get(`http://[::1]:${info.port}/callback?code=abc&state=${STATE}`, { headers: { cookie } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/done\?id=[\w-]{22}$/);
    expect((await server.waitForCallback()).href).toBe(`http://localhost:${info.port}/callback?code=abc&state=${STATE}`);
  });

  it.each([
    ['wrong path', '/other?state=' + STATE, 'GET'],
    ['favicon', '/favicon.ico', 'GET'],
    ['callback without state', '/callback?code=abc', 'GET'],
    ['callback with another state', '/callback?code=abc&state=other', 'GET'],
    ['POST to the callback', '/callback?code=abc&state=' + STATE, 'POST'],
    ['done page before any callback', '/done?id=x', 'GET'],
  ])('answers 404 to %s and keeps waiting', async (_label, path, method) => {
    const { server, info } = await started(['http://localhost:0/callback']);
    const cookie = await openStart(server, info.startUrl);
    expect((await get(`http://127.0.0.1:${info.port}${path}`, { method, headers: { cookie } })).status).toBe(404);
    const ok = await get(`http://127.0.0.1:${info.port}/callback?code=good&state=${STATE}`, { headers: { cookie } });
    expect(ok.status).toBe(302);
    expect((await server.waitForCallback()).searchParams.get('code')).toBe('good');
  });

  it('refuses a second callback', async () => {
    const { server, info } = await started(['http://localhost:0/callback']);
    const cookie = await openStart(server, info.startUrl);
    expect((await get(`http://127.0.0.1:${info.port}/callback?code=one&state=${STATE}`, { headers: { cookie } })).status).toBe(302);
    const second = await get(`http://127.0.0.1:${info.port}/callback?code=two&state=${STATE}`, { headers: { cookie } });
    expect(second.status).toBe(404);
    expect(await second.text()).toContain('a second one is refused');
  });

  it('answers only loopback Host names (no DNS rebinding), and still takes the real callback', async () => {
    const { server, info } = await started(['http://localhost:0/callback']);
    server.setAuthorizeUrl(AUTHORIZE);
    const start = new URL(info.startUrl).pathname;
    const withHost = (host: string, path: string, cookie = '') =>
      new Promise<{ status: number; cookie: string }>((resolve, reject) => {
        request({ host: '127.0.0.1', port: info.port, path, headers: { host, cookie } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, cookie: (res.headers['set-cookie']?.[0] ?? '').split(';')[0]! });
        }).on('error', reject).end();
      });
    expect((await withHost(`evil.example:${info.port}`, start)).status).toBe(404);
    const { status, cookie } = await withHost(`localhost:${info.port}`, start);
    expect(status).toBe(302);
    expect((await withHost(`evil.example:${info.port}`, `/callback?code=c&state=${STATE}`, cookie)).status).toBe(404);
    expect((await withHost(`[::1]:${info.port}`, `/callback?code=c&state=${STATE}`, cookie)).status).toBe(302);
  });

  it('shows the result page only once the outcome is known, and the error with its hint', async () => {
    const { server, info } = await started(['http://localhost:0/callback']);
    const cookie = await openStart(server, info.startUrl);
    const cb = await get(`http://127.0.0.1:${info.port}/callback?code=c&state=${STATE}`, { headers: { cookie } });
    const page = get(`http://127.0.0.1:${info.port}${cb.headers.get('location') ?? ''}`);
    // The page request reaches the listener before the outcome exists; the page it gets must show the
    // outcome given afterwards (an early answer could not know it).
    await vi.waitFor(() => expect(server.observations.donePageRequests).toBe(1));
    server.finish({ ok: false, error: { code: 'INVALID_GRANT', message: 'The code <was> used.', hint: 'Sign in again.' } });
    const res = await page;
    const body = await res.text();
    expect(res.status).toBe(400);
    expect(body).toContain('<code>INVALID_GRANT</code> The code &#60;was&#62; used.');
    expect(body).toContain('Sign in again.');
  });

  it('frees the port on stop', async () => {
    const server = new LoopbackServer({ redirectUris: ['http://localhost:0/callback'], state: STATE });
    const { port } = await server.start();
    await get(`http://127.0.0.1:${port}/nothing`); // leaves a keep-alive connection behind
    await server.stop();
    await occupy(port, '127.0.0.1');
  });

  it.skipIf(!lanIpv4)(`is unreachable on this machine's non-loopback address (${lanIpv4 ?? 'none found: skipped'})`, async () => {
    const { info } = await started(['http://localhost:0/callback']);
    const error = await get(`http://${lanIpv4}:${info.port}/`, { signal: AbortSignal.timeout(3000) }).then(() => undefined, (e: unknown) => e);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });
});
