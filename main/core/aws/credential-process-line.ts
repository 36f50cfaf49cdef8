import { AppError } from '../errors/app-error.js';

/**
 * The `credential_process` line, built so that no value can escape it. The AWS SDK for JavaScript
 * runs the line through a shell (/bin/sh -c, cmd.exe on Windows); the AWS CLI (botocore) splits it
 * with shlex. POSIX single quotes mean the same to both; on Windows, double quotes. A CR or LF
 * anywhere would end the line and start new config lines (a profile, another credential_process),
 * so it is refused outright, as is every other control character.
 */

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Refuses control characters (CR and LF above all) in any value that goes into the AWS config file. */
export function refuseControlCharacters(value: string, what: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    const which = /[\r\n]/.test(value) ? 'a line break' : 'a control character';
    throw new AppError('INVALID_INPUT', `${what} contains ${which}, which would add lines to the AWS config file`,
      `pass ${what} on one line, without control characters`, { details: { field: what } });
  }
}

export function checkRoleArn(arn: string): void {
  refuseControlCharacters(arn, '--role-arn');
  if (!ROLE_ARN.test(arn)) {
    throw new AppError('INVALID_INPUT', `--role-arn is not an IAM role ARN: "${arn.slice(0, 120)}"`,
      'give a role ARN such as arn:aws:iam::123456789012:role/Readers (one of the ID token\'s cognito:roles)');
  }
}

/** A word that needs no quoting in either shell or shlex. */
const PLAIN = /^[\w@%+=:,./-]+$/;

export function quoteArg(arg: string, platform: NodeJS.Platform = process.platform): string {
  refuseControlCharacters(arg, 'the credential_process command');
  if (arg !== '' && PLAIN.test(arg) && !(platform === 'win32' && arg.includes('%'))) return arg;
  if (platform === 'win32') {
    // cmd.exe: inside double quotes only " and % are special; neither is needed by a path or flag here.
    if (/["%]/.test(arg)) throw new AppError('INVALID_INPUT', `"${arg}" cannot be quoted safely for cmd.exe (contains " or %)`, 'use a path and values without " or %');
    return `"${arg}"`;
  }
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Splits a --command value into words the way a shell would (whitespace, '...' and "..." quoting). */
export function splitWords(cmd: string): string[] {
  refuseControlCharacters(cmd, '--command');
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(cmd); m; m = re.exec(cmd)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

export function credentialProcessLine(command: string[], args: string[], platform: NodeJS.Platform = process.platform): string {
  return [...command, ...args].map((a) => quoteArg(a, platform)).join(' ');
}
