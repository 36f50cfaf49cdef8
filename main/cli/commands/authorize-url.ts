import { parseParams, previewAuthorizeUrl } from '../../core/auth/authorize-url.js';
import { systemClock } from '../../core/ports.js';
import { clientConfigFor } from '../../core/session/profile-auth.js';
import { cliContext } from '../context.js';
import { fetchFor, printJson } from '../output.js';
import type { ProfileFlags } from '../profile-options.js';
import type { Action } from '../program.js';
import { resolveProfile } from '../resolve-profile.js';

/**
 * `authorize-url`: the exact URL `login` would open (first redirect URI, fresh state, nonce and
 * PKCE challenge), without listening or signing in. `--param` adds or overrides parameters; unlike
 * `login`, it may override protocol ones (the point is to craft a URL), with a warning.
 */
const action: Action = async (io, opts) => {
  const flags = opts as ProfileFlags & { param?: string[]; json?: boolean };
  const profile = await resolveProfile(cliContext(io).profiles, flags);
  const params = parseParams(flags.param, { allowProtocol: true });
  const preview = await previewAuthorizeUrl(clientConfigFor(profile), { clock: systemClock, fetch: fetchFor(io, profile.name) }, params);
  if (preview.overridden.length) {
    io.stderr(`warning: --param overrides ${preview.overridden.join(', ')}: a sign-in would send its own; this URL is for hand testing\n`);
  }
  if (flags.json) {
    return printJson(io, {
      profile: profile.name,
      url: preview.url,
      redirectUri: preview.redirectUri,
      state: preview.state,
      nonce: preview.nonce,
      codeChallenge: preview.codeChallenge,
      params: Object.fromEntries(new URL(preview.url).searchParams),
      ...(preview.overridden.length ? { overridden: preview.overridden } : {}),
    });
  }
  io.stdout(`${preview.url}\n`);
};
export default action;
