import { decodeProtectedHeader, decodeJwt } from 'jose';
import type { Action } from '../program.js';
import { cliContext } from '../context.js';
import { resolveProfile } from '../resolve-profile.js';
import type { ProfileFlags } from '../profile-options.js';
import { cliSession, unreadableSession } from '../session-access.js';
import { printJson, printWarning, usage } from '../output.js';
import { parseSeconds } from '../parse-number.js';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { SessionTokens } from '../../core/session/types.js';

/**
 * Prints a token valid for at least 30 s, refreshing first when needed. `--refresh` always refreshes;
 * `--min-valid SECONDS` refreshes when less is left (not capped: it is how a pool's lifetimes get
 * tested), and warns when even a fresh token lives less than that.
 */
const action: Action = async (io, opts) => {
  const flags = opts as ProfileFlags;
  const profile = await resolveProfile(cliContext(io).profiles, flags);
  if (opts.refresh && opts.minValid !== undefined) throw usage('--refresh and --min-valid exclude each other', '--refresh always refreshes; --min-valid refreshes only when less is left');
  const minValidMs = opts.minValid === undefined ? undefined : parseSeconds(opts.minValid, '--min-valid') * 1000;
  const { manager, secrets } = await cliSession(io, profile, { quiet: true, ...(flags.clientSecretEnv ? { clientSecretEnv: flags.clientSecretEnv } : {}) });
  const started = Date.now();
  let tokens: SessionTokens;
  try {
    if (!opts.refresh && minValidMs === undefined) tokens = await manager.tokens(profile.name);
    else {
      tokens = await manager.tokens(profile.name, 0); // refreshes only if expired
      const fresh = tokens.issuedAt >= started;
      if (!fresh && (opts.refresh || tokens.expiresAt - Date.now() < minValidMs!)) tokens = await manager.refresh(profile.name, 0);
      if (minValidMs !== undefined && tokens.expiresAt - Date.now() < minValidMs) {
        io.stderr(`warning: the token is valid for ${Math.round((tokens.expiresAt - Date.now()) / 1000)} s only, less than --min-valid ${minValidMs / 1000}, even refreshed (the app client's access/ID token lifetime)\n`);
      }
    }
  } catch (err) {
    throw (isAppError(err) && err.code === 'NOT_SIGNED_IN' && unreadableSession(secrets, profile.name)) || err;
  }
  // e.g. a refresh whose rotated token could not be saved: this process has it, the keychain not.
  const p = secrets.problem;
  if (p) printWarning(io, p.code, `${p.message} The session will not survive this process.`, p.hint);
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
