import { ensureBuilt } from '../../support/ensure-built.js';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProcess } from '@aws-sdk/credential-providers';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { adHocProfileName } from '../../../main/core/profiles/ad-hoc.js';
import { CLI, runCli, signedInProfile, tempHome } from '../../support/test-api/cli.js';

/**
 * `credentials setup-aws-profile` as a newcomer uses it, then the real AWS SDK reading the file:
 * the line starts this CLI by absolute path (no PATH, no npx), the profile has a region, the local
 * pool's endpoint is named, ad-hoc flags are saved under a name; and values that try to add lines
 * or run commands (a newline role ARN, shell syntax in --command) never reach the file or a shell.
 */
const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const PROFILE = `cli-setup-${process.pid}`;

let e: Emulator;
let home: string;
let env: NodeJS.ProcessEnv;
let config: string;
beforeAll(async () => {
  ensureBuilt();
  e = await startEmulator({ port: 0 });
  home = await tempHome();
  config = join(home, 'aws-config');
  env = { COGNITO_INSPECTOR_HOME: home, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials') };
  await signedInProfile(e, home, PROFILE, POOL);
}, 180_000);
afterAll(() => e.stop());

/** Runs `fn` with the AWS SDK seeing our config file and home. */
async function withAwsEnv<T>(fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    process.env = saved;
  }
}

describe('credentials setup-aws-profile', () => {
  it('without --command: node and this CLI by absolute path, a region, and the local pool\'s endpoint; the real STS client works with it', async () => {
    await writeFile(config, '[default]\nregion = eu-west-1\n');
    const r = await runCli(['credentials', 'setup-aws-profile', 'app', '--profile', PROFILE], env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const line = `${process.execPath} ${CLI} credentials --profile ${PROFILE} --format process`;
    expect(await readFile(config, 'utf8')).toBe(`[default]\nregion = eu-west-1\n\n[profile app]\ncredential_process = ${line}\nregion = us-east-1\n`);
    expect(r.stdout).toContain(`the credentials come from the local pool at ${e.url}: AWS tools must send STS calls there, e.g.\n  aws sts get-caller-identity --profile app --endpoint-url ${e.url}\n`);
    // What the AWS CLI line does, through the real SDK: the profile's credentials and region, STS at the pool.
    const me = await withAwsEnv(() => new STSClient({ profile: 'app', endpoint: e.url }).send(new GetCallerIdentityCommand({})));
    expect(me.Arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\//);
  });

  it('keeps the first backup: a second run does not overwrite config.bak', async () => {
    const original = '[profile keep]\nregion = ap-south-1\n';
    await writeFile(config, original);
    await writeFile(`${config}.bak`, 'stale').catch(() => undefined);
    const { rm } = await import('node:fs/promises');
    await rm(`${config}.bak`, { force: true });
    const first = await runCli(['credentials', 'setup-aws-profile', 'one', '--profile', PROFILE], env);
    const second = await runCli(['credentials', 'setup-aws-profile', 'two', '--profile', PROFILE], env);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(await readFile(`${config}.bak`, 'utf8')).toBe(original);
    expect(second.stdout).toContain(`(the file as it was before the first run is kept as ${config}.bak)`);
  });

  it.each([
    ['a newline in --role-arn', ['--role-arn', 'arn:aws:iam::123456789012:role/X\n[profile evil]\ncredential_process = touch MARKER'], '--role-arn contains a line break, which would add lines to the AWS config file'],
    ['a CR in --role-arn', ['--role-arn', 'arn:aws:iam::123456789012:role/X\rcredential_process = touch MARKER'], '--role-arn contains a line break, which would add lines to the AWS config file'],
    ['a role ARN that is not one', ['--role-arn', 'arn:aws:iam::123456789012:role/X;touch MARKER'], '--role-arn is not an IAM role ARN: "arn:aws:iam::123456789012:role/X;touch MARKER"'],
    ['a newline in --command', ['--command', `${process.execPath}\ncredential_process = touch MARKER`], '--command contains a line break, which would add lines to the AWS config file'],
  ])('%s: INVALID_INPUT, exit 2, the file untouched', async (_label, more, message) => {
    const before = '[default]\nregion = eu-west-1\n';
    await writeFile(config, before);
    const r = await runCli(['credentials', 'setup-aws-profile', 'evil', '--profile', PROFILE, ...more], env);
    expect({ code: r.code, stdout: r.stdout, error: /^error\[(\w+)\]: (.*)$/m.exec(r.stderr)?.slice(1) }).toEqual({ code: 2, stdout: '', error: ['INVALID_INPUT', message] });
    expect(await readFile(config, 'utf8')).toBe(before);
  });

  it('shell syntax in --command is quoted: the SDK runs no second command', async () => {
    const marker = join(home, 'PWNED');
    const command = `${process.execPath} ${CLI} ;touch ${marker};`;
    const r = await runCli(['credentials', 'setup-aws-profile', 'quoted', '--profile', PROFILE, '--command', command], env);
    expect(r.code).toBe(0);
    expect(await readFile(config, 'utf8')).toContain(`credential_process = ${process.execPath} ${CLI} ';touch' '${marker};' credentials`);
    // The SDK runs the line through /bin/sh: the quoted word reaches the CLI as an argument (which refuses it).
    await expect(withAwsEnv(() => fromProcess({ profile: 'quoted' })())).rejects.toThrow();
    expect(existsSync(marker)).toBe(false);
  });

  it('ad-hoc flags: saved under the derived name (said aloud) and the line names it; --save-as NAME saves under NAME', async () => {
    const flags = ['--issuer', e.issuer, '--client-id', 'localdemoclient0000000000', '--identity-pool-id', POOL, '--identity-endpoint', e.url];
    const derived = adHocProfileName(e.issuer, 'localdemoclient0000000000');
    const r = await runCli(['credentials', 'setup-aws-profile', 'adhoc-app', ...flags], env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`saved the ad-hoc settings as profile "${derived}" (the line below names it)\n`);
    expect(await readFile(config, 'utf8')).toContain(`credential_process = ${process.execPath} ${CLI} credentials --profile ${derived} --format process\n`);
    const named = await runCli(['credentials', 'setup-aws-profile', 'named-app', ...flags, '--save-as', 'local'], env);
    expect(named.stdout).toContain('saved the ad-hoc settings as profile "local" (the line below names it); sign in once with: cognito-inspector login --profile local\n');
    const shown = await runCli(['profiles', 'show', 'local', '--json'], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ name: 'local', issuer: e.issuer, adHoc: false, identityPool: { id: POOL, endpoint: e.url } });
  });
});
