import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { AppError } from '../../core/errors/app-error.js';

const action: Action = async (io, _opts, [name]) => {
  const ctx = cliContext(io);
  await ctx.profiles.get(name!); // PROFILE_NOT_FOUND with the known names
  const { forgetSession } = await import('../session-access.js');
  await forgetSession(io, name!).catch((err: unknown) => {
    if (!(err instanceof AppError)) throw err;
    io.stderr(`warning: the keychain entry could not be removed (${err.code}): ${err.hint}\n`);
  });
  await ctx.profiles.remove(name!);
  io.stdout(`removed profile "${name}"\n`);
};
export default action;
