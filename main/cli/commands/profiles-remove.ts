import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Action } from '../program.js';
import { printWarning } from '../output.js';
import { cliContext } from '../context.js';
import { AppError } from '../../core/errors/app-error.js';
import { clearCurrentProfile } from '../../core/profiles/current-profile.js';

/**
 * Removes a profile the way logout would end its session: the refresh token is revoked first (so a
 * copy elsewhere stops working), then the keychain entry, the lock files and the profile go. When
 * revocation fails the person is told the token stays valid until it expires.
 */
const action: Action = async (io, _opts, [name]) => {
  const ctx = cliContext(io);
  const profile = await ctx.profiles.get(name!); // PROFILE_NOT_FOUND with the known names
  const { cliSession } = await import('../session-access.js');
  let revoked = false;
  try {
    const { manager } = await cliSession(io, profile);
    const result = await manager.signOut(profile.name);
    revoked = result.revoked;
    if (result.revokeError) {
      printWarning(io, result.revokeError.code, `the refresh token could not be revoked: it stays valid until it expires (${result.revokeError.message})`, result.revokeError.hint);
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    printWarning(io, err.code, `the session could not be ended (${err.message}); a refresh token, if any, stays valid until it expires`, err.hint);
    const { forgetSession } = await import('../session-access.js');
    await forgetSession(io, profile.name).catch(() => undefined);
  }
  const lock = join(ctx.home, 'locks', `${profile.name}.lock-target`);
  await Promise.all([rm(lock, { force: true }), rm(`${lock}.lock`, { recursive: true, force: true })]);
  await ctx.profiles.remove(profile.name);
  await clearCurrentProfile(ctx.home, profile.name);
  io.stdout(`removed profile "${profile.name}"${revoked ? ' (its refresh token was revoked and its keychain entry removed)' : ''}\n`);
};
export default action;
