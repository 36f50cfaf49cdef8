import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEgress, egressCheckedFetch } from '../../../../main/core/net/egress.js';
import { recordingFetch } from '../../../support/recording-fetch.js';

/** Redirect chains from a real server on 127.0.0.1: every hop is checked before it is requested. */
const METADATA = 'http://169.254.169.254/latest/meta-data/';
let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const to: Record<string, string> = {
      '/to-metadata': METADATA,
      '/to-local': '/final',
      '/loop': '/loop',
      '/to-ftp': 'ftp://127.0.0.1/x',
    };
    if (req.url && to[req.url]) return void res.writeHead(302, { location: to[req.url] }).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`at ${req.url}`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('egressCheckedFetch', () => {
  it('refuses a redirect into an http metadata address before connecting to it', async () => {
    const rec = recordingFetch();
    const err = await egressCheckedFetch(rec.fetch)(`${origin}/to-metadata`).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INSECURE_PROVIDER_ENDPOINT', details: { url: METADATA } });
    expect(rec.requested).toEqual([`${origin}/to-metadata`]);
  });

  it('follows redirects that stay within the rule', async () => {
    const rec = recordingFetch();
    const res = await egressCheckedFetch(rec.fetch)(`${origin}/to-local`);
    expect([res.status, await res.text(), rec.requested]).toEqual([200, 'at /final', [`${origin}/to-local`, `${origin}/final`]]);
  });

  it('stops after the maximum number of hops', async () => {
    const rec = recordingFetch();
    const err = await egressCheckedFetch(rec.fetch, { maxHops: 3 })(`${origin}/loop`).catch((e: unknown) => e);
    expect([(err as { code?: string }).code, rec.requested.length]).toEqual(['HTTP_ERROR', 4]);
  });

  it('refuses a redirect to another scheme, and a first URL the rule forbids, with no request', async () => {
    const rec = recordingFetch();
    expect(await egressCheckedFetch(rec.fetch)(`${origin}/to-ftp`).catch((e: { code: string }) => e.code)).toBe('INSECURE_PROVIDER_ENDPOINT');
    expect(await egressCheckedFetch(rec.fetch)('http://api.example.test/x').catch((e: { code: string }) => e.code)).toBe('INSECURE_ENDPOINT');
    expect(rec.requested).toEqual([`${origin}/to-ftp`]);
  });
});

describe('checkEgress', () => {
  it.each([
    ['https://api.example.com/x', true],
    ['http://127.0.0.1:4610/x', true],
    ['http://localhost/x', true],
    ['http://[::1]:8080/x', true],
    ['http://api.example.com/x', false],
    ['http://169.254.169.254/', false],
    ['http://127.0.0.1.nip.io/', false],
    ['ftp://127.0.0.1/', false],
    ['file:///etc/passwd', false],
  ])('%s → allowed %s', (url, ok) => {
    let allowed = true;
    try {
      checkEgress(url, 'the URL');
    } catch {
      allowed = false;
    }
    expect(allowed).toBe(ok);
  });
});
