import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureBuilt } from '../../support/ensure-built.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { runCli, signedInProfile, tempHome } from '../../support/test-api/cli.js';
import { startTestApi, type TestApi } from '../../support/test-api/server.js';

// `call` against a test API that checks tokens the way API Gateway's Cognito authorizer does and
// SigV4 signatures with the same signing library. Runs under with-keyring.sh.
const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const PROFILE = `cli-call-${process.pid}`;
const ALICE = '1b3b6f4e-8a2c-4d5e-9f10-a1b2c3d4e5f6';

let e: Emulator;
let api: TestApi;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  ensureBuilt();
  e = await startEmulator();
  api = await startTestApi({ issuer: e.issuer, clientId: 'localdemoclient0000000000', region: 'us-east-1', service: 'execute-api' });
  const home = await tempHome();
  env = { COGNITO_INSPECTOR_HOME: home };
  await signedInProfile(e, home, PROFILE, POOL);
  const edit = await runCli(['profiles', 'edit', PROFILE, '--api-base-url', `${api.url}/prod`], env);
  if (edit.code !== 0) throw new Error(edit.stderr);
}, 180_000);
afterAll(async () => {
  await api.stop();
  await e.stop();
});

const call = async (...args: string[]) => {
  const out = await runCli(['call', '--profile', PROFILE, '--json', ...args], env);
  return { code: out.code, stderr: out.stderr, doc: out.stdout ? (JSON.parse(out.stdout) as { status: number; headers: Record<string, string>; body: Record<string, unknown> }) : undefined };
};

describe('cognito-inspector call', () => {
  it('sends the ID token as the Authorization header (Cognito authorizer default), relative to the API base URL', async () => {
    const { code, doc } = await call('/pets?kind=dog');
    expect(code).toBe(0);
    expect(doc?.status).toBe(200);
    expect(doc?.headers['x-test-api']).toBe('yes');
    expect(doc?.body).toEqual({ auth: 'id', sub: ALICE, username: 'alice', method: 'GET', path: '/prod/pets', query: { kind: 'dog' }, body: '' });
  });

  it('--token access sends Bearer <access token>; -X and -d set the method and body', async () => {
    const { doc } = await call(`${api.url}/items`, '--token', 'access', '-X', 'PUT', '-H', 'X-Extra: 1', '-d', '{"a":1}');
    expect(doc?.body).toEqual({ auth: 'access', sub: ALICE, username: 'alice', method: 'PUT', path: '/items', query: {}, body: '{"a":1}' });
  });

  it('--sigv4 signs with the temporary credentials; the server’s independent verifier accepts the signature', async () => {
    const creds = JSON.parse((await runCli(['credentials', '--profile', PROFILE, '--json'], env)).stdout) as { accessKeyId: string; secretAccessKey: string; sessionToken: string };
    api.allow({ accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken });
    const { code, doc } = await call('/orders?b=2&a=1', '--sigv4', 'execute-api', '-d', 'hello');
    expect(code).toBe(0);
    expect(doc?.body).toEqual({ auth: 'sigv4', accessKeyId: creds.accessKeyId, method: 'POST', path: '/prod/orders', query: { a: '1', b: '2' }, body: 'hello' });
  });

  it('a refused request prints the response and exits 1', async () => {
    const { code, doc } = await call('/x', '-H', 'Authorization: not-a-token');
    expect(code).toBe(1);
    expect(doc?.status).toBe(401);
    expect(doc?.body).toEqual({ message: 'Unauthorized' });
  });

  it('a SigV4 request for another service is refused (403)', async () => {
    const { code, doc } = await call('/orders', '--sigv4', 's3');
    expect({ code, status: doc?.status }).toEqual({ code: 1, status: 403 });
  });

  it('text output: status line, headers, blank line, body', async () => {
    const out = await runCli(['call', '--profile', PROFILE, '/text'], env);
    expect(out.stdout).toMatch(/^HTTP 200 OK\n(?:[a-z-]+: .*\n)+\n\{"auth":"id",.*\}\n$/);
  });
});

describe('cognito-inspector call: where the token may go', () => {
  it('a relative target that a URL parser reads as another host (\\\\host/x) is refused; that host receives nothing', async () => {
    const seen: string[] = [];
    const evil = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.end('stolen');
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    try {
      const host = `127.0.0.1:${(evil.address() as AddressInfo).port}`;
      for (const target of [`\\\\${host}/x`, `\\/${host}/x`]) {
        const out = await runCli(['call', '--profile', PROFILE, target], env);
        expect({ code: out.code, stdout: out.stdout }).toEqual({ code: 2, stdout: '' });
        expect(out.stderr).toMatch(/^error\[INSECURE_ENDPOINT\]: the relative target .* resolves to http:\/\/127\.0\.0\.1:\d+, not the API base URL's/);
      }
      expect(seen).toEqual([]);
    } finally {
      await new Promise<void>((r) => evil.close(() => r()));
    }
  });

  it.each([['--token', 'id'], ['--sigv4', 'execute-api']])('plain http off this machine is refused before any token or credential is fetched (%s)', async (flag, value) => {
    const out = await runCli(['call', '--profile', PROFILE, flag, value, 'http://api.example.test/pets'], env);
    // What the person typed: bad input, exit 2.
    expect({ code: out.code, stdout: out.stdout }).toEqual({ code: 2, stdout: '' });
    expect(out.stderr).toMatch(/^error\[INSECURE_ENDPOINT\]: the URL "http:\/\/api\.example\.test\/pets" \(http:\/\/api\.example\.test\) is not https/);
  });

  it('userInfo with the ID token: the response, exit 1, and a hint that userInfo takes the access token; --token access works', async () => {
    const url = `${e.url.replace(/\/$/, '')}/oauth2/userInfo`;
    const wrong = await runCli(['call', '--profile', PROFILE, url], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^HTTP 4\d\d /);
    expect(wrong.stderr).toBe('hint: the userInfo endpoint takes the access token, not the ID token: add --token access\n');
    const right = await runCli(['call', '--profile', PROFILE, url, '--token', 'access'], env);
    expect([right.code, right.stderr]).toEqual([0, '']);
  });
});
