import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main.js';
import { captureIo } from '../../unit/cli/io.js';
import { createSessionVault } from '../../../main/core/secrets/session-vault.js';
import { createSystemSecretStore } from '../../../main/core/secrets/system-store.js';
import { ROOT, freshHome, keychainAccounts, savedProfiles, uniqueName } from './support.js';

/**
 * `profiles` in-process (runCli with an in-memory Io): add/show/list/edit/remove, validation errors
 * naming the field (exit 2), and import of Amplify Gen 2 / Gen 1 configs. In the integration project
 * because `profiles remove` deletes the keychain entry.
 */
async function cli(home: string, ...args: string[]) {
  const io = captureIo({ env: { COGNITO_INSPECTOR_HOME: home } });
  const code = await runCli(['node', 'cognito-inspector', ...args], io);
  return { code, out: io.out, err: io.err };
}
const fixture = (name: string) => join(ROOT, 'test/fixtures/amplify', name);
const ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123';

describe('profiles add / show / list / edit / remove', () => {
  it('round-trips a profile through every command', async () => {
    const home = await freshHome();
    const name = uniqueName('prod');
    const add = await cli(home, 'profiles', 'add', name, '--region', 'us-east-1', '--user-pool-id', 'us-east-1_AbC123', '--client-id', '1example23456789',
      '--identity-provider', 'Google', '--prompt', 'login', '--identity-pool-id', 'us-east-1:1b2c3d4e-0000-4000-8000-000000000009', '--client-secret-env', 'PROD_SECRET');
    expect(add).toEqual({
      code: 0, err: '',
      out: [
        `saved profile "${name}"`,
        `name               ${name}`,
        `issuer             ${ISSUER}`,
        'client id          1example23456789',
        'client secret      expected in the keychain',
        'scopes             openid email profile',
        'redirect URIs      http://localhost:53682/callback, http://localhost:53683/callback',
        'identity provider  Google',
        'authorize params   prompt=login',
        'identity pool      us-east-1:1b2c3d4e-0000-4000-8000-000000000009 (enhanced)',
        'the client secret is read from $PROD_SECRET at login and kept in the keychain',
        '',
      ].join('\n'),
    });

    expect(JSON.parse((await cli(home, 'profiles', 'show', name, '--json')).out)).toEqual({
      name, issuer: ISSUER, clientId: '1example23456789', hasClientSecret: true, region: 'us-east-1', scopes: ['openid', 'email', 'profile'],
      redirectUris: ['http://localhost:53682/callback', 'http://localhost:53683/callback'], identityProvider: 'Google',
      authorizeParams: { prompt: 'login' }, identityPool: { id: 'us-east-1:1b2c3d4e-0000-4000-8000-000000000009', mode: 'enhanced' }, adHoc: false,
    });

    const other = uniqueName('okta');
    expect((await cli(home, 'profiles', 'add', other, '--issuer', 'https://dev-123.okta.com/oauth2/default/', '--client-id', '0oa1')).code).toBe(0);
    expect(await cli(home, 'profiles', 'list')).toEqual({
      code: 0, err: '',
      out: [[name, ISSUER, '1example23456789'], [other, 'https://dev-123.okta.com/oauth2/default', '0oa1']]
        .sort((a, b) => a[0]!.localeCompare(b[0]!))
        .map(([n, i, c]) => `  ${n!.padEnd(Math.max(name.length, other.length))}  ${i}  ${c}\n`).join(''),
    });

    const edit = await cli(home, 'profiles', 'edit', name, '--scope', 'openid email', '--redirect-uri', 'http://localhost:8765/cb', '--refresh-token-lifetime', '2592000');
    expect([edit.code, edit.err]).toEqual([0, '']);
    expect(await savedProfiles(home)).toMatchObject({ [name]: { scopes: ['openid', 'email'], redirectUris: ['http://localhost:8765/cb'], refreshTokenLifetimeSeconds: 2592000, identityProvider: 'Google' } });

    expect(await cli(home, 'profiles', 'remove', other)).toEqual({ code: 0, err: '', out: `removed profile "${other}"\n` });
    expect(Object.keys(await savedProfiles(home))).toEqual([name]);
  });

  it('remove deletes the keychain entry of the profile too', async () => {
    const home = await freshHome();
    const name = uniqueName('gone');
    expect((await cli(home, 'profiles', 'add', name, '--issuer', ISSUER, '--client-id', 'abc')).code).toBe(0);
    const store = execFile('secret-tool', ['store', '--label', 'test entry', 'service', 'cognito-inspector', 'username', `profile:${name}`]);
    store.stdin!.end('{"v":1,"data":"{}"}');
    await new Promise((resolve) => store.once('close', resolve));
    expect(await keychainAccounts()).toContain(`profile:${name}`);
    expect(await cli(home, 'profiles', 'remove', name)).toEqual({ code: 0, err: '', out: `removed profile "${name}"\n` });
    expect(await keychainAccounts()).not.toContain(`profile:${name}`);
  });

  it('edit --no-client-secret: the profile stops expecting a secret and the keychain drops it; a stored session stays', async () => {
    const home = await freshHome();
    const name = uniqueName('pub');
    expect((await cli(home, 'profiles', 'add', name, '--issuer', ISSUER, '--client-id', 'abc', '--client-secret-env', 'S')).code).toBe(0);
    const vault = createSessionVault(createSystemSecretStore());
    await vault.write(name, { clientSecret: 'not-needed-secret', refreshToken: 'kept-refresh-token' });
    const r = await cli(home, 'profiles', 'edit', name, '--no-client-secret');
    expect([r.code, r.err, r.out.split('\n')[0]]).toEqual([0, '', `updated profile "${name}" (its client secret was deleted from the keychain)`]);
    expect(r.out).toContain('client secret      none (public client)');
    expect(await savedProfiles(home)).toMatchObject({ [name]: { hasClientSecret: false } });
    const stored = await vault.read(name);
    expect([stored?.clientSecret, stored?.refreshToken]).toEqual([undefined, 'kept-refresh-token']);
    expect((await cli(home, 'profiles', 'edit', name, '--no-client-secret', '--client-secret-env', 'S')).code).toBe(2);
    await vault.remove(name);
  });

  it('list with no profiles says how to add one', async () => {
    expect(await cli(await freshHome(), 'profiles', 'list')).toEqual({
      code: 0, err: '', out: 'no profiles yet: `cognito-inspector profiles add NAME --issuer URL --client-id ID`, or `profiles import amplify_outputs.json`\n',
    });
  });
});

describe('profiles errors', () => {
  const base = ['--issuer', ISSUER, '--client-id', 'abc'];
  it.each([
    ['a bad name', ['bad name!', ...base], 'INVALID_INPUT', 'the profile is invalid: name: letters, digits, ".", "_" and "-", at most 64, starting with a letter or digit', 'fix the field "name"'],
    ['an issuer that is not a URL', ['p1', '--issuer', 'not-a-url', '--client-id', 'abc'], 'INVALID_INPUT', 'the profile is invalid: issuer: expected the issuer URL (--issuer, or --region with --user-pool-id)', 'fix the field "issuer"'],
    ['an issuer without https://', ['p1', '--issuer', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_X', '--client-id', 'abc'], 'INVALID_INPUT', '--issuer cognito-idp.us-east-1.amazonaws.com/us-east-1_X has no scheme', 'add https://: --issuer https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X'],
    ['a redirect URI that is not http', ['p1', ...base, '--redirect-uri', 'ftp://x/cb'], 'INVALID_INPUT', 'the profile is invalid: redirectUris.0: expected an http(s) URL', 'fix the field "redirectUris.0"'],
    ['a bad region', ['p1', '--region', 'nowhere', '--user-pool-id', 'p_1', '--client-id', 'abc'], 'INVALID_INPUT', 'the profile is invalid: region: an AWS region such as us-east-1', 'fix the field "region"'],
    ['a bad identity pool id', ['p1', ...base, '--identity-pool-id', 'bad'], 'INVALID_INPUT', 'the profile is invalid: identityPool.id: an identity pool id such as us-east-1:1b2c3d4e-...', 'fix the field "identityPool.id"'],
    ['no client id', ['p1', '--issuer', ISSUER], 'INVALID_INPUT', 'the profile is invalid: clientId: expected the app client id (--client-id)', 'fix the field "clientId"'],
    ['--user-pool-id without --region', ['p1', '--user-pool-id', 'us-east-1_AbC123', '--client-id', 'abc'], 'BAD_USAGE', '--user-pool-id needs --region', 'add --region, e.g. --region us-east-1'],
    ['--region not matching the pool id', ['p1', '--region', 'eu-west-1', '--user-pool-id', 'us-east-1_AbC123', '--client-id', 'abc'], 'INVALID_INPUT', '--region eu-west-1 does not match --user-pool-id us-east-1_AbC123 (a pool in us-east-1)', 'pass --region us-east-1, or check --user-pool-id: a user pool id starts with its region'],
    ['a negative refresh lifetime', ['p1', ...base, '--refresh-token-lifetime', '-5'], 'BAD_USAGE', '--refresh-token-lifetime must be a positive whole number of seconds, got "-5"', 'e.g. --refresh-token-lifetime 300'],
    ['--profile instead of the name argument', ['p1', ...base, '--profile', 'p2'], 'BAD_USAGE', 'profiles add takes the name as its argument, not --profile', 'run `profiles add NAME --issuer URL --client-id ID`'],
  ])('add with %s: exit 2 naming it, nothing saved', async (_label, args, code, message, hint) => {
    const home = await freshHome();
    expect(await cli(home, 'profiles', 'add', ...args)).toEqual({ code: 2, out: '', err: `error[${code}]: ${message}\nhint: ${hint}\n` });
    expect(await savedProfiles(home)).toEqual({});
  });

  it('add over an existing name: PROFILE_EXISTS exit 2 unless --replace', async () => {
    const home = await freshHome();
    expect((await cli(home, 'profiles', 'add', 'dup', '--issuer', ISSUER, '--client-id', 'first')).code).toBe(0);
    expect(await cli(home, 'profiles', 'add', 'dup', '--issuer', ISSUER, '--client-id', 'second')).toEqual({
      code: 2, out: '', err: 'error[PROFILE_EXISTS]: a profile named "dup" exists\nhint: pick another name, add --replace to overwrite it, or change fields with `profiles edit`\n',
    });
    expect((await cli(home, 'profiles', 'add', 'dup', '--issuer', ISSUER, '--client-id', 'second', '--replace')).code).toBe(0);
    expect(await savedProfiles(home)).toMatchObject({ dup: { clientId: 'second' } });
  });

  it('edit with an invalid value names the field and leaves the profile as it was; edit with nothing is bad usage', async () => {
    const home = await freshHome();
    await cli(home, 'profiles', 'add', 'e1', '--issuer', ISSUER, '--client-id', 'abc');
    const before = await savedProfiles(home);
    expect(await cli(home, 'profiles', 'edit', 'e1', '--api-base-url', 'nope')).toEqual({
      code: 2, out: '', err: 'error[INVALID_INPUT]: the profile is invalid: apiBaseUrl: expected an http(s) URL\nhint: fix the field "apiBaseUrl"\n',
    });
    expect(await cli(home, 'profiles', 'edit', 'e1')).toEqual({ code: 2, out: '', err: 'error[BAD_USAGE]: nothing to change\nhint: give the flags to change, e.g. --scope "openid email"\n' });
    expect(await savedProfiles(home)).toEqual(before);
  });

  it.each([['show'], ['edit', '--scope', 'openid'], ['remove'], ['use']])('profiles %s of an unknown name: PROFILE_NOT_FOUND listing the known ones (exit 2: bad input)', async (command, ...more) => {
    const home = await freshHome();
    await cli(home, 'profiles', 'add', 'known', '--issuer', ISSUER, '--client-id', 'abc');
    expect(await cli(home, 'profiles', command, 'nope', ...more)).toEqual({ code: 2, out: '', err: 'error[PROFILE_NOT_FOUND]: no profile named "nope"\nhint: known profiles: known\n' });
  });
});

describe('profiles import', () => {
  it.each([
    ['amplify_outputs.json (Gen 2)', 'amplify_outputs.json', 'amplify-gen2', {
      name: 'app', issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Gen2Pool1', clientId: 'gen2client0000000000000000', hasClientSecret: false,
      region: 'us-east-1', scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'], redirectUris: ['http://localhost:53682/callback'],
      // GOOGLE is offered (the window's "Sign in with Google"), not forced: the hosted UI stays reachable
      identityProviders: ['Google'], authorizeParams: {}, identityPool: { id: 'us-east-1:1b2c3d4e-0000-4000-8000-000000000002', mode: 'enhanced' },
      hostedUiDomain: 'https://gen2app.auth.us-east-1.amazoncognito.com', logoutUri: 'http://localhost:53682/signed-out', adHoc: false,
    }, []],
    ['amplifyconfiguration.json (Gen 1)', 'amplifyconfiguration.json', 'amplify-gen1', {
      name: 'app', issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Gen1Pool1', clientId: 'gen1client0000000000000000', hasClientSecret: false,
      region: 'eu-west-1', scopes: ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'], redirectUris: ['http://localhost:53682/callback', 'http://localhost:53683/callback'],
      identityProviders: ['Google', 'Facebook'], authorizeParams: {}, identityPool: { id: 'eu-west-1:2c3d4e5f-0000-4000-8000-000000000003', mode: 'enhanced' },
      // redirectSignOut is only http://localhost:3000/ (the dev server) and https://app.example.com/: no logoutUri
      hostedUiDomain: 'https://gen1app.auth.eu-west-1.amazoncognito.com', adHoc: false,
    }, [
      // http://localhost:3000/ is the web app's dev server, not a callback the inspector can own
      "no loopback redirect URI in the config; using http://localhost:53682/callback and http://localhost:53683/callback: add them to the app client's Allowed callback URLs",
    ]],
    ['aws-exports.js (Gen 1, read as data, never run)', 'aws-exports.js', 'amplify-gen1', {
      name: 'app', issuer: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Exports1', clientId: 'exportsclient000000000000', hasClientSecret: false,
      region: 'us-west-2', scopes: ['openid', 'email', 'profile'], redirectUris: ['http://localhost:53682/callback', 'http://localhost:53683/callback'],
      authorizeParams: {}, adHoc: false,
    }, ["no loopback redirect URI in the config; using http://localhost:53682/callback and http://localhost:53683/callback: add them to the app client's Allowed callback URLs"]],
  ])('%s', async (_label, file, format, profile, notes) => {
    const home = await freshHome();
    const r = await cli(home, 'profiles', 'import', fixture(file), '--name', 'app');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out.split('\n')[0]).toBe(`imported ${format} config as profile "app"`);
    expect([...r.out.matchAll(/^note: (.*)$/gm)].map((m) => m[1])).toEqual(notes);
    expect(await savedProfiles(home)).toEqual({ app: profile });
  });

  it.each([
    ['a config without auth', fixture('no-auth.json'), 'error[INVALID_INPUT]: no-auth.json has no user pool: expected auth.user_pool_id (amplify_outputs.json) or aws_user_pools_id (Gen 1)\nhint: pass the amplify_outputs.json, amplifyconfiguration.json or aws-exports.js of an app with auth configured\n'],
    ['a missing file', '/nonexistent/amplify_outputs.json', 'error[INVALID_INPUT]: cannot read /nonexistent/amplify_outputs.json: ENOENT\nhint: check the path\n'],
  ])('%s: INVALID_INPUT exit 2, nothing saved', async (_label, path, err) => {
    const home = await freshHome();
    expect(await cli(home, 'profiles', 'import', path)).toEqual({ code: 2, out: '', err });
    expect(await savedProfiles(home)).toEqual({});
  });

  it('an existing name needs --replace', async () => {
    const home = await freshHome();
    expect((await cli(home, 'profiles', 'import', fixture('amplify_outputs.json'))).code).toBe(0);
    expect((await cli(home, 'profiles', 'import', fixture('aws-exports.js'))).code).toBe(2);
    expect((await cli(home, 'profiles', 'import', fixture('aws-exports.js'), '--replace')).code).toBe(0);
    expect(await savedProfiles(home)).toMatchObject({ amplify: { clientId: 'exportsclient000000000000' } });
  });
});
