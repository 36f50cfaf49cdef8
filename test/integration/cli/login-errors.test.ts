import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, startEmulator, type Emulator, type EmulatorConfigInput } from '../../../emulator/index.js';
import { adHocProfileName } from '../../../main/core/profiles/ad-hoc.js';
import { BROWSER, browsersGone, EMULATOR_CLIENT, errorOf, freshHome, keychainAccounts, runCli, savedProfiles } from './support.js';

/**
 * Each sign-in failure produced for real through the CLI: the code, the whole hint, the exit code,
 * and that nothing was stored (no keychain entry, no remembered ad-hoc profile), nor any secret printed.
 */
const CONFIDENTIAL = 'confidentialclient000000';
const MACHINE = 'machineclient00000000000';
const SECRET = 'the-real-secret-value-123';
const WRONG_SECRET = 'wrong-secret-value-xyz';

let emulator: Emulator;
beforeAll(async () => {
  const config = structuredClone(DEFAULT_CONFIG) as EmulatorConfigInput & { userPool: { clients: Array<Record<string, unknown>> } };
  const base = config.userPool.clients[0]!;
  config.userPool.clients.push({ ...base, clientId: CONFIDENTIAL, name: 'confidential', secret: SECRET });
  config.userPool.clients.push({ ...base, clientId: MACHINE, name: 'machine', secret: 'm2m-secret-value-456', allowedFlows: ['client_credentials'] });
  emulator = await startEmulator({ port: 0, config });
});
afterAll(async () => emulator?.stop());

const unusedPort = () => new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
});

interface Case {
  name: string;
  args: (issuer: string) => string[];
  env?: Record<string, string>;
  code: string;
  hint: string | ((args: string[]) => string);
  exit: 1 | 2;
}

const login = (issuer: string, clientId: string, ...more: string[]) =>
  ['login', '--issuer', issuer, '--client-id', clientId, '--browser-command', BROWSER, '--timeout', '30', ...more];

let mismatchPort = 0;
const cases: Case[] = [
  {
    name: 'redirect_mismatch: a --redirect-uri the client does not have → REDIRECT_MISMATCH naming the URL to add',
    args: (i) => login(i, EMULATOR_CLIENT, '--redirect-uri', `http://localhost:${mismatchPort}/callback`),
    code: 'REDIRECT_MISMATCH',
    hint: () => `Add http://localhost:${mismatchPort}/callback to the app client's Allowed callback URLs (exact match: scheme, host, port, path and trailing slash).`,
    exit: 1,
  },
  {
    name: 'invalid_scope: offline_access',
    args: (i) => login(i, EMULATOR_CLIENT, '--scope', 'openid offline_access'),
    code: 'INVALID_SCOPE',
    hint: 'Check that the app client allows every requested scope (openid offline_access): openid, email, phone, profile, aws.cognito.signin.user.admin or a resource-server scope enabled on the client. email/phone/profile also need openid. offline_access is not a Cognito scope: remove it (Cognito returns a refresh token without it).',
    exit: 1,
  },
  {
    name: 'invalid_client: a confidential client with the wrong secret',
    args: (i) => login(i, CONFIDENTIAL, '--client-secret-env', 'APP_SECRET', '--debug'),
    env: { APP_SECRET: WRONG_SECRET },
    code: 'INVALID_CLIENT',
    hint: 'The client secret is wrong, or the app client has no secret: fix the secret or remove it for a public client.',
    exit: 1,
  },
  {
    name: 'unauthorized_client: a client without the code grant',
    args: (i) => login(i, MACHINE, '--client-secret-env', 'APP_SECRET'),
    env: { APP_SECRET: 'm2m-secret-value-456' },
    code: 'UNAUTHORIZED_CLIENT',
    hint: `Enable "Authorization code grant" in the app client's OAuth settings for client ${MACHINE}.`,
    exit: 1,
  },
  {
    name: 'access_denied: Cancel on the Google account chooser',
    args: (i) => login(i, EMULATOR_CLIENT, '--identity-provider', 'Google'),
    env: { BROWSER_ACTION: 'cancel' },
    code: 'ACCESS_DENIED',
    hint: 'The user or the identity provider refused the request; sign in again with an account that has access, or check the provider settings.',
    exit: 1,
  },
  {
    // Exit 2: the person typed it. A provider's own http endpoint is INSECURE_PROVIDER_ENDPOINT, exit 1
    // (test/integration/cli/insecure-issuer.test.ts).
    name: 'an http issuer that is not on loopback → INSECURE_ISSUER before any request, exit 2 (bad input)',
    args: () => login('http://idp.example.com/us-east-1_Pool', EMULATOR_CLIENT),
    code: 'INSECURE_ISSUER',
    hint: 'Use https://idp.example.com/us-east-1_Pool; plain http is allowed only for issuers on this machine (localhost, 127.0.0.1, [::1]).',
    exit: 2,
  },
];

describe('login failures through the CLI', () => {
  beforeAll(async () => {
    mismatchPort = await unusedPort();
  });

  it.each(cases)('$name', async (c) => {
    const home = await freshHome();
    const args = c.args(emulator.issuer);
    const r = await runCli(args, { home, ...(c.env ? { env: c.env } : {}) });
    const { code, hint } = errorOf(r.stderr);
    expect({ exit: r.code, code, hint, stdout: r.stdout }).toEqual({ exit: c.exit, code: c.code, hint: typeof c.hint === 'string' ? c.hint : c.hint(args), stdout: '' });
    // Nothing stored: no ad-hoc profile remembered, no keychain entry.
    const issuer = args[args.indexOf('--issuer') + 1]!;
    const clientId = args[args.indexOf('--client-id') + 1]!;
    expect(await savedProfiles(home)).toEqual({});
    expect(await keychainAccounts()).not.toContain(`profile:${adHocProfileName(issuer, clientId)}`);
    for (const secret of [SECRET, WRONG_SECRET, 'm2m-secret-value-456']) expect(r.stderr + r.stdout).not.toContain(secret);
    await browsersGone(home); // a refusal can now fail the login before its browser has loaded the start URL
  });

  it('an issuer nobody listens on → NETWORK_UNREACHABLE, exit 1, nothing stored', async () => {
    const home = await freshHome();
    const issuer = `http://127.0.0.1:${await unusedPort()}/us-east-1_Gone`;
    const r = await runCli(login(issuer, EMULATOR_CLIENT), { home });
    expect({ exit: r.code, ...errorOf(r.stderr) }).toEqual({
      exit: 1, code: 'NETWORK_UNREACHABLE', message: `Could not reach ${issuer} (ECONNREFUSED).`,
      hint: 'Check your network connection, proxy and firewall, and that the issuer URL and port are right.',
    });
    expect(await savedProfiles(home)).toEqual({});
  });

  it('https:// to a plain-http server (the emulator) → says it speaks plain http, not a CA hint; exit 1, nothing stored', async () => {
    const home = await freshHome();
    const issuer = emulator.issuer.replace(/^http:/, 'https:');
    const r = await runCli(login(issuer, EMULATOR_CLIENT), { home });
    expect({ exit: r.code, ...errorOf(r.stderr) }).toEqual({
      exit: 1, code: 'TLS_FAILURE', message: `The TLS connection to ${issuer} failed (ERR_SSL_WRONG_VERSION_NUMBER): this server speaks plain http, not https.`,
      hint: "Use http:// in the issuer URL (allowed only for this machine: localhost, 127.0.0.1, [::1]), or the server's https port.",
    });
    expect(await savedProfiles(home)).toEqual({});
  });

  it('--client-secret-env naming an unset variable → BAD_USAGE exit 2 before anything starts', async () => {
    const home = await freshHome();
    const r = await runCli(login(emulator.issuer, CONFIDENTIAL, '--client-secret-env', 'NOT_SET_ANYWHERE'), { home });
    expect({ exit: r.code, stdout: r.stdout, ...errorOf(r.stderr) }).toEqual({
      exit: 2, stdout: '', code: 'BAD_USAGE', message: '$NOT_SET_ANYWHERE is empty or unset',
      hint: 'export NOT_SET_ANYWHERE=<the app client secret>, or drop --client-secret-env for a public client',
    });
  });
});

describe('a confidential client with the right secret', () => {
  it('signs in, keeps the secret in the keychain only, and never prints it', async () => {
    const home = await freshHome();
    const flags = ['--issuer', emulator.issuer, '--client-id', CONFIDENTIAL];
    const r = await runCli([...login(emulator.issuer, CONFIDENTIAL, '--client-secret-env', 'APP_SECRET'), '--debug'], { home, env: { APP_SECRET: SECRET } });
    expect(r.stderr).not.toMatch(/error\[/);
    expect(r.code).toBe(0);
    const name = adHocProfileName(emulator.issuer, CONFIDENTIAL);
    expect(await savedProfiles(home)).toEqual({ [name]: expect.objectContaining({ hasClientSecret: true, adHoc: true }) });
    expect(JSON.stringify(await savedProfiles(home))).not.toContain(SECRET);
    // presence, so the absence checks in this file (here and in the refusals above) can fail
    expect(await keychainAccounts()).toContain(`profile:${name}`);
    // Later commands find the secret in the keychain: no --client-secret-env needed to refresh or revoke.
    const token = await runCli(['token', ...flags], { home });
    expect(token.code).toBe(0);
    const logout = await runCli(['logout', ...flags], { home });
    expect([logout.code, logout.stdout]).toEqual([0, `signed out of profile "${name}": refresh token revoked; keychain entry removed\n`]);
    for (const out of [r, token, logout]) expect(out.stdout + out.stderr).not.toContain(SECRET);
    expect(await keychainAccounts()).not.toContain(`profile:${name}`);
  });
});
