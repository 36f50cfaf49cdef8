import { randomBytes } from 'node:crypto';
import { isAllowedEgress } from '../net/egress.js';
import type { Profile } from '../profiles/schema.js';
import { finding, type DoctorDeps, type Finding } from './types.js';

async function tokenError(token: string, form: Record<string, string>, headers: Record<string, string>, deps: DoctorDeps): Promise<string | undefined> {
  try {
    const res = await deps.fetch(token, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form), redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    const body = (await res.json().catch(() => ({}))) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : `HTTP ${res.status}`;
  } catch (err) {
    return `unreachable (${err instanceof Error ? err.message : String(err)})`;
  }
}

/**
 * `client-secret`: the token endpoint is sent a code that does not exist. A client that needs a
 * secret fails authentication first (invalid_client); a public one gets to the code (invalid_grant).
 * With the profile's secret (from the keychain) the same request says whether that secret is right.
 * No code exists, so nothing is issued.
 */
export async function checkClientSecret(profile: Profile, token: string | undefined, secret: string | undefined, deps: DoctorDeps): Promise<Finding> {
  const subject = profile.clientId;
  if (!token) return finding('client-secret', 'skip', subject, 'discovery names no token endpoint');
  const form = { grant_type: 'authorization_code', client_id: profile.clientId, code: `doctor-${randomBytes(8).toString('hex')}`, redirect_uri: profile.redirectUris[0] ?? '', code_verifier: randomBytes(32).toString('base64url') };
  const bare = await tokenError(token, form, {}, deps);
  const needsSecret = bare === 'invalid_client';
  if (bare !== 'invalid_client' && bare !== 'invalid_grant') return finding('client-secret', 'warn', subject, `the token endpoint answered a probe with ${bare}`, '');
  if (!needsSecret) {
    return profile.hasClientSecret
      ? finding('client-secret', 'warn', subject, 'the client is public (no secret needed) but the profile expects one', `stop sending it (the stored secret is deleted from the keychain): cognito-inspector profiles edit ${profile.name} --no-client-secret`)
      : finding('client-secret', 'pass', subject, 'public client, and the profile sends no secret');
  }
  if (!profile.hasClientSecret || !secret) {
    return finding('client-secret', 'fail', subject, `the client needs a secret (the token endpoint answers invalid_client without one) and the profile ${profile.hasClientSecret ? 'has none in the keychain' : 'has none'}`,
      `give it once: cognito-inspector login --profile ${profile.name} --client-secret-env VAR (it is then kept in the keychain); see it with aws cognito-idp describe-user-pool-client --user-pool-id <id> --client-id ${profile.clientId} --query UserPoolClient.ClientSecret. A desktop app is better off with a public client (no secret).`);
  }
  if (!isAllowedEgress(new URL(token))) return finding('client-secret', 'skip', subject, 'the token endpoint is not https: the secret is not sent there');
  const basic = Buffer.from(`${encodeURIComponent(profile.clientId)}:${encodeURIComponent(secret)}`).toString('base64');
  const withSecret = await tokenError(token, form, { authorization: `Basic ${basic}` }, deps);
  return withSecret === 'invalid_client'
    ? finding('client-secret', 'fail', subject, 'the client needs a secret and the one in the keychain is refused (invalid_client)', `give the current secret: cognito-inspector login --profile ${profile.name} --client-secret-env VAR`)
    : finding('client-secret', 'pass', subject, 'the client needs a secret and the profile\'s is accepted');
}
