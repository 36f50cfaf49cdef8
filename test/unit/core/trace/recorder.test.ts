import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecorder } from '../../../../main/core/trace/recorder.js';
import { marker } from '../../../../main/core/trace/redact.js';
import { toHar } from '../../../../main/core/trace/har.js';
import { traceFull, traceLine } from '../../../../main/core/trace/format.js';

// A real local server answers; the recorder wraps the real global fetch.
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (req.url?.split('?')[0] === '/token') {
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=abc; Path=/' });
        res.end(JSON.stringify({ access_token: 'AT-secret', refresh_token: 'RT-secret', echo: body }));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const clock = { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) };

describe('recorder', () => {
  it('records method, URL, status, timing and redacted headers and bodies; the caller gets the body untouched', async () => {
    let t = 100;
    const rec = createRecorder({ clock, monotonic: () => (t += 21.6) });
    const seen: string[] = [];
    rec.subscribe((e) => seen.push(traceLine(e)));
    const f = rec.wrap(globalThis.fetch, { profile: 'p' });
    const res = await f(`${base}/token`, { method: 'POST', headers: { authorization: 'Basic c2VjcmV0', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'RT-secret' }) });
    expect(await res.json()).toMatchObject({ access_token: 'AT-secret' });
    await f(`${base}/missing?code=xyz`);
    expect(seen).toEqual([`POST ${base}/token 200 22 ms`, `GET ${base}/missing?code=${marker('xyz')} 404 22 ms`]);

    const [first] = rec.list('p');
    expect(first).toMatchObject({
      id: 1, profile: 'p', kind: 'fetch', startedAt: clock.now(), method: 'POST', status: 200,
      request: { mimeType: 'application/x-www-form-urlencoded', body: `grant_type=refresh_token&refresh_token=${marker('RT-secret')}` },
    });
    expect(first!.request.headers).toContainEqual(['authorization', `Basic ${marker('c2VjcmV0')}`]);
    expect(first!.response!.headers).toContainEqual(['set-cookie', `sid=${marker('abc')}; Path=/`]);
    expect(JSON.parse(first!.response!.body!)).toMatchObject({ access_token: marker('AT-secret'), refresh_token: marker('RT-secret') });
    const everything = JSON.stringify(rec.list()) + traceFull(first!);
    for (const secret of ['AT-secret', 'RT-secret', 'c2VjcmV0', 'xyz']) expect(everything).not.toContain(secret);
  });

  it('a network failure is recorded with its error and rethrown', async () => {
    const rec = createRecorder({ clock });
    const f = rec.wrap(globalThis.fetch);
    await expect(f('http://127.0.0.1:1/x')).rejects.toThrow();
    expect(rec.list()).toMatchObject([{ method: 'GET', url: 'http://127.0.0.1:1/x', error: expect.stringMatching(/fetch failed/) }]);
    expect(traceLine(rec.list()[0]!)).toMatch(/^GET http:\/\/127\.0\.0\.1:1\/x failed \(TypeError: fetch failed\) \d+ ms$/);
  });

  it('keeps at most `limit` exchanges, dropping the oldest', async () => {
    const rec = createRecorder({ clock, limit: 2 });
    for (let i = 0; i < 3; i++) rec.note({ kind: 'browser', startedAt: 0, durationMs: 0, method: 'GET', url: `http://x/${i}`, request: { headers: [] } });
    expect(rec.list().map((e) => e.url)).toEqual(['http://x/1', 'http://x/2']);
  });

  it('notes (the callback) are redacted too', () => {
    const rec = createRecorder({ clock });
    rec.note({ kind: 'browser', startedAt: 0, durationMs: 5, method: 'GET', url: 'http://localhost:53682/callback?code=C0DE&state=s', status: 302, request: { headers: [] } });
    expect(rec.list()[0]!.url).toBe(`http://localhost:53682/callback?code=${marker('C0DE')}&state=s`);
  });
});

describe('toHar', () => {
  it('has the fields HAR 1.2 requires', async () => {
    const rec = createRecorder({ clock });
    await rec.wrap(globalThis.fetch)(`${base}/token?a=1&b=x%20y`, { method: 'POST', body: 'x=1' });
    const har = toHar(rec.list(), '1.0.0');
    expect(har.log).toMatchObject({ version: '1.2', creator: { name: 'cognito-inspector', version: '1.0.0' }, pages: [] });
    const [e] = har.log.entries;
    expect(e).toMatchObject({
      startedDateTime: '2026-01-02T03:04:05.000Z',
      request: { method: 'POST', httpVersion: 'HTTP/1.1', cookies: [], queryString: [{ name: 'a', value: '1' }, { name: 'b', value: 'x y' }], headersSize: -1, bodySize: 3, postData: { text: 'x=1' } },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [], redirectURL: '', headersSize: -1, content: { mimeType: 'application/json' } },
      cache: {},
    });
    expect(e!.time).toBe(e!.timings.send + e!.timings.wait + e!.timings.receive);
  });
});
