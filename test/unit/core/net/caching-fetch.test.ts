import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachingFetch } from '../../../../main/core/net/caching-fetch.js';

describe('cachingFetch', () => {
  const hits: string[] = [];
  let base = '';
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(req.url === '/missing/.well-known/jwks.json' ? 404 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ n: hits.length }));
  });

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('serves discovery and JWKS from memory until the TTL passes; other requests and failures go through', async () => {
    let now = 0;
    const f = cachingFetch(fetch, { now: () => now }, 1000);
    const json = async (url: string, init?: RequestInit) => (await (await f(url, init)).json()) as { n: number };
    expect(await json(`${base}/pool/.well-known/jwks.json`)).toEqual({ n: 1 });
    expect(await json(`${base}/pool/.well-known/jwks.json`)).toEqual({ n: 1 });
    expect(await json(`${base}/pool/.well-known/openid-configuration`)).toEqual({ n: 2 });
    expect(await json(`${base}/api`)).toEqual({ n: 3 });
    expect(await json(`${base}/api`)).toEqual({ n: 4 });
    expect((await f(`${base}/missing/.well-known/jwks.json`)).status).toBe(404);
    expect((await f(`${base}/missing/.well-known/jwks.json`)).status).toBe(404);
    now = 1001;
    expect(await json(`${base}/pool/.well-known/jwks.json`)).toEqual({ n: 7 });
    expect(hits.filter((h) => h.includes('missing'))).toHaveLength(2);
  });
});
