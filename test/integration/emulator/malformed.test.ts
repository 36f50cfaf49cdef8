import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { CLIENT_ID, startEmulator } from './support.js';

/** Sends raw bytes and returns the status line (or '' if the server closed without one). */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let data = '';
    socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
    socket.on('end', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error('server hung'));
    });
  });
}

describe('malformed requests get an error, never a crash or a hang', () => {
  let e: Emulator;
  beforeAll(async () => {
    e = await startEmulator();
  });
  afterAll(() => e.stop());

  const token = `/oauth2/token`;
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const cases: [string, string, RequestInit, number, string | null][] = [
    ['token GET', token, {}, 405, '{"error":"invalid_request"}'],
    ['token JSON body', token, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"grant_type":"authorization_code"}' }, 400, '{"error":"invalid_request"}'],
    ['token bad percent-encoding', token, { method: 'POST', headers: form, body: 'grant_type=%ZZ&code=%' }, 400, '{"error":"unsupported_grant_type"}'],
    ['token grant_type=constructor', token, { method: 'POST', headers: form, body: 'grant_type=constructor' }, 400, '{"error":"unsupported_grant_type"}'],
    ['token Basic without colon', token, { method: 'POST', headers: { ...form, Authorization: `Basic ${btoa('nocolon')}` }, body: 'grant_type=refresh_token&refresh_token=x' }, 400, '{"error":"invalid_client"}'],
    ['token 2 MB body', token, { method: 'POST', headers: form, body: `grant_type=${'a'.repeat(2 * 1024 * 1024)}` }, 413, '{"error":"invalid_request"}'],
    ['authorize broken encoding', `/oauth2/authorize?client_id=%E0%A4%A&redirect_uri=%`, { redirect: 'manual' }, 302, null],
    ['authorize no query', '/oauth2/authorize', { redirect: 'manual' }, 302, null],
    ['login POST without CSRF', `/login?client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent('http://localhost:53682/callback')}&response_type=code`, { method: 'POST', headers: form, body: 'username=alice&password=Passw0rd!' }, 200, null],
    ['userInfo garbage bearer', '/oauth2/userInfo', { headers: { Authorization: 'Bearer garbage' } }, 401, null],
    ['userInfo forged JWT', '/oauth2/userInfo', { headers: { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.' } }, 401, null],
    ['revoke empty POST', '/oauth2/revoke', { method: 'POST' }, 401, '{"error":"invalid_client"}'],
    ['idpresponse without state', '/oauth2/idpresponse?code=x', {}, 400, null],
    ['logout without client_id', '/logout', { redirect: 'manual' }, 302, null],
    ['unknown path', '/nope', {}, 404, null],
    ['identity POST / with junk', '/', { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: '{{{' }, 400, null],
  ];

  it.each(cases)('%s → %i', async (_name, path, init, status, body) => {
    const res = await fetch(`${e.url}${path}`, init);
    expect(res.status).toBe(status);
    if (body !== null) expect(await res.text()).toBe(body);
  });

  it.each([
    ['a bad absolute-form target', 'GET http://[bad HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a garbage request line', 'HELLO\r\n\r\n'],
    ['a bad Content-Length', 'POST /oauth2/token HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'],
  ])('answers %s with a 4xx status line', async (_n, request) => {
    expect(await raw(e.port, request)).toMatch(/^HTTP\/1\.1 4\d\d /);
  });

  it('is still healthy afterwards, and logged no 5xx', async () => {
    expect((await fetch(`${e.issuer}/.well-known/jwks.json`)).status).toBe(200);
    expect(e.requestLog.filter((r) => r.status >= 500)).toEqual([]);
  });
});
