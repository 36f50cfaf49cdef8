import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { createSessionVault } from '../../../main/core/secrets/session-vault.js';
import { createSystemSecretStore } from '../../../main/core/secrets/system-store.js';
import { configWith } from '../emulator/support.js';
import { startTestApi, type TestApi } from '../../support/test-api/server.js';
import { BROWSER, EMULATOR_CLIENT, freshHome, runCli, uniqueName } from './support.js';

/**
 * --trace and --har through the built CLI: login (real Chromium), a refresh, credentials and call
 * against the emulator and a test API. Each HAR must be valid HAR 1.2 and list the expected
 * exchanges in order, and no secret of the session may appear in any trace line or HAR byte.
 * The access and ID tokens live 4 s here, so a `token` 2 s later must refresh.
 */
const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const SECRET = 'tr4ce-client-secret-0123456789abcdef';
const REDACTED = /^‹redacted:[0-9a-f]{4}›$/;

let emulator: Emulator;
let api: TestApi;
let home: string;
let dir: string;
let profile: string;
const env = () => ({ CI_SECRET: SECRET });
/** Every secret seen during the session: tokens (each generation), code, client secret, AWS keys. */
const secrets = new Set<string>([SECRET]);
const outputs: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ config: configWith({ secret: SECRET, accessTokenValiditySeconds: 4, idTokenValiditySeconds: 4 }) });
  api = await startTestApi({ issuer: emulator.issuer, clientId: EMULATOR_CLIENT, region: 'us-east-1', service: 'execute-api' });
  home = await freshHome();
  dir = await mkdtemp(join(tmpdir(), 'ci-har-'));
  profile = uniqueName('trace');
  const add = await runCli(['profiles', 'add', profile, '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT, '--identity-pool-id', POOL, '--identity-endpoint', emulator.url, '--api-base-url', api.url], { home });
  if (add.code !== 0) throw new Error(add.stderr);
}, 60_000);
afterAll(async () => {
  await api?.stop();
  await emulator?.stop();
});

async function collectSessionSecrets(): Promise<void> {
  const entry = await createSessionVault(createSystemSecretStore()).read(profile);
  for (const v of [entry?.idToken, entry?.accessToken, entry?.refreshToken, entry?.clientSecret]) if (v) secrets.add(v);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed file whose shape the test checks
type Loose = Record<string, any>;
interface HarDoc { log: { version: string; creator: { name: string; version: string }; entries: Loose[] } }

/** The fields HAR 1.2 requires (softwareishard.com/blog/har-12-spec), with their types. */
function expectValidHar(har: HarDoc): void {
  expect(har.log.version).toBe('1.2');
  expect(har.log.creator).toEqual({ name: 'cognito-inspector', version: expect.any(String) });
  const nv = { name: expect.any(String), value: expect.any(String) };
  for (const e of har.log.entries) {
    expect(Number.isNaN(Date.parse(e.startedDateTime))).toBe(false);
    expect(e).toMatchObject({ time: expect.any(Number), cache: {}, timings: { send: expect.any(Number), wait: expect.any(Number), receive: expect.any(Number) } });
    expect(e.request).toMatchObject({ method: expect.any(String), url: expect.any(String), httpVersion: expect.any(String), cookies: [], headersSize: -1, bodySize: expect.any(Number) });
    for (const list of [e.request.headers, e.request.queryString, e.response.headers]) for (const item of list) expect(item).toEqual(nv);
    expect(e.response).toMatchObject({ status: expect.any(Number), statusText: expect.any(String), httpVersion: expect.any(String), cookies: [], redirectURL: expect.any(String), headersSize: -1, bodySize: expect.any(Number) });
    expect(e.response.content).toMatchObject({ size: expect.any(Number), mimeType: expect.any(String) });
    if (e.request.postData) expect(e.request.postData).toEqual({ mimeType: expect.any(String), text: expect.any(String) });
  }
}

/** Runs a command with --trace and --har; returns the trace lines and the HAR. */
async function traced(name: string, args: string[], extraEnv: Record<string, string> = {}): Promise<{ lines: string[]; har: HarDoc; stdout: string }> {
  const harPath = join(dir, `${name}.har`);
  const r = await runCli([...args, '--profile', profile, '--trace', '--har', harPath], { home, env: { ...env(), ...extraEnv } });
  expect(r.stderr).not.toMatch(/error\[/);
  expect(r.code).toBe(0);
  const bytes = await readFile(harPath, 'utf8');
  expect((await stat(harPath)).mode & 0o777).toBe(0o600);
  outputs.push(r.stderr, bytes);
  const lines = r.stderr.split('\n').filter((l) => /^(GET|POST|PUT|DELETE) /.test(l));
  return { lines, har: JSON.parse(bytes) as HarDoc, stdout: r.stdout };
}

const shape = (lines: string[]) => lines.map((l) => l.replace(emulator.url, 'EMU').replace(api.url, 'API').replace(/ \d+ ms/, '').replace(/\?.*? /, '?… ').replace(/localhost:5368[23]\//, 'localhost:PORT/'));

describe('--trace and --har', () => {
  it('login: discovery, the authorize URL, the callback, the token exchange in order; the JWKS once', async () => {
    const urlLog = join(dir, 'browser-urls.txt');
    const { lines, har } = await traced('login', ['login', '--client-secret-env', 'CI_SECRET', '--browser-command', BROWSER, '--timeout', '60'], { BROWSER_URL_LOG: urlLog });
    // Beside the browser, the JWKS is prefetched and the authorize URL probed once (a refusal shows
    // at once): both run while the user signs in, so they may land anywhere after the authorize line.
    const background = ['GET EMU/us-east-1_LocalDemo/.well-known/jwks.json 200', 'GET EMU/oauth2/authorize?… 302'];
    expect(shape(lines).filter((l) => background.includes(l)).sort()).toEqual([...background].sort());
    expect(shape(lines).filter((l) => !background.includes(l))).toEqual([
      'GET EMU/us-east-1_LocalDemo/.well-known/openid-configuration 200',
      'GET EMU/oauth2/authorize?… (opened in the browser)',
      'GET http://localhost:PORT/callback?… 302 (browser)',
      'POST EMU/oauth2/token 200',
    ]);
    expectValidHar(har);
    const entries = har.log.entries.filter((e) => !String(e.request.url).endsWith('/jwks.json') && !(e.request.url.includes('/oauth2/authorize') && e.response.status === 302));
    expect(entries.map((e) => `${e.request.method} ${new URL(e.request.url).pathname}`)).toEqual([
      'GET /us-east-1_LocalDemo/.well-known/openid-configuration', 'GET /oauth2/authorize', 'GET /callback', 'POST /oauth2/token',
    ]);
    const token = entries[3]!;
    const form = new URLSearchParams(token.request.postData.text as string);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toMatch(REDACTED);
    expect(form.get('code_verifier')).toMatch(REDACTED);
    expect(token.request.headers.find((h: { name: string }) => h.name === 'authorization').value).toMatch(/^Basic ‹redacted:[0-9a-f]{4}›$/);
    expect(JSON.parse(token.response.content.text as string)).toMatchObject({ access_token: expect.stringMatching(REDACTED), id_token: expect.stringMatching(REDACTED), refresh_token: expect.stringMatching(REDACTED), token_type: 'Bearer' });
    // The code the browser brought back (ground truth from the browser's own request log).
    const callback = (await readFile(urlLog, 'utf8')).split('\n').find((u) => /^http:\/\/localhost:5368[23]\/callback\?/.test(u)); // the other helper's tests may hold 53682
    const code = new URL(callback!).searchParams.get('code');
    expect(code).toBeTruthy();
    secrets.add(code!);
    expect(entries[2]!.request.queryString).toContainEqual({ name: 'code', value: expect.stringMatching(REDACTED) });
    await collectSessionSecrets();
  }, 90_000);

  it('token after the access token passed half its life: one refresh_token grant', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // the tokens must age: the refresh is the point
    const { lines, har } = await traced('refresh', ['token', '--type', 'access']);
    expect(shape(lines)).toEqual([
      'GET EMU/us-east-1_LocalDemo/.well-known/openid-configuration 200',
      'POST EMU/oauth2/token 200',
      'GET EMU/us-east-1_LocalDemo/.well-known/jwks.json 200',
    ]);
    expectValidHar(har);
    expect(new URLSearchParams(har.log.entries[1]!.request.postData.text as string).get('refresh_token')).toMatch(REDACTED);
    await collectSessionSecrets();
  }, 30_000);

  it('credentials: GetId then GetCredentialsForIdentity, the Logins token and the keys redacted', async () => {
    const { lines, har, stdout } = await traced('credentials', ['credentials', '--json', '--no-cache']);
    const aws = shape(lines).filter((l) => l.startsWith('POST EMU/ '));
    expect(aws).toEqual(['POST EMU/ GetId 200', 'POST EMU/ GetCredentialsForIdentity 200']);
    expectValidHar(har);
    const creds = JSON.parse(stdout) as { secretAccessKey: string; sessionToken: string };
    secrets.add(creds.secretAccessKey).add(creds.sessionToken);
    const getCreds = har.log.entries.find((e) => (e.request.headers as Array<{ name: string; value: string }>).some((h) => h.value.endsWith('GetCredentialsForIdentity')))!;
    expect(Object.values(JSON.parse(getCreds.request.postData.text as string).Logins as Record<string, string>)).toEqual([expect.stringMatching(REDACTED)]);
    expect(JSON.parse(getCreds.response.content.text as string).Credentials).toMatchObject({ AccessKeyId: expect.stringMatching(/^ASIA/), SecretKey: expect.stringMatching(REDACTED), SessionToken: expect.stringMatching(REDACTED) });
    await collectSessionSecrets();
  }, 30_000);

  it('call: the request with the ID token in Authorization, redacted', async () => {
    const { lines, har } = await traced('call', ['call', '/pets']);
    expect(shape(lines).at(-1)).toBe('GET API/pets 200');
    expectValidHar(har);
    const call = har.log.entries.at(-1)!;
    expect(call.request.headers.find((h: { name: string }) => h.name.toLowerCase() === 'authorization').value).toMatch(REDACTED);
    await collectSessionSecrets();
  }, 30_000);

  it('no secret of the session appears in any trace line or HAR byte', () => {
    expect(secrets.size).toBeGreaterThanOrEqual(8);
    const all = outputs.join('\n');
    for (const s of secrets) expect(all.includes(s), `a secret (${s.slice(0, 6)}…) leaked`).toBe(false);
    // The verifier never leaves the CLI except in the token request: every occurrence is a marker.
    for (const m of all.matchAll(/code_verifier=([^&\s"]*)/g)) expect(m[1]).toMatch(REDACTED);
  });
});
