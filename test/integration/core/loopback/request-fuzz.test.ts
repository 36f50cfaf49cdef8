import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscoveryCache } from '../../../../main/core/auth/discovery.js';
import { signIn } from '../../../../main/core/auth/sign-in.js';
import { systemClock } from '../../../../main/core/ports.js';
import { FetchBrowser, zeroBrowser } from '../../../support/hostile-idp/fetch-browser.js';
import { startHostileIdp, type HostileIdp } from '../../../support/hostile-idp/server.js';

/**
 * Malformed requests at the sign-in listener over raw TCP, while a real sign-in waits: whatever
 * arrives gets an answer or a closed connection, never a thrown handler (which would end the CLI
 * or raise Electron's main-process error dialog), and the sign-in still completes afterwards.
 */
let idp: HostileIdp;
beforeAll(async () => { idp = await startHostileIdp(); });
afterAll(async () => idp?.stop());

/** Writes raw bytes, half-closes, and resolves with everything the server sent before closing. */
function raw(port: number, bytes: Uint8Array | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(bytes));
    socket.on('data', (c: Buffer) => chunks.push(c));
    // The server may reset a connection it refuses to parse: that is an answer too.
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? undefined : reject(err)));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}
/** The final status (after any `100 Continue`). */
const statusOf = (response: string) => [...response.matchAll(/(?:^|\r\n)HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1]).find((s) => !s!.startsWith('1'));

/** Signs in with the listener's port handed to `during` while the sign-in waits for its browser. */
async function signInAfter(during: (port: number) => Promise<void>) {
  const browser = new FetchBrowser();
  let ready!: (v: { port: number; startUrl: string }) => void;
  const listening = new Promise<{ port: number; startUrl: string }>((r) => { ready = r; });
  const tokens = signIn(
    { issuer: idp.issuer, clientId: idp.clientId, scopes: ['openid'], redirectUris: ['http://localhost:0/callback'] },
    { clock: systemClock, discoveryCache: createDiscoveryCache(), browser: zeroBrowser, openBrowser: false, timeoutMs: 120_000, onListening: ready },
  );
  const { port, startUrl } = await listening;
  await during(port);
  await browser.open(startUrl);
  return { tokens: await tokens, page: await browser.navigation! };
}

const requestLine = (method: string, target: string, headers: string[] = [], version = 'HTTP/1.1', eol = '\r\n') =>
  `${method} ${target} ${version}${eol}${headers.join(eol)}${headers.length ? eol : ''}${eol}`;

describe('the sign-in listener under malformed requests', () => {
  it.each([
    ...['//', '///', '//[', '//[::1', '/\\host/x', '//evil.example/callback', '/callback\\..', '*', 'http://evil.example/', 'localhost:1'].map((t) => [t, '400']),
    ...['/%', '/%zz', '/callback/%', '/start/%00'].map((t) => [t, '404']),
  ])('answers %s with %s and keeps waiting', async (target, expected) => {
      let response = '';
      const { tokens } = await signInAfter(async (port) => { response = await raw(port, requestLine('GET', target, ['Host: localhost'])); });
      expect(statusOf(response)).toBe(expected);
      expect(tokens.idClaims?.sub).toBe('user-123');
    });

  it('survives 1500 generated request lines, methods and headers, then completes the real sign-in', async () => {
    // Mostly characters a request line may carry (so requests reach our handler), some that it may not.
    const unit = fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom('/', '[', ']', '%', '?', '#', '\\', ':', '@', '.', '=', '&', 'a', '0') },
      { weight: 10, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
      { weight: 1, arbitrary: fc.constantFrom(' ', '\r', '\n', '\u0000', '\u00ff') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    );
    const fuzzy = fc.string({ unit, maxLength: 40 });
    const often = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: odd });
    const method = often(fc.constantFrom('GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'), fc.oneof(fc.constantFrom('CONNECT', 'TRACE', 'PRI', 'get', 'G ET', ''), fuzzy));
    const target = fc.oneof(
      fc.constantFrom('/', '//', '///', '//[', '/start/', '/start/x', '/callback', '/callback?state=x&code=y', '/done?id=', '*', ''),
      fc.tuple(fc.constantFrom('/', '//', '/callback', '/start/', '/done'), fuzzy).map(([a, b]) => a + b),
      fuzzy,
    );
    const host = often(fc.constantFrom('Host: localhost', 'Host: 127.0.0.1', 'Host: [::1]'),
      fc.constantFrom('Host: evil.example', 'Host:', 'Host: [', 'Host: localhost:99999999', 'Host: a, b'));
    const header = often(
      fc.constantFrom('Cookie: =', 'Cookie: ;;;==', 'Cookie: cognito_inspector_signin_1=x', 'Content-Length: -1', 'Content-Length: 99999999999',
        'Transfer-Encoding: chunked', 'Transfer-Encoding: x', 'Expect: 100-continue', 'Connection: upgrade', 'Upgrade: websocket', 'Host: second'),
      fc.oneof(
        { weight: 3, arbitrary: fc.tuple(fc.constantFrom('Cookie', 'Referer', 'Origin', 'Accept', 'X-Forwarded-Host', 'Authorization'), fuzzy).map(([n, v]) => `${n}: ${v}`) },
        { weight: 1, arbitrary: fc.tuple(fuzzy, fuzzy).map(([n, v]) => `${n}: ${v}`) },
      ),
    );
    const request = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(method, target, host, fc.array(header, { maxLength: 3 }), often(fc.constant('HTTP/1.1'), fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1x', '')), often(fc.constant('\r\n'), fc.constant('\n')))
        .map(([m, t, hst, h, v, e]) => Buffer.from(requestLine(m, t, [hst, ...h], v, e), 'latin1') as Uint8Array) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
    );
    const answers = new Map<string, number>();
    // A handler that throws surfaces as an uncaught exception (in the CLI: the end of the process).
    const thrown: unknown[] = [];
    const onThrow = (err: unknown) => thrown.push(err);
    process.on('uncaughtException', onThrow);
    const { tokens, page } = await signInAfter(async (port) => {
      await fc.assert(fc.asyncProperty(request, async (bytes) => {
        const response = await raw(port, bytes);
        const status = statusOf(response) ?? 'closed';
        // Our handler's answers carry our headers; Node's parser answers bare ones.
        const key = `${response.includes('x-content-type-options: nosniff') ? 'ours' : 'node'} ${status}`;
        answers.set(key, (answers.get(key) ?? 0) + 1);
        // 500 would mean a handler threw; 302 would mean a guessed start URL or a forged callback got through.
        expect(['400', '403', '404', '413', '431', '501', '505', 'closed']).toContain(status);
      }), { numRuns: 1500 });
    }).finally(() => process.off('uncaughtException', onThrow));
    expect(thrown).toEqual([]);
    expect(tokens.idClaims?.sub).toBe('user-123');
    expect(page.body).toContain('Signed in');
    // Hundreds got past Node's parser into our handler (about a quarter of them in a typical run).
    const ours = [...answers].filter(([k]) => k.startsWith('ours')).reduce((n, [, v]) => n + v, 0);
    expect(ours).toBeGreaterThan(200);
  }, 120_000);
});
