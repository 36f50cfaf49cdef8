import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, freshHome, runCli, savedProfiles } from './support.js';

/**
 * Plain http off this machine, told apart by who chose the URL. The person typed it (`--issuer
 * http://…`): bad input, INSECURE_ISSUER, exit 2, the https URL in the hint, nothing saved. The
 * provider advertised it (its discovery document on a loopback issuer lists an http endpoint on
 * another host): the provider's fault, INSECURE_PROVIDER_ENDPOINT, exit 1, and nothing is sent there.
 */
const TYPED = 'http://idp.example.test/us-east-1_Pool';
const TYPED_HINT = 'Use https://idp.example.test/us-east-1_Pool; plain http is allowed only for issuers on this machine (localhost, 127.0.0.1, [::1]).';

describe('an http issuer the person typed', () => {
  it.each([
    ['login', ['login', '--issuer', TYPED, '--client-id', 'abc', '--no-browser', '--timeout', '5']],
    ['profiles add', ['profiles', 'add', 'typed', '--issuer', TYPED, '--client-id', 'abc']],
    ['authorize-url', ['authorize-url', '--issuer', TYPED, '--client-id', 'abc']],
    ['doctor', ['doctor', '--issuer', TYPED, '--client-id', 'abc']],
    ['status', ['status', '--issuer', TYPED, '--client-id', 'abc']],
  ])('%s → INSECURE_ISSUER, exit 2, nothing saved', async (_label, args) => {
    const home = await freshHome();
    const r = await runCli(args, { home });
    expect({ exit: r.code, stdout: r.stdout, ...errorOf(r.stderr) }).toEqual({
      exit: 2, stdout: '', code: 'INSECURE_ISSUER', message: `The issuer ${TYPED} does not use https.`, hint: TYPED_HINT,
    });
    expect(await savedProfiles(home)).toEqual({});
  });

  it('a profile saved before the rule: status and logout still work; login refuses it (INSECURE_ISSUER, exit 2)', async () => {
    const home = await freshHome();
    await writeFile(join(home, 'profiles.json'), JSON.stringify({ version: 1, profiles: { old: { name: 'old', issuer: TYPED, clientId: 'abc' } } }));
    const status = await runCli(['status', '--profile', 'old'], { home });
    expect([status.code, status.stdout, status.stderr]).toEqual([1, 'not signed in with profile "old": run cognito-inspector login --profile old\n', '']);
    expect((await runCli(['logout', '--profile', 'old', '--local'], { home })).code).toBe(0);
    const login = await runCli(['login', '--profile', 'old', '--no-browser', '--timeout', '5'], { home });
    expect({ exit: login.code, ...errorOf(login.stderr) }).toEqual({ exit: 2, code: 'INSECURE_ISSUER', message: `The issuer ${TYPED} does not use https.`, hint: TYPED_HINT });
  });
});

describe('an http endpoint the provider advertised', () => {
  let server: Server;
  let issuer = '';
  const requested: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requested.push(req.url ?? '');
      if (req.url !== '/pool/.well-known/openid-configuration') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/oauth2/authorize`,
        token_endpoint: 'http://idp.example.test/oauth2/token',
        jwks_uri: 'http://idp.example.test/.well-known/jwks.json',
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}/pool`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('login → INSECURE_PROVIDER_ENDPOINT, exit 1, saying it is the provider\'s doing; only discovery was requested', async () => {
    requested.length = 0;
    const home = await freshHome();
    const r = await runCli(['login', '--issuer', issuer, '--client-id', 'abc', '--browser-command', '/bin/false', '--timeout', '10'], { home });
    expect({ exit: r.code, stdout: r.stdout, ...errorOf(r.stderr) }).toEqual({
      exit: 1, stdout: '', code: 'INSECURE_PROVIDER_ENDPOINT',
      message: `The discovery document of ${issuer} advertises token_endpoint http://idp.example.test/oauth2/token, which does not use https; nothing was sent to it.`,
      hint: "This is the provider's configuration, not yours: its discovery document must list https endpoints (plain http only on this machine). Ask its operator to fix it, and check that the issuer URL is the provider's real one.",
    });
    expect(requested).toEqual(['/pool/.well-known/openid-configuration']);
    expect(await savedProfiles(home)).toEqual({});
  });

  it('inspect --issuer → INSECURE_PROVIDER_ENDPOINT for its jwks_uri, exit 1 (not 2: the issuer given is fine)', async () => {
    const token = `${Buffer.from('{"alg":"RS256","kid":"k"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: issuer, sub: 'a' })).toString('base64url')}.c2ln`;
    const r = await runCli(['inspect', token, '--issuer', issuer, '--json'], { home: await freshHome() });
    expect({ exit: r.code, error: JSON.parse(r.stdout).verification.error }).toMatchObject({
      exit: 1,
      error: { code: 'INSECURE_PROVIDER_ENDPOINT', message: 'the jwks_uri from discovery (http://idp.example.test) is not https, and plain http is fetched only from loopback hosts; no request was made' },
    });
  });
});
