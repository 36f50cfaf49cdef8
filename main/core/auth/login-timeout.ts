import { AppError } from '../errors/app-error.js';
import type { LoopbackObservations } from '../loopback/loopback-server.js';

/**
 * Builds LOGIN_TIMEOUT with the most likely cause. Cognito shows redirect_mismatch on its own error
 * page, so the listener never hears about it: we ask the authorize endpoint once more (no cookies, no
 * redirects followed) and look at where it sends us.
 */
export async function loginTimeoutError(opts: {
  timeoutMs: number; authorizeUrl: string; redirectUri: string; observations: LoopbackObservations; fetch: typeof fetch;
}): Promise<AppError> {
  const seconds = Number((opts.timeoutMs / 1000).toFixed(1));
  const message = `No sign-in response arrived within ${seconds} s.`;
  const details: Record<string, unknown> = { timeoutSeconds: seconds, startUrlHits: opts.observations.startUrlHits };
  if (await authorizeSaysRedirectMismatch(opts.authorizeUrl, opts.fetch)) {
    return new AppError('LOGIN_TIMEOUT', `${message} The identity provider rejects the redirect URI (redirect_mismatch).`,
      `Add ${opts.redirectUri} to the app client's Allowed callback URLs (exact match), then sign in again.`,
      { details: { ...details, likelyCause: 'redirect_mismatch', redirectUri: opts.redirectUri } });
  }
  if (opts.observations.refused.includes('state')) {
    return new AppError('LOGIN_TIMEOUT', `${message} A callback from another sign-in attempt (state mismatch) was refused.`,
      'Finish the sign-in in the tab opened by this attempt (close older sign-in tabs) and try again.', { details: { ...details, likelyCause: 'state_mismatch' } });
  }
  if (opts.observations.refused.includes('cookie')) {
    return new AppError('LOGIN_TIMEOUT', `${message} A callback from a browser that had not opened this sign-in's link was refused.`,
      'Open the sign-in link and finish signing in in that same browser (the callback is tied to it); if you did not send that callback, another program on this machine tried to.',
      { details: { ...details, likelyCause: 'callback_without_cookie' } });
  }
  return new AppError('LOGIN_TIMEOUT', message,
    'Finish signing in within the time limit (--timeout SECONDS), or use --no-browser and open the printed URL yourself if no browser window appeared.',
    { details });
}

async function authorizeSaysRedirectMismatch(authorizeUrl: string, fetchFn: typeof fetch): Promise<boolean> {
  try {
    const res = await fetchFn(authorizeUrl, { redirect: 'manual', signal: AbortSignal.timeout(3000) });
    const location = res.headers.get('location') ?? '';
    await res.body?.cancel();
    return /[?&]error=redirect_mismatch\b/.test(location);
  } catch {
    return false;
  }
}
