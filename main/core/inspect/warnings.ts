import { isLoopbackHost } from './loopback.js';
import { show } from './show.js';
import { formatDuration, formatUtc, isNumericDate } from './times.js';
import type { DecodedToken, TokenUse, Warning } from './types.js';

export interface WarningOptions {
  /** Milliseconds since the epoch. */
  now: number;
  expectedAudience?: string;
  expectedTokenUse?: TokenUse;
  expectedIssuer?: string;
  /** The kids of the JWKS the token was checked against, when known. */
  jwksKids?: string[];
}

const SOON_SECONDS = 5 * 60;
const SYMMETRIC = /^HS(256|384|512)$/;

/**
 * Things a reader should notice, from the decoded token alone. Stable codes so scripts can match.
 * These are not verification: an unexpired token with no warnings may still be forged.
 */
export function warningsFor(decoded: DecodedToken, opts: WarningOptions): Warning[] {
  const out: Warning[] = [];
  const add = (code: string, message: string): void => void out.push({ code, message });
  const header = decoded.header;
  const payload = decoded.payload;
  if (decoded.kind !== 'jwt') return out;
  const nowSec = opts.now / 1000;

  if (header) {
    const alg = header['alg'];
    if (alg === undefined) add('MISSING_ALG', 'the header has no "alg", so no verifier can check the signature');
    else if (typeof alg === 'string' && alg.toLowerCase() === 'none') add('ALG_NONE', 'alg is "none": the token is unsigned and anyone can forge it; never accept it');
    else if (typeof alg === 'string' && SYMMETRIC.test(alg)) add('ALG_SYMMETRIC', `alg is ${alg}, a shared-secret algorithm; Cognito signs with RS256 and public keys cannot verify ${alg}`);
    const kid = header['kid'];
    const signed = typeof alg === 'string' && alg.toLowerCase() !== 'none';
    if (signed && kid === undefined) add('MISSING_KID', 'the header has no "kid", so the verifier cannot tell which key signed it (Cognito always sets one)');
    if (typeof kid === 'string' && opts.jwksKids && !opts.jwksKids.includes(kid)) {
      add('KID_NOT_IN_JWKS', `kid ${show(kid)} is not in the JWKS (it has: ${opts.jwksKids.join(', ') || 'no keys'}); keys may have rotated, or the token is from another pool`);
    }
    for (const h of ['jku', 'x5u', 'jwk']) {
      if (h in header) add('KEY_IN_HEADER', `the header carries "${h}"; a verifier must never take keys from the token itself`);
    }
    if (Array.isArray(header['crit'])) add('CRIT_HEADER', `the header marks ${show(header['crit'])} as critical; verifiers that do not understand them must reject the token`);
  }
  if (!payload) return out;

  timeWarnings(payload, nowSec, add);
  cognitoWarnings(payload, opts, add);
  return out;
}

type Add = (code: string, message: string) => void;

function timeWarnings(payload: Record<string, unknown>, nowSec: number, add: Add): void {
  for (const name of ['exp', 'nbf', 'iat', 'auth_time']) {
    const v = payload[name];
    if (v === undefined) continue;
    if (typeof v === 'number' && v > 1e11 && isNumericDate(v / 1000)) {
      add('TIME_IN_MILLISECONDS', `${name} (${v}) looks like milliseconds; JWT times are seconds (as milliseconds it would be ${formatUtc(v / 1000)})`);
    } else if (!isNumericDate(v)) add('TIME_NOT_NUMERIC', `${name} is ${typeof v === 'string' ? 'a string' : 'not a valid number'}; JWT times are numbers of seconds since 1970`);
  }
  const exp = payload['exp'];
  if (exp === undefined) add('NO_EXP', 'no "exp": the token never expires');
  else if (isNumericDate(exp)) {
    if (exp <= nowSec) add('EXPIRED', `expired ${formatDuration(nowSec - exp)} ago (at ${formatUtc(exp)})`);
    else if (exp - nowSec <= SOON_SECONDS) add('EXPIRES_SOON', `expires in ${formatDuration(exp - nowSec)} (at ${formatUtc(exp)})`);
  }
  const nbf = payload['nbf'];
  if (isNumericDate(nbf) && nbf > nowSec) add('NOT_YET_VALID', `not valid until ${formatUtc(nbf)}, ${formatDuration(nbf - nowSec)} from now (check this computer's clock)`);
  const iat = payload['iat'];
  if (isNumericDate(iat) && iat > nowSec) add('IAT_IN_FUTURE', `issued ${formatDuration(iat - nowSec)} in the future (at ${formatUtc(iat)}): this computer's clock or the issuer's is off`);
  if (isNumericDate(exp) && isNumericDate(iat) && exp < iat) add('EXP_BEFORE_IAT', 'exp is earlier than iat: the token was never valid');
}

function cognitoWarnings(payload: Record<string, unknown>, opts: WarningOptions, add: Add): void {
  const tokenUse = payload['token_use'];
  const aud = payload['aud'];
  const clientId = payload['client_id'];
  if (opts.expectedTokenUse && tokenUse !== opts.expectedTokenUse) {
    add('TOKEN_USE_MISMATCH', `expected an ${opts.expectedTokenUse} token but token_use is ${tokenUse === undefined ? 'missing' : show(tokenUse)}`);
  }
  if (tokenUse === 'access' && aud !== undefined) add('ACCESS_TOKEN_HAS_AUD', 'an access token with "aud": Cognito access tokens carry client_id instead');
  if (tokenUse === 'access' && clientId === undefined) add('ACCESS_TOKEN_NO_CLIENT_ID', 'an access token without client_id: Cognito access tokens always have one');
  if (tokenUse === 'id' && aud === undefined) add('ID_TOKEN_NO_AUD', 'an ID token without "aud": OpenID Connect requires it');
  if (tokenUse === 'id' && payload['sub'] === undefined) add('NO_SUB', 'an ID token without "sub": OpenID Connect requires it');

  if (opts.expectedAudience !== undefined) {
    const auds = Array.isArray(aud) ? aud : aud === undefined ? [] : [aud];
    if (auds.length > 0 && !auds.includes(opts.expectedAudience)) {
      add('AUDIENCE_MISMATCH', `aud is ${show(aud)}, expected "${opts.expectedAudience}"`);
    } else if (auds.length === 0 && clientId !== opts.expectedAudience) {
      add('AUDIENCE_MISMATCH', `${clientId === undefined ? 'neither aud nor client_id is present' : `client_id is ${show(clientId)}`}, expected "${opts.expectedAudience}"`);
    }
  }
  const iss = payload['iss'];
  if (opts.expectedIssuer !== undefined && iss !== opts.expectedIssuer) {
    const slash = typeof iss === 'string' && iss.replace(/\/$/, '') === opts.expectedIssuer.replace(/\/$/, '');
    add('ISSUER_MISMATCH', `iss is ${show(iss)}, expected "${opts.expectedIssuer}"${slash ? ' (they differ only by a trailing slash, which counts)' : ''}`);
  }
  if (typeof iss === 'string') {
    try {
      const url = new URL(iss);
      if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        add('ISS_NOT_HTTPS', `iss is plain http on a non-loopback host; keys are not fetched from it automatically (pass --jwks)`);
      }
    } catch {
      /* a non-URL iss is legal in plain JWTs */
    }
  }
}
