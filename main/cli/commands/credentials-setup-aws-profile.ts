import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors/app-error.js';
import { awsConfigPath, writeCredentialProcessProfile } from '../../core/aws/aws-config-file.js';
import { checkRoleArn, credentialProcessLine, refuseControlCharacters, splitWords } from '../../core/aws/credential-process-line.js';
import { profileNameSchema, type Profile } from '../../core/profiles/schema.js';
import { cliContext } from '../context.js';
import { printJson, type Io } from '../output.js';
import type { Action } from '../program.js';
import { resolveProfile } from '../resolve-profile.js';
import type { CredentialFlags } from './credentials-options.js';

const AWS_PROFILE_NAME = /^[A-Za-z0-9][\w.@+-]{0,63}$/;

/**
 * Writes `[profile NAME]` with `credential_process` (this CLI by absolute path, every argument
 * quoted) and `region` into the AWS config file, so the AWS CLI and SDKs get the pool's
 * credentials on demand. Only a command goes into the file, never a secret.
 */
const action: Action = async (io, opts, args) => {
  const flags = opts as CredentialFlags & { command?: string; saveAs?: string; json?: boolean };
  const name = args[0] ?? '';
  if (!AWS_PROFILE_NAME.test(name)) throw new AppError('BAD_USAGE', `"${name.replace(/[\r\n]/g, '\\n')}" is not a usable AWS profile name`, 'use letters, digits, ".", "_", "-", e.g. setup-aws-profile my-app-dev --profile local');
  if (flags.roleArn !== undefined) checkRoleArn(flags.roleArn);
  const command = flags.command !== undefined ? splitWords(flags.command) : thisCli();
  if (!command.length) throw new AppError('BAD_USAGE', '--command is empty', 'leave it out to use this CLI by its absolute path, or give e.g. --command "npx cognito-inspector"');

  const { profile, saved } = await profileForLine(io, flags);
  if (!profile.identityPool) {
    throw new AppError('INVALID_CONFIG', `profile "${profile.name}" has no identity pool`, `add one: cognito-inspector profiles edit ${profile.name} --identity-pool-id us-east-1:<guid>`);
  }
  const cliArgs = ['credentials', '--profile', profile.name, '--format', 'process'];
  if (flags.roleArn) cliArgs.push('--role-arn', flags.roleArn);
  if (flags.mode) cliArgs.push('--mode', flags.mode);
  const line = credentialProcessLine(command, cliArgs);
  const region = profile.region ?? profile.identityPool.id.split(':')[0]!;
  const written = await writeCredentialProcessProfile(awsConfigPath(io.env), name, { credential_process: line, region });
  const endpoint = profile.identityPool.endpoint;
  const tryIt = `aws sts get-caller-identity --profile ${name}${endpoint ? ` --endpoint-url ${endpoint}` : ''}`;
  if (flags.json) return printJson(io, { awsProfile: name, ...written, credentialProcess: line, region, profile: profile.name, ...(saved ? { savedProfile: saved } : {}), tryIt });

  if (saved) io.stdout(`saved the ad-hoc settings as profile "${saved}" (the line below names it)${flags.saveAs ? `; sign in once with: cognito-inspector login --profile ${saved}` : ''}\n`);
  const backupNote = written.backup ? ` (the file as it was before the first run is kept as ${written.backup})` : '';
  io.stdout(`${written.replaced ? 'replaced' : 'added'} [${name === 'default' ? 'default' : `profile ${name}`}] in ${written.path}${backupNote}\n`);
  io.stdout(`credential_process = ${line}\nregion = ${region}\n`);
  if (endpoint) {
    io.stdout(`the credentials come from the local pool at ${endpoint}: AWS tools must send STS calls there, e.g.\n  ${tryIt}\n`);
  } else io.stdout(`try it: ${tryIt}\n`);
};
export default action;

/** The saved profile the line names: --profile, or ad-hoc flags saved now (--save-as NAME or the derived name). */
async function profileForLine(io: Io, flags: CredentialFlags & { saveAs?: string }): Promise<{ profile: Profile; saved?: string }> {
  const store = cliContext(io).profiles;
  if (flags.profile) {
    if (flags.saveAs) throw new AppError('BAD_USAGE', '--save-as is for ad-hoc flags; --profile names a saved profile already', 'drop --save-as, or drop --profile and give --issuer/--client-id');
    return { profile: await store.get(flags.profile) };
  }
  const resolved = await resolveProfile(store, flags);
  if (!resolved.adHoc) return { profile: resolved };
  let toSave = resolved;
  if (flags.saveAs) {
    refuseControlCharacters(flags.saveAs, '--save-as');
    const parsed = profileNameSchema.safeParse(flags.saveAs);
    if (!parsed.success) throw new AppError('BAD_USAGE', `--save-as "${flags.saveAs}" is not a usable profile name`, 'letters, digits, ".", "_" and "-", e.g. --save-as local');
    toSave = { ...resolved, name: flags.saveAs, adHoc: false };
  }
  const profile = await store.add(toSave, { replace: true });
  return { profile, saved: profile.name };
}

/** This CLI as AWS tools can start it: node and the launcher script, both by absolute path. */
function thisCli(): string[] {
  const invoked = process.argv[1];
  if (invoked && /^cognito-inspector(\.js)?$/.test(basename(invoked))) return [process.execPath, realpathSync(invoked)];
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const bin = join(dir, 'bin', 'cognito-inspector.js');
    if (existsSync(bin)) return [process.execPath, bin];
  }
  return ['cognito-inspector'];
}
