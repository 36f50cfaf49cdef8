import { decodeProtectedHeader, decodeJwt } from 'jose';
import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { resolveProfile } from '../resolve-profile.js';
import type { ProfileFlags } from '../profile-options.js';
import { cliSession } from '../session-access.js';
import { printJson } from '../output.js';
import { AppError } from '../../core/errors/app-error.js';

/** Prints a token valid for at least 30 s, refreshing first when needed. */
const action: Action = async (io, opts) => {
  const flags = opts as ProfileFlags;
  const profile = await resolveProfile(cliContext(io).profiles, flags);
  const { manager } = await cliSession(io, profile, flags.clientSecretEnv ? { clientSecretEnv: flags.clientSecretEnv } : {});
  const tokens = await manager.tokens(profile.name);
  const type = opts.type === 'access' ? 'access' : 'id';
  const token = type === 'access' ? tokens.accessToken : tokens.idToken;
  if (!token) throw new AppError('NOT_SIGNED_IN', 'the session has no ID token', 'request the openid scope (--scope "openid email") and sign in again');
  if (opts.decode || opts.json) {
    const decoded = opts.decode ? { header: decodeProtectedHeader(token), payload: decodeJwt(token) } : {};
    return printJson(io, { type, expiresAt: new Date(tokens.expiresAt).toISOString(), ...(opts.json ? { token } : {}), ...decoded });
  }
  io.stdout(token + '\n');
};
export default action;
