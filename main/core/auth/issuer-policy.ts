import type { ServerMetadata } from 'openid-client';
import { AppError } from '../errors/app-error.js';
import { isAllowedEgress } from '../net/egress.js';
import { isLoopbackHost } from '../net/loopback.js';

export { isLoopbackHost };

/**
 * https everywhere; plain http only when the issuer is on this machine (the emulator, test IdPs).
 * Returns whether insecure requests must be allowed.
 */
export function checkIssuerUrl(issuer: string): { url: URL; insecure: boolean } {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch (cause) {
    throw new AppError('INVALID_CONFIG', `The issuer ${issuer} is not a URL.`, 'Use https://cognito-idp.<region>.amazonaws.com/<userPoolId> or your provider\'s issuer URL.', { cause });
  }
  if (url.protocol === 'https:') return { url, insecure: false };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { url, insecure: true };
  throw new AppError('INSECURE_ISSUER', `The issuer ${issuer} does not use https.`,
    'Use the https issuer URL; plain http is allowed only for issuers on this machine (localhost, 127.0.0.1, [::1]).',
    { details: { issuer } });
}

const ENDPOINTS = ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'revocation_endpoint', 'end_session_endpoint', 'userinfo_endpoint'] as const;

/** No endpoint may be plain http off this machine, whatever the issuer's or hosted-UI domain's scheme. */
export function checkEndpoints(metadata: ServerMetadata): void {
  for (const name of ENDPOINTS) {
    const value = metadata[name];
    if (typeof value !== 'string') continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch (cause) {
      throw new AppError('DISCOVERY_FAILED', `The issuer's ${name} ${JSON.stringify(value.slice(0, 200))} is not a URL.`, 'The discovery document must list absolute https endpoints.', { cause, details: { endpoint: name } });
    }
    if (!isAllowedEgress(url)) {
      throw new AppError('INSECURE_ISSUER', `The issuer's ${name} ${value} does not use https.`,
        'The discovery document must use https endpoints (plain http only on this machine).', { details: { endpoint: name } });
    }
  }
}

/** Cognito user pools: the real service, or an emulator whose issuer ends in a user pool id. */
export function isCognitoIssuer(issuer: string): boolean {
  const url = new URL(issuer);
  if (/^cognito-idp(-fips)?\.[a-z0-9-]+\.amazonaws\.com$/.test(url.hostname)) return true;
  return /^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/.test(url.pathname.split('/').pop() ?? '');
}
