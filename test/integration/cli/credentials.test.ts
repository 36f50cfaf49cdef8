import { ensureBuilt } from '../../support/ensure-built.js';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProcess } from '@aws-sdk/credential-providers';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { CLI, runCli, signedInProfile, tempHome } from '../../support/test-api/cli.js';

// The built CLI against the emulator, with the session in the real keychain (run under
// dbus-run-session -- scripts/with-keyring.sh).
const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const PROFILE = `cli-aws-${process.pid}`;

let e: Emulator;
let home: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  ensureBuilt();
  e = await startEmulator();
  home = await tempHome();
  env = { COGNITO_INSPECTOR_HOME: home };
  await signedInProfile(e, home, PROFILE, POOL);
}, 180_000);
afterAll(() => e.stop());

describe('cognito-inspector credentials', () => {
  it('--format process prints the credential_process document; the second run comes from the keychain with no request', async () => {
    const first = await runCli(['credentials', '--profile', PROFILE, '--format', 'process'], env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(doc).toEqual({
      Version: 1,
      AccessKeyId: expect.stringMatching(/^ASIA/),
      SecretAccessKey: expect.any(String),
      SessionToken: expect.any(String),
      Expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const seen = e.requestLog.length;
    const second = await runCli(['credentials', '--profile', PROFILE, '--format', 'process'], env);
    expect(second).toEqual({ code: 0, stdout: first.stdout, stderr: '' });
    expect(e.requestLog.length).toBe(seen);
    const ids = JSON.parse(await readFile(join(home, 'identity-ids.json'), 'utf8')) as { ids: Record<string, string> };
    expect(Object.keys(ids.ids)).toEqual([`${PROFILE}|${POOL}|1b3b6f4e-8a2c-4d5e-9f10-a1b2c3d4e5f6`]);
  });

  it('--format env, ini and json carry the same credentials', async () => {
    const json = JSON.parse((await runCli(['credentials', '--profile', PROFILE, '--json'], env)).stdout) as Record<string, string>;
    expect(json).toMatchObject({ roleArn: role('LocalDemoAdmin'), identityId: expect.stringMatching(/^us-east-1:/), cached: true });
    const envOut = await runCli(['credentials', '--profile', PROFILE, '--format', 'env'], env);
    expect(envOut.stdout).toBe(
      `export AWS_ACCESS_KEY_ID='${json.accessKeyId}'\nexport AWS_SECRET_ACCESS_KEY='${json.secretAccessKey}'\nexport AWS_SESSION_TOKEN='${json.sessionToken}'\nexport AWS_CREDENTIAL_EXPIRATION='${json.expiration}'\n`,
    );
    const ini = await runCli(['credentials', '--profile', PROFILE, '--format', 'ini', '--section', 'dev'], env);
    expect(ini.stdout).toBe(`[dev]\naws_access_key_id = ${json.accessKeyId}\naws_secret_access_key = ${json.secretAccessKey}\naws_session_token = ${json.sessionToken}\n# expires ${json.expiration}\n`);
  });

  it('setup-aws-profile writes a credential_process profile that the AWS SDK fromProcess provider uses', async () => {
    const config = join(home, 'aws-config');
    const original = '[default]\nregion = eu-west-1\n\n[profile app]\naws_access_key_id = OLD\n';
    await writeFile(config, original);
    const awsEnv = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials') };
    const command = `${process.execPath} ${CLI}`;
    const setup = await runCli(['credentials', 'setup-aws-profile', 'app', '--profile', PROFILE, '--command', command], { ...env, ...awsEnv });
    expect(setup).toMatchObject({ code: 0, stderr: '' });
    const line = `${command} credentials --profile ${PROFILE} --format process`;
    expect(await readFile(config, 'utf8')).toBe(`[default]\nregion = eu-west-1\n\n[profile app]\ncredential_process = ${line}\nregion = us-east-1\n`);
    expect(await readFile(`${config}.bak`, 'utf8')).toBe(original);

    const json = JSON.parse((await runCli(['credentials', '--profile', PROFILE, '--json'], env)).stdout) as Record<string, string>;
    const saved = { ...process.env };
    Object.assign(process.env, awsEnv, env);
    try {
      const creds = await fromProcess({ profile: 'app' })();
      expect(creds).toMatchObject({
        accessKeyId: json.accessKeyId,
        secretAccessKey: json.secretAccessKey,
        sessionToken: json.sessionToken,
        expiration: new Date(json.expiration ?? ''),
      });
    } finally {
      process.env = saved;
    }
  });

  it('whoami: the account, the assumed role and the roles to choose from', async () => {
    const out = await runCli(['credentials', 'whoami', '--profile', PROFILE, '--role-arn', role('LocalDemoDeveloper'), '--json'], env);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({
      account: '123456789012',
      arn: 'arn:aws:sts::123456789012:assumed-role/LocalDemoDeveloper/CognitoIdentityCredentials',
      userId: expect.stringMatching(/^AROA[A-Z0-9]{17}:CognitoIdentityCredentials$/),
      identityId: expect.stringMatching(/^us-east-1:/),
      identityPoolId: POOL,
      mode: 'enhanced',
      expiration: expect.any(String),
      roles: [role('LocalDemoAdmin'), role('LocalDemoDeveloper')],
      preferredRole: role('LocalDemoAdmin'),
    });
  });

  it('a role outside cognito:roles: error code and hint on stderr, exit 1, no secret printed', async () => {
    const out = await runCli(['credentials', '--profile', PROFILE, '--role-arn', role('LocalDemoGuest'), '--format', 'process'], env);
    expect(out).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `error[ROLE_NOT_ALLOWED]: The role ${role('LocalDemoGuest')} was refused: CustomRoleArn isn't one of the roles this identity may assume (cognito:roles or the role mapping).\n` +
        `hint: Pick one of the allowed roles (cognito:roles): ${role('LocalDemoAdmin')}, ${role('LocalDemoDeveloper')}; or drop --role-arn to get the preferred role. Its trust policy must also allow this identity pool.\n`,
    });
  });

  it('guest mode needs no sign-in', async () => {
    const out = await runCli(['credentials', 'whoami', '--profile', PROFILE, '--mode', 'guest', '--json'], env);
    expect(JSON.parse(out.stdout)).toMatchObject({ arn: 'arn:aws:sts::123456789012:assumed-role/LocalDemoGuest/CognitoIdentityCredentials', mode: 'guest', roles: [] });
  });
});
