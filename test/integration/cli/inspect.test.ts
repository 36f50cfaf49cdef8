import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, startEmulator, type Emulator, type EmulatorConfigInput } from '../../../emulator/index.js';
import { startSelfIssuer } from '../../support/self-issuer.js';
import { freshHome, runCli } from './support.js';

/**
 * `inspect` exit codes from outside the process: 0 valid, 1 invalid or unpinned, 2 not a JWT; the token as an
 * argument or on stdin. A real token comes from the emulator (client_credentials, a signed JWT).
 */
let emulator: Emulator;
let token = '';
let home = '';
beforeAll(async () => {
  const config = structuredClone(DEFAULT_CONFIG) as EmulatorConfigInput & { userPool: Record<string, unknown> & { clients: Array<Record<string, unknown>> } };
  config.userPool.resourceServers = [{ identifier: 'reports', scopes: ['read'] }];
  config.userPool.clients.push({
    clientId: 'inspectmachine0000000000', name: 'machine', secret: 'inspect-machine-secret', callbackUrls: [], logoutUrls: [],
    allowedScopes: ['reports/read'], allowedFlows: ['client_credentials'], identityProviders: ['COGNITO'],
  });
  emulator = await startEmulator({ port: 0, config });
  home = await freshHome();
  const res = await fetch(`${emulator.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('inspectmachine0000000000:inspect-machine-secret').toString('base64')}` },
    body: 'grant_type=client_credentials&scope=reports%2Fread',
  });
  token = ((await res.json()) as { access_token: string }).access_token;
});
afterAll(async () => emulator?.stop());

/** The same token with one character of the signature changed. */
const tampered = () => {
  const [h, p, s] = token.split('.') as [string, string, string];
  return `${h}.${p}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
};

type Row = [label: string, exit: 0 | 1 | 2, args: () => string[], input: (() => string) | undefined];

describe('cognito-inspector inspect exit codes', () => {
  it.each<Row>([
    ['a valid token, verified through --issuer', 0, () => ['inspect', token, '--issuer', emulator.issuer], undefined],
    ['a valid token on stdin (-)', 0, () => ['inspect', '-', '--issuer', emulator.issuer], () => `${token}\n`],
    ['a valid token on stdin with no argument', 0, () => ['inspect', '--issuer', emulator.issuer], () => token],
    ['a tampered signature', 1, () => ['inspect', tampered(), '--issuer', emulator.issuer], undefined],
    ['a tampered signature on stdin', 1, () => ['inspect', '-', '--issuer', emulator.issuer], () => tampered()],
    ['the wrong token_use', 1, () => ['inspect', token, '--issuer', emulator.issuer, '--token-use', 'id'], undefined],
    ['garbage', 2, () => ['inspect', 'not a token at all'], undefined],
    ['garbage on stdin', 2, () => ['inspect', '-'], () => 'hello world\n'],
    ['empty stdin', 2, () => ['inspect', '-'], () => ''],
  ])('%s → exit %i', async (_label, exit, args, input) => {
    const r = await runCli(args(), { home, ...(input ? { input: input() } : {}) });
    expect({ exit: r.code, stderr: r.stderr }).toEqual({ exit, stderr: '' });
    expect(r.stdout).not.toBe('');
  });

  it('--json prints one JSON document with the verification result', async () => {
    const ok = await runCli(['inspect', token, '--issuer', emulator.issuer, '--json'], { home });
    const bad = await runCli(['inspect', tampered(), '--issuer', emulator.issuer, '--json'], { home });
    expect([ok.code, bad.code]).toEqual([0, 1]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ exitCode: 0, payload: { client_id: 'inspectmachine0000000000', token_use: 'access', scope: 'reports/read' } });
    expect(JSON.parse(bad.stdout)).toMatchObject({ exitCode: 1, payload: { client_id: 'inspectmachine0000000000' } });
  });
});

describe('a token that names its own issuer (attack: self-issued admin token)', () => {
  it('is "unpinned" with exit 1, never VALID, when keys come from its own iss; VALID only once that issuer is pinned', async () => {
    const attacker = await startSelfIssuer();
    try {
      const forged = await attacker.mint();
      const text = await runCli(['inspect', forged], { home });
      const json = await runCli(['inspect', forged, '--json'], { home });
      expect([text.code, json.code, text.stderr, json.stderr]).toEqual([1, 1, '', '']);
      expect(text.stdout).not.toMatch(/VALID(?! )|: valid/);
      expect(text.stdout).toContain('Verification: SIGNED BY THE ISSUER IT NAMES (issuer not pinned)');
      expect(JSON.parse(json.stdout)).toMatchObject({
        exitCode: 1, payload: { sub: 'admin', 'cognito:groups': ['admins'] },
        verification: { status: 'unpinned', error: { code: 'ISSUER_NOT_PINNED' } },
      });
      // the signature itself did match: the checks all pass, only the trust is missing
      expect(JSON.parse(json.stdout).verification.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
      // pinned to the real issuer, the forged token fails
      const pinnedElsewhere = await runCli(['inspect', forged, '--issuer', emulator.issuer, '--json'], { home });
      expect([pinnedElsewhere.code, JSON.parse(pinnedElsewhere.stdout).verification.status]).toEqual([1, 'invalid']);
      // the person pins that issuer: then (and only then) it is valid
      const pinned = await runCli(['inspect', forged, '--issuer', attacker.issuer, '--json'], { home });
      expect([pinned.code, JSON.parse(pinned.stdout).verification]).toEqual([0, expect.objectContaining({ status: 'valid', pinnedBy: '--issuer' })]);
    } finally {
      await attacker.stop();
    }
  });

  it("is valid without flags when its iss is a saved profile's issuer", async () => {
    const own = await freshHome();
    expect((await runCli(['profiles', 'add', 'local', '--issuer', emulator.issuer, '--client-id', 'inspectmachine0000000000'], { home: own })).code).toBe(0);
    const r = await runCli(['inspect', token, '--json'], { home: own });
    expect([r.code, JSON.parse(r.stdout).verification]).toEqual([0, expect.objectContaining({ status: 'valid', pinnedBy: 'saved profile "local"' })]);
    // the same token in a home with no such profile is only unpinned
    expect((await runCli(['inspect', token], { home })).code).toBe(1);
  });
});

describe('what the person typed as --issuer', () => {
  it('"$ISS/" (a trailing slash, copied from a browser): ISSUER_MISMATCH whose hint names the slash, exit 1', async () => {
    const text = await runCli(['inspect', token, '--issuer', `${emulator.issuer}/`], { home });
    const json = await runCli(['inspect', token, '--issuer', `${emulator.issuer}/`, '--json'], { home });
    const hint = `Only a trailing slash differs: pass --issuer ${emulator.issuer} (iss must match exactly).`;
    expect([text.code, text.stderr, json.code]).toEqual([1, '', 1]);
    expect(text.stdout).toContain(`  ✗ iss       iss is "${emulator.issuer}", expected "${emulator.issuer}/" (the issuer given)`);
    expect(text.stdout).toContain(`  error[ISSUER_MISMATCH]: iss is "${emulator.issuer}", expected "${emulator.issuer}/" (the issuer given)\n  hint: ${hint}\n`);
    expect(JSON.parse(json.stdout).verification).toMatchObject({ status: 'invalid', error: { code: 'ISSUER_MISMATCH', hint } });
    // doing what the hint says works
    expect((await runCli(['inspect', token, '--issuer', emulator.issuer], { home })).code).toBe(0);
  });

  it('http:// on a host that is not this machine: INSECURE_ISSUER, exit 2 (bad input), the https URL in the hint', async () => {
    // The emulator's token with its iss moved to that host (the signature no longer matters: nothing is fetched).
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = { ...JSON.parse(Buffer.from(p, 'base64url').toString()), iss: 'http://idp.example.test/us-east-1_Pool' };
    const moved = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    const r = await runCli(['inspect', moved, '--issuer', 'http://idp.example.test/us-east-1_Pool', '--json'], { home });
    expect({ exit: r.code, stderr: r.stderr, verification: JSON.parse(r.stdout).verification }).toMatchObject({
      exit: 2, stderr: '',
      verification: {
        status: 'unverified',
        error: {
          code: 'INSECURE_ISSUER',
          hint: 'Use https://idp.example.test/us-east-1_Pool, or download the JWKS yourself and pass it as a file (--jwks FILE).',
        },
      },
    });
  });
});
