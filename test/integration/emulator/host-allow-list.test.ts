import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Emulator } from '../../../emulator/index.js';
import { CALLBACK, CLIENT_ID, startEmulator } from './support.js';

/**
 * DNS rebinding: a web page whose name now resolves to 127.0.0.1 reaches the local pool with its own
 * Host header. Nothing is answered to it (hosted UI, token, identity pool), while loopback names
 * work; and request targets a URL parser would read as another host are refused.
 */
let e: Emulator;
beforeAll(async () => { e = await startEmulator(); });
afterAll(() => e.stop());

function send(host: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: e.port, path, method: init.method ?? 'GET', headers: { ...init.headers, host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const poolId = DEFAULT_CONFIG.identityPools![0]!.id;
const requests: Array<[string, string, Parameters<typeof send>[2]]> = [
  ['discovery', `/${DEFAULT_CONFIG.userPool.id}/.well-known/openid-configuration`, {}],
  ['hosted UI', `/oauth2/authorize?client_id=${CLIENT_ID}&response_type=code&redirect_uri=${encodeURIComponent(CALLBACK)}`, {}],
  ['sign-up page', `/signup?client_id=${CLIENT_ID}&response_type=code&redirect_uri=${encodeURIComponent(CALLBACK)}`, {}],
  ['token endpoint', '/oauth2/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=authorization_code&client_id=${CLIENT_ID}&code=x` }],
  ['identity pool GetId', '/', { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.GetId' }, body: JSON.stringify({ IdentityPoolId: poolId }) }],
];

describe('the emulator answers only loopback Host names', () => {
  it.each(requests)('refuses a rebinding Host on the %s (421), and answers it on loopback', async (_name, path, init) => {
    for (const host of ['evil.example', `evil.example:${e.port}`, `127.0.0.1.evil.example:${e.port}`, 'localhost.evil.example']) {
      const res = await send(host, path, init);
      expect([host, res.status]).toEqual([host, 421]);
      expect(res.body).not.toMatch(/issuer|signInFormUsername|IdentityId|access_token/);
    }
    for (const host of [`127.0.0.1:${e.port}`, `localhost:${e.port}`, `[::1]:${e.port}`]) {
      expect([host, (await send(host, path, init)).status]).not.toEqual([host, 421]);
    }
  });

  it.each(['//', '//[', '///', `//evil.example/${DEFAULT_CONFIG.userPool.id}/.well-known/jwks.json`, `/\\evil.example/${DEFAULT_CONFIG.userPool.id}/.well-known/jwks.json`])(
    'refuses the request target %s with 400 instead of reading it as another host', async (target) => {
      expect((await send(`127.0.0.1:${e.port}`, target)).status).toBe(400);
    });
});
