import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { importAmplifyConfig } from '../../core/profiles/amplify-import.js';
import { describeProfile } from '../describe-profile.js';
import { AppError } from '../../core/errors/app-error.js';

const action: Action = async (io, opts, [file]) => {
  let text: string;
  try {
    text = await readFile(file!, 'utf8');
  } catch (err) {
    throw new AppError('INVALID_INPUT', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, 'check the path', { cause: err });
  }
  const result = importAmplifyConfig(basename(file!), text, String(opts.name));
  const profile = await cliContext(io).profiles.add(result.profile, { replace: Boolean(opts.replace) });
  io.stdout(`imported ${result.format} config as profile "${profile.name}"\n${describeProfile(profile).join('\n')}\n`);
  for (const note of result.notes) io.stdout(`note: ${note}\n`);
};
export default action;
