import { createHash, randomBytes } from 'node:crypto';
import type { DoctorDeps } from './types.js';

/**
 * One GET of the authorize endpoint, the way a sign-in starts, redirects not followed and no
 * cookies sent, so nothing signs in and nothing is created. What Cognito answered, classified in
 * its order of checks: client, redirect_uri, then refusals redirected to the app.
 */
export type ProbeOutcome =
  | { kind: 'proceeds'; location: string } // the sign-in page, or the identity provider
  | { kind: 'error-page'; error: string; location: string } // /error?error=redirect_mismatch|invalid_request
  | { kind: 'refused'; error: string; description: string; location: string } // back to redirect_uri with error
  | { kind: 'unreachable'; detail: string };

export interface ProbeParams {
  clientId: string;
  redirectUri: string;
  scope?: string;
  identityProvider?: string;
}

export async function probeAuthorize(endpoint: string, p: ProbeParams, deps: DoctorDeps): Promise<ProbeOutcome> {
  const url = new URL(endpoint);
  const verifier = randomBytes(32).toString('base64url');
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  if (p.scope !== undefined) url.searchParams.set('scope', p.scope);
  if (p.identityProvider !== undefined) url.searchParams.set('identity_provider', p.identityProvider);
  url.searchParams.set('state', 'cognito-inspector-doctor');
  url.searchParams.set('code_challenge', createHash('sha256').update(verifier).digest('base64url'));
  url.searchParams.set('code_challenge_method', 'S256');
  let res: Response;
  try {
    res = await deps.fetch(url.href, { redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    await res.body?.cancel();
  } catch (err) {
    return { kind: 'unreachable', detail: err instanceof Error ? err.message : String(err) };
  }
  const location = res.headers.get('location');
  if (location === null) return res.status < 400 ? { kind: 'proceeds', location: '' } : { kind: 'error-page', error: `HTTP ${res.status}`, location: '' };
  const target = new URL(location, url);
  if (target.pathname.endsWith('/error') && target.origin === url.origin) {
    return { kind: 'error-page', error: target.searchParams.get('error') ?? 'unknown', location };
  }
  if (location.startsWith(p.redirectUri)) {
    const params = new URLSearchParams(target.hash ? target.hash.slice(1) : target.search);
    const error = params.get('error');
    if (error !== null) return { kind: 'refused', error, description: params.get('error_description') ?? '', location };
  }
  return { kind: 'proceeds', location };
}

/** Cognito puts the real reason in error_description (error is invalid_request); others in error. */
export const refusalName = (o: { error: string; description: string }) =>
  /^(invalid_scope|unauthorized_client)$/.test(o.description) ? o.description : o.error;
