import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createLaunchGate } from '../../../main/web/launch-gate.js';
import { checkApi, checkHost, readCookie } from '../../../main/web/request-guard.js';

const PORT = 4620;
const gate = createLaunchGate();
const session = gate.exchange(gate.secret)!;
const ctx = { port: PORT, gate };
const ours: IncomingHttpHeaders = {
  host: `127.0.0.1:${PORT}`,
  origin: `http://127.0.0.1:${PORT}`,
  cookie: `other=1; cognito_inspector_${PORT}=${session}`,
  'content-type': 'application/json',
  'x-cognito-inspector': '1',
  'sec-fetch-site': 'same-origin',
};

describe('request guard', () => {
  it.each([`127.0.0.1:${PORT}`, `localhost:${PORT}`, `LOCALHOST:${PORT}`, `[::1]:${PORT}`])('answers Host %s', (host) => {
    expect(checkHost({ host }, PORT)).toBeUndefined();
  });

  it.each([undefined, 'evil.example', `evil.example:${PORT}`, '127.0.0.1', `127.0.0.2:${PORT}`, 'localhost:1', `localhost.evil.example:${PORT}`, `0.0.0.0:${PORT}`])('refuses Host %s', (host) => {
    expect(checkHost(host === undefined ? {} : { host }, PORT)).toMatchObject({ status: 421 });
  });

  it("lets our own page's request through, from any loopback name it was opened on", () => {
    expect(checkApi('POST', ours, ctx)).toBeUndefined();
    expect(checkApi('POST', { ...ours, host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` }, ctx)).toBeUndefined();
    // Older browsers send no Sec-Fetch-Site; Origin still decides.
    const { 'sec-fetch-site': _omit, ...noFetchMeta } = ours;
    expect(checkApi('POST', noFetchMeta, ctx)).toBeUndefined();
  });

  it.each([
    ['no cookie', { cookie: undefined }, 403],
    ["another port's cookie", { cookie: `cognito_inspector_1=${session}` }, 403],
    ['a wrong cookie', { cookie: `cognito_inspector_${PORT}=${'a'.repeat(43)}` }, 403],
    ['another Origin', { origin: 'http://evil.example' }, 403],
    ['an Origin on another loopback name', { origin: `http://localhost:${PORT}` }, 403],
    ['an Origin with another port', { origin: 'http://127.0.0.1:1' }, 403],
    ['Origin null', { origin: 'null' }, 403],
    ['no Origin', { origin: undefined }, 403],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403],
    ['a same-site (other port) fetch', { 'sec-fetch-site': 'same-site' }, 403],
    ['no custom header', { 'x-cognito-inspector': undefined }, 403],
    ['text/plain', { 'content-type': 'text/plain' }, 415],
    ['a form', { 'content-type': 'multipart/form-data; boundary=x' }, 415],
    ['a look-alike type', { 'content-type': 'application/jsonx' }, 415],
  ] as const)('refuses %s', (_label, change, status) => {
    const headers: IncomingHttpHeaders = { ...ours, ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete headers[k];
    expect(checkApi('POST', headers, ctx)).toMatchObject({ status });
  });

  it('refuses every method but POST on the API', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']) expect(checkApi(method, ours, ctx)).toMatchObject({ status: 405 });
  });

  it('reads the named cookie only', () => {
    expect(readCookie('a=1; b=2;c=3', 'b')).toBe('2');
    expect(readCookie('ab=1', 'b')).toBeUndefined();
    expect(readCookie(undefined, 'b')).toBeUndefined();
  });
});
