import type { ServerMetadata } from 'openid-client';
import { AppError } from '../errors/app-error.js';
import { isAllowedEgress, PROVIDER_HTTP_HINT } from '../net/egress.js';
import { isLoopbackHost } from '../net/loopback.js';

export { isLoopbackHost };

/**
 * https everywhere; plain http only when the issuer is on this machine (the emulator, test IdPs).
 * Returns whether insecure requests must be allowed. `what` names the value the person gave (the
 * issuer, or a hosted-UI domain): refusing it is bad input (INSECURE_ISSUER, exit 2).
 */
export function checkIssuerUrl(issuer: string, what = 'issuer'): { url: URL; insecure: boolean } {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch (cause) {
    throw new AppError('INVALID_CONFIG', `The ${what} ${issuer} is not a URL.`, 'Use https://cognito-idp.<region>.amazonaws.com/<userPoolId> or your provider\'s issuer URL.', { cause });
  }
  if (url.protocol === 'https:') return { url, insecure: false };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { url, insecure: true };
  const https = url.protocol === 'http:' ? `https://${url.href.slice('http://'.length)}`.replace(/\/+$/, '') : undefined;
  throw new AppError('INSECURE_ISSUER', `The ${what} ${issuer} does not use https.`,
    `${https ? `Use ${https}` : `Use the https ${what} URL`}; plain http is allowed only for issuers on this machine (localhost, 127.0.0.1, [::1]).`,
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
      throw new AppError('INSECURE_PROVIDER_ENDPOINT', `The discovery document of ${metadata.issuer} advertises ${name} ${value}, which does not use https; nothing was sent to it.`,
        PROVIDER_HTTP_HINT, { details: { endpoint: name } });
    }
  }
}

/** Cognito user pools: the real service, or an emulator whose issuer ends in a user pool id. */
export function isCognitoIssuer(issuer: string): boolean {
  const url = new URL(issuer);
  if (/^cognito-idp(-fips)?\.[a-z0-9-]+\.amazonaws\.com$/.test(url.hostname)) return true;
  return /^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/.test(url.pathname.split('/').pop() ?? '');
}
