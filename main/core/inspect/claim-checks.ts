import type { ErrorInfo } from '../errors/app-error.js';
import { show } from './show.js';
import type { ErrorCode } from '../errors/codes.js';
import { formatDuration, formatUtc, isNumericDate } from './times.js';
import type { CheckName, TokenUse, VerificationCheck } from './types.js';

/** A check plus, when it failed, the error a user sees for it. */
export interface CheckResult {
  check: VerificationCheck;
  error?: ErrorInfo;
}

export const pass = (name: CheckName, detail: string): CheckResult => ({ check: { name, ok: true, detail } });
/** A check that did not run: it fails nothing, but must not read as a pass. */
const notCompared = (name: CheckName, detail: string): CheckResult => ({ check: { name, ok: true, detail, skipped: true } });

/** Nothing failed, but it is not a pass either: a token that never expires. */
const warned = (name: CheckName, detail: string): CheckResult => ({ check: { name, ok: true, detail, warning: true } });

export function failed(name: CheckName, code: ErrorCode, detail: string, hint: string, details?: Record<string, unknown>): CheckResult {
  const error: ErrorInfo = details ? { code, message: detail, hint, details } : { code, message: detail, hint };
  return { check: { name, ok: false, detail }, error };
}

export interface ClaimCheckOptions {
  nowMs: number;
  toleranceSec: number;
  /** The issuer to compare iss with, and how we came by it (for the detail line). */
  expectedIssuer?: { value: string; why: string };
  audience?: string;
  tokenUse?: TokenUse;
}

const CLOCK_HINT = "Check this computer's clock (and the issuer's); a small skew is tolerated.";

/** The registered-claim and Cognito checks, in report order: iss, aud, token_use, exp, nbf, iat. */
export function claimChecks(p: Record<string, unknown>, o: ClaimCheckOptions): CheckResult[] {
  const out: CheckResult[] = [];
  const iss = p['iss'];
  if (o.expectedIssuer) {
    out.push(iss === o.expectedIssuer.value
      ? pass('iss', `iss is ${o.expectedIssuer.value} (${o.expectedIssuer.why})`)
      : failed('iss', 'ISSUER_MISMATCH', `iss is ${show(iss)}, expected "${o.expectedIssuer.value}" (${o.expectedIssuer.why})`, issuerHint(iss, o.expectedIssuer.value)));
  } else {
    out.push(notCompared('iss', `not compared: no expected issuer (pass --issuer to pin it)`));
  }
  out.push(audCheck(p, o.audience));
  const tokenUse = o.tokenUse ?? (p['token_use'] === 'id' || p['token_use'] === 'access' ? p['token_use'] : undefined);
  if (tokenUse || p['token_use'] !== undefined) out.push(tokenUseCheck(p, tokenUse, o.tokenUse !== undefined));
  out.push(...timeChecks(p, o, tokenUse !== undefined));
  return out;
}

function issuerHint(iss: unknown, expected: string): string {
  // iss is compared exactly; a stray trailing slash (copied from a browser) is the usual difference.
  if (typeof iss === 'string' && iss.replace(/\/+$/, '') === expected.replace(/\/+$/, '')) {
    return `Only a trailing slash differs: pass --issuer ${iss} (iss must match exactly).`;
  }
  return 'The token comes from another issuer or user pool; check --issuer, or the profile\'s region and pool id.';
}

function audCheck(p: Record<string, unknown>, audience: string | undefined): CheckResult {
  const aud = p['aud'];
  const clientId = p['client_id'];
  if (audience === undefined) return notCompared('aud', 'not compared: no expected audience (pass --client-id / --audience)');
  const hint = 'The token was issued to another app client; use the matching --client-id.';
  if (aud !== undefined) {
    const auds = Array.isArray(aud) ? aud : [aud];
    if (!auds.includes(audience)) return failed('aud', 'AUDIENCE_MISMATCH', `aud is ${show(aud)}, expected "${audience}"`, hint);
    if (auds.length > 1 && p['azp'] !== undefined && p['azp'] !== audience) {
      return failed('aud', 'AZP_MISMATCH', `azp is ${show(p['azp'])}, expected "${audience}"`, hint);
    }
    return pass('aud', `aud includes ${audience}`);
  }
  if (clientId === audience) return pass('aud', `client_id is ${audience} (access tokens carry client_id, not aud)`);
  return failed('aud', 'AUDIENCE_MISMATCH', clientId === undefined ? `neither aud nor client_id is present; expected "${audience}"` : `client_id is ${show(clientId)}, expected "${audience}"`, hint);
}

/** Cognito: ID tokens carry token_use "id" and aud; access tokens token_use "access", client_id and no aud. */
function tokenUseCheck(p: Record<string, unknown>, tokenUse: TokenUse | undefined, expected: boolean): CheckResult {
  const actual = p['token_use'];
  if (tokenUse === undefined) return failed('token_use', 'INVALID_TOKEN', `token_use is ${show(actual)}; Cognito uses "id" or "access"`, 'This is not a Cognito ID or access token.');
  if (expected && actual !== tokenUse) {
    return failed('token_use', 'TOKEN_USE_MISMATCH', `token_use is ${actual === undefined ? 'missing' : show(actual)}, expected "${tokenUse}"`, `Pass the ${tokenUse} token (or change --token-use); Cognito ID and access tokens are not interchangeable.`);
  }
  if (tokenUse === 'id' && p['aud'] === undefined) return failed('token_use', 'MISSING_CLAIM', 'an ID token without aud', 'Cognito ID tokens always carry aud; this token was not issued by Cognito as an ID token.', { claim: 'aud' });
  if (tokenUse === 'access' && p['client_id'] === undefined) return failed('token_use', 'MISSING_CLAIM', 'an access token without client_id', 'Cognito access tokens always carry client_id.', { claim: 'client_id' });
  if (tokenUse === 'access' && p['aud'] !== undefined) return failed('token_use', 'INVALID_TOKEN', 'an access token with aud; Cognito access tokens have client_id and no aud', 'Check this is a Cognito access token and not an ID token.');
  return pass('token_use', `token_use is "${tokenUse}" with the claims Cognito puts in ${tokenUse === 'id' ? 'ID' : 'access'} tokens`);
}

function timeChecks(p: Record<string, unknown>, o: ClaimCheckOptions, cognito: boolean): CheckResult[] {
  const out: CheckResult[] = [];
  const now = o.nowMs / 1000;
  const tol = o.toleranceSec;
  const exp = p['exp'];
  if (exp === undefined) {
    out.push(cognito ? failed('exp', 'MISSING_CLAIM', 'no exp claim', 'Cognito tokens always expire; this one was not issued by Cognito.', { claim: 'exp' }) : warned('exp', 'no exp claim: the token never expires'));
  } else if (!isNumericDate(exp)) {
    out.push(failed('exp', 'INVALID_TOKEN', `exp is ${show(exp)}, not a number of seconds`, 'The issuer produced a malformed token.'));
  } else if (now > exp + tol) {
    out.push(failed('exp', 'TOKEN_EXPIRED', `expired ${formatDuration(now - exp)} ago (at ${formatUtc(exp)})`, 'Get a new token (sign in again or refresh).', { exp }));
  } else {
    out.push(pass('exp', now > exp ? `expired ${formatDuration(now - exp)} ago, within the ${tol} s clock tolerance` : `expires in ${formatDuration(exp - now)} (at ${formatUtc(exp)})`));
  }
  const nbf = p['nbf'];
  if (nbf !== undefined) {
    if (!isNumericDate(nbf)) out.push(failed('nbf', 'INVALID_TOKEN', `nbf is ${show(nbf)}, not a number of seconds`, 'The issuer produced a malformed token.'));
    else if (nbf > now + tol) out.push(failed('nbf', 'TOKEN_NOT_YET_VALID', `not valid until ${formatUtc(nbf)}, ${formatDuration(nbf - now)} from now`, CLOCK_HINT, { nbf }));
    else out.push(pass('nbf', `valid since ${formatUtc(nbf)}`));
  }
  const iat = p['iat'];
  if (iat !== undefined) {
    if (!isNumericDate(iat)) out.push(failed('iat', 'INVALID_TOKEN', `iat is ${show(iat)}, not a number of seconds`, 'The issuer produced a malformed token.'));
    else if (iat > now + tol) out.push(failed('iat', 'CLOCK_SKEW', `issued ${formatDuration(iat - now)} in the future (at ${formatUtc(iat)})`, CLOCK_HINT, { iat }));
    else out.push(pass('iat', iat > now ? `issued ${formatDuration(iat - now)} in the future, within the ${tol} s clock tolerance` : `issued ${formatDuration(now - iat)} ago`));
  }
  return out;
}
