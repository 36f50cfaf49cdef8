import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_SHELL_CONTENT_SECURITY_POLICY } from '../../../main/core/security/content-security-policy.js';
import { apiRequest, ensureAppBuilt, exchangeLaunch, rawRequest, startUi, type RawResponse, type RunningUi } from './support.js';

/**
 * The browser shell holds sessions, so each test here is a request a hostile web page (through the
 * person's browser) or another local process would make. Every one is refused, and afterwards the
 * session is untouched: a refused `auth:sign-in` would otherwise leave it "signing-in" (and its
 * answer would not come back before the 5-minute sign-in timeout).
 */
const SIGN_IN = { channel: 'auth:sign-in', payload: { profile: 'local-demo' } };

describe('cognito-inspector ui refuses what is not its own page', () => {
  let ui: RunningUi;
  let cookie: string;
  const host = () => `127.0.0.1:${ui.port}`;

  beforeAll(async () => {
    ensureAppBuilt();
    ui = await startUi(['--no-browser', '--port', '0']);
    // A wrong secret first: it must not spend the real one.
    const wrong = await rawRequest(`${ui.origin}/launch?secret=${'A'.repeat(43)}`);
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    cookie = await exchangeLaunch(ui);
  });

  afterAll(async () => {
    await ui?.stop();
  });

  const expectRefusedApi = (res: RawResponse, status: number) => {
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  };

  it('serves its own page and API to the cookie from the launch link', async () => {
    const page = await rawRequest(`${ui.origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Cognito Inspector</title>');
    const res = await apiRequest(ui, cookie, { channel: 'profiles:list', payload: {} });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: [{ name: 'local-demo', local: true }] });
  });

  it.each([['//', 'GET'], ['//evil.example/', 'GET'], ['//[', 'GET'], ['/\\evil.example/', 'GET'], ['//evil.example/api/invoke', 'POST']])(
    'answers the request target %s with 400, not as another host\'s path (nor a crash)', async (path, method) => {
      const res = await apiRequest(ui, cookie, { channel: 'profiles:list', payload: {} }, { path, method });
      expect(res.status).toBe(400);
    });

  it('refuses the launch link a second time (the secret is single use)', async () => {
    const again = await rawRequest(ui.launchUrl);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['no cookie', { cookie: undefined }],
    ['a made-up cookie', { cookie: `cognito_inspector_PORT=${'x'.repeat(43)}` }],
  ])('refuses the page and the API with %s', async (_label, headers) => {
    const h: Record<string, string> = headers.cookie ? { cookie: headers.cookie.replace('PORT', String(ui.port)) } : {};
    const page = await rawRequest(`${ui.origin}/`, { headers: h });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('<script');
    const res = await apiRequest(ui, undefined, { channel: 'profiles:list', payload: {} }, { headers: h });
    expectRefusedApi(res, 403);
    expect(res.body).not.toContain('local-demo');
  });

  it.each([
    ['a DNS-rebound name', 'evil.example'],
    ['a rebound name with our port', 'evil.example:PORT'],
    ['a loopback name with another port', 'localhost:1'],
  ])('refuses Host: %s, for pages and the API', async (_label, badHost) => {
    const h = badHost.replace('PORT', String(ui.port));
    const page = await rawRequest(`${ui.origin}/`, { headers: { host: h, cookie } });
    expect(page.status).toBe(421);
    const api = await apiRequest(ui, cookie, SIGN_IN, { headers: { host: h, origin: `http://${h}` } });
    expect(api.status).toBe(421);
  });

  it.each([
    ['a cross-site Origin', { origin: 'https://evil.example' }, 403],
    ['an opaque Origin (sandboxed frame, file://)', { origin: 'null' }, 403],
    ['no Origin', { origin: undefined }, 403],
    ['a cross-site fetch marked by the browser', { 'sec-fetch-site': 'cross-site' }, 403],
    ['a simple-CORS POST (text/plain, no custom header)', { 'content-type': 'text/plain', 'x-cognito-inspector': undefined }, 403],
    ['a form POST with the header but not JSON', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
  ] as const)('refuses %s even with the cookie', async (_label, headers, status) => {
    const res = await apiRequest(ui, cookie, SIGN_IN, { headers });
    expect(res.status).toBe(status);
    expect(res.body).toContain('"ok":false');
  });

  it('refuses a GET to the API and answers a CORS preflight with no CORS headers', async () => {
    expectRefusedApi(await apiRequest(ui, cookie, undefined, { method: 'GET', path: '/api/events' }), 405);
    const preflight = await rawRequest(`${ui.origin}/api/invoke`, {
      method: 'OPTIONS',
      headers: { host: host(), origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-cognito-inspector,content-type' },
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('changed nothing: after every refused sign-in the session is still signed out', async () => {
    const res = await apiRequest(ui, cookie, { channel: 'session:get', payload: { profile: 'local-demo' } });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { state: 'signed-out' } });
  });

  it('parses payloads with the contract schemas and knows only the contract channels', async () => {
    expect(JSON.parse((await apiRequest(ui, cookie, { channel: 'auth:sign-in', payload: { profile: '../../etc' } })).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await apiRequest(ui, cookie, { channel: 'shell:exec', payload: {} });
    expect(unknown.status).toBe(404);
    expect((await apiRequest(ui, cookie, '{not json')).status).toBe(400);
  });

  it('sends the strict CSP, no framing, no referrer, and nothing cacheable on every answer', async () => {
    for (const res of [
      await rawRequest(`${ui.origin}/`, { headers: { cookie } }),
      await apiRequest(ui, cookie, { channel: 'app:capabilities', payload: {} }),
      await rawRequest(`${ui.origin}/`),
    ]) {
      expect(res.headers).toMatchObject({
        'content-security-policy': WEB_SHELL_CONTENT_SECURITY_POLICY,
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    expect(WEB_SHELL_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(WEB_SHELL_CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    // The browser shell has none of the desktop's extras.
    const caps = await apiRequest(ui, cookie, { channel: 'app:capabilities', payload: {} });
    expect(JSON.parse(caps.body)).toEqual({ ok: true, value: { mainClipboard: false, nativeFilePicker: false, focusWindow: false } });
  });

  it('listens on loopback only: 127.0.0.1 and ::1, never another address of this machine', async () => {
    const listening = new Set<string>();
    for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
      const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n').slice(1);
      for (const line of lines) {
        const [, local, , state] = line.trim().split(/\s+/);
        if (!local || state !== '0A') continue;
        const [addr, port] = local.split(':');
        if (parseInt(port!, 16) === ui.port) listening.add(addr!);
      }
    }
    expect(listening.size).toBeGreaterThan(0);
    for (const addr of listening) expect(['0100007F', '00000000000000000000000001000000']).toContain(addr);

    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of others) {
      const outcome = await new Promise<string>((done) => {
        const socket = connect({ host: address, port: ui.port });
        socket.once('connect', () => (socket.destroy(), done('connected')));
        socket.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? 'error'));
      });
      expect(outcome, `connecting to ${address}:${ui.port}`).toBe('ECONNREFUSED');
    }
  });
});
