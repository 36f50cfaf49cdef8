import { AppError } from '../../core/errors/app-error.js';
import { awsConfigPath, writeCredentialProcessProfile } from '../../core/aws/aws-config-file.js';
import { cliContext } from '../context.js';
import { printJson } from '../output.js';
import type { Action } from '../program.js';
import type { CredentialFlags } from './credentials-options.js';

const AWS_PROFILE_NAME = /^[A-Za-z0-9][\w.@+-]{0,63}$/;

/**
 * Writes `[profile NAME] credential_process = cognito-inspector credentials --profile X --format process`
 * into the AWS config file, so any AWS SDK or the AWS CLI gets the pool's credentials on demand.
 * Only a command goes into the file, never a secret.
 */
const action: Action = async (io, opts, args) => {
  const flags = opts as CredentialFlags & { command?: string; json?: boolean };
  const name = args[0] ?? '';
  if (!AWS_PROFILE_NAME.test(name)) throw new AppError('BAD_USAGE', `"${name}" is not a usable AWS profile name`, 'use letters, digits, ".", "_", "-", e.g. setup-aws-profile my-app-dev --profile local');
  if (!flags.profile) throw new AppError('BAD_USAGE', 'setup-aws-profile needs --profile: the line names a saved profile', 'save one first (cognito-inspector profiles add NAME ...), then add --profile NAME');
  const profile = await cliContext(io).profiles.get(flags.profile);
  if (!profile.identityPool) {
    throw new AppError('INVALID_CONFIG', `profile "${profile.name}" has no identity pool`, `add one: cognito-inspector profiles edit ${profile.name} --identity-pool-id us-east-1:<guid>`);
  }
  const parts = [flags.command ?? 'cognito-inspector', 'credentials', '--profile', profile.name, '--format', 'process'];
  if (flags.roleArn) parts.push('--role-arn', flags.roleArn);
  if (flags.mode) parts.push('--mode', flags.mode);
  const line = parts.join(' ');
  const written = await writeCredentialProcessProfile(awsConfigPath(io.env), name, line);
  if (flags.json) return printJson(io, { awsProfile: name, ...written, credentialProcess: line });
  io.stdout(`${written.replaced ? 'replaced' : 'added'} [${name === 'default' ? 'default' : `profile ${name}`}] in ${written.path}${written.backup ? ` (previous file kept as ${written.backup})` : ''}\n`);
  io.stdout(`credential_process = ${line}\ntry it: aws sts get-caller-identity --profile ${name}\n`);
};
export default action;
