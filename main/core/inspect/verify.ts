import { compactVerify, errors, importJWK } from 'jose';
import type { JWK } from 'jose';
import { isAppError } from '../errors/app-error.js';
import type { ErrorInfo } from '../errors/app-error.js';
import type { Fetch } from '../ports.js';
import { claimChecks, failed, pass } from './claim-checks.js';
import type { CheckResult } from './claim-checks.js';
import { loadKeys } from './key-source.js';
import type { LoadedKeys } from './key-source.js';
import { show } from './show.js';
import type { DecodedToken, TokenUse, Verification } from './types.js';

export interface VerifyOptions {
  /** Milliseconds since the epoch. */
  now: number;
  fetch: Fetch;
  /** JWKS URL. */
  jwks?: string;
  /** A JWK, a JWKS, or either as JSON text. */
  jwksJson?: unknown;
  issuer?: string;
  audience?: string;
  tokenUse?: TokenUse;
  /** Who pinned the issuer or keys given, for the report (default: "the issuer given" and so on). */
  pinnedBy?: string;
}

export const CLOCK_TOLERANCE_SECONDS = 60;

/** Public-key algorithms only: a JWKS is public, so HS* "verified" with it would prove nothing. */
const ALLOWED_ALGS: ReadonlyMap<string, string> = new Map([
  ['RS256', 'RSA'], ['RS384', 'RSA'], ['RS512', 'RSA'], ['PS256', 'RSA'], ['PS384', 'RSA'], ['PS512', 'RSA'],
  ['ES256', 'EC'], ['ES384', 'EC'], ['ES512', 'EC'], ['EdDSA', 'OKP'], ['Ed25519', 'OKP'],
]);

const ROTATION_HINT = 'The keys may have rotated, or the token is from another user pool or issuer; check iss and pass the matching --jwks or --issuer.';

/**
 * Verify explicitly, reporting every check. Claim checks run even when no keys can be found, so an
 * expired token is "invalid" either way; a token whose claims pass but whose signature could not be
 * checked is "unverified", with the reason. A token that passes everything with keys found through
 * its own `iss` is "unpinned", never "valid": a forger names their own issuer and publishes keys there.
 */
export async function verifyToken(decoded: DecodedToken, opts: VerifyOptions): Promise<Verification> {
  const base = { clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS };
  if (decoded.kind !== 'jwt' || !decoded.header || !decoded.payload) {
    const error: ErrorInfo = decoded.kind === 'jwt'
      ? { code: 'INVALID_TOKEN', message: `the token's ${decoded.header ? 'payload' : 'header'} could not be decoded`, hint: 'Copy the whole token again; see the problems listed.' }
      : { code: 'NOT_A_JWT', message: `nothing to verify: the input is ${decoded.kind === 'jwe' ? 'an encrypted token (JWE)' : decoded.kind === 'opaque' ? 'an opaque token' : 'not a JWT'}`, hint: 'Pass an ID or access token (three base64url parts separated by dots).' };
    return { status: decoded.kind === 'jwt' ? 'invalid' : 'unverified', ...base, checks: [], error };
  }
  const header = decoded.header;
  const payload = decoded.payload;
  const results: CheckResult[] = [algCheck(header['alg'])];

  let keys: LoadedKeys | undefined;
  let keyError: ErrorInfo | undefined;
  try {
    keys = await loadKeys(payload['iss'], opts);
  } catch (err) {
    keyError = isAppError(err) ? err.toInfo() : { code: 'INTERNAL', message: String(err), hint: 'Report this as a bug.' };
  }
  const algOk = results[0]?.check.ok === true;
  if (keys && algOk) results.push(...(await keyAndSignatureChecks(decoded.raw, header, keys)));

  const expectedIssuer = opts.issuer !== undefined
    ? { value: opts.issuer, why: 'the issuer given' }
    : keys?.fromTokenIss && keys.discoveredIssuer !== undefined
      ? { value: keys.discoveredIssuer, why: 'the issuer named by the discovery document the keys came from' }
      : undefined;
  results.push(...claimChecks(payload, {
    nowMs: opts.now,
    toleranceSec: CLOCK_TOLERANCE_SECONDS,
    ...(expectedIssuer ? { expectedIssuer } : {}),
    ...(opts.audience !== undefined ? { audience: opts.audience } : {}),
    ...(opts.tokenUse ? { tokenUse: opts.tokenUse } : {}),
  }));

  const checks = results.map((r) => r.check);
  const firstFailure = results.find((r) => !r.check.ok);
  const out: Verification = { status: 'valid', ...base, checks };
  if (keys) out.keySource = keys.fromTokenIss ? `${keys.source} (found through the token's own iss)` : keys.source;
  if (keys && !keys.fromTokenIss) out.pinnedBy = opts.pinnedBy ?? defaultPinnedBy(opts);
  if (firstFailure?.error) return { ...out, status: 'invalid', error: firstFailure.error };
  if (keyError) return { ...out, status: 'unverified', error: keyError };
  if (keys?.fromTokenIss) return { ...out, status: 'unpinned', error: unpinnedError(payload['iss']) };
  return out;
}

function defaultPinnedBy(opts: VerifyOptions): string {
  return opts.jwksJson !== undefined ? 'the keys given' : opts.jwks !== undefined ? 'the JWKS URL given' : 'the issuer given';
}

function unpinnedError(iss: unknown): ErrorInfo {
  return {
    code: 'ISSUER_NOT_PINNED',
    message: `the signature matches keys published by the issuer the token names (${show(iss)}); that issuer was not pinned, so this proves only that whoever runs it signed the token`,
    hint: 'Pin the issuer you trust (inspect --issuer URL or --jwks URL, or save a profile for it); a token from that issuer is then reported valid.',
  };
}

function algCheck(alg: unknown): CheckResult {
  if (typeof alg === 'string' && ALLOWED_ALGS.has(alg)) return pass('alg', `${alg} is a public-key algorithm`);
  const detail = alg === undefined ? 'the header has no alg'
    : typeof alg === 'string' && alg.toLowerCase() === 'none' ? 'alg is "none": the token is unsigned'
      : `alg ${show(alg)} is not allowed with public keys (allowed: ${[...ALLOWED_ALGS.keys()].join(', ')})`;
  return failed('alg', 'ALG_NOT_ALLOWED', detail, 'Only asymmetric signatures can be checked against a JWKS; Cognito signs with RS256.', { alg });
}

async function keyAndSignatureChecks(raw: string, header: Record<string, unknown>, loaded: LoadedKeys): Promise<CheckResult[]> {
  const alg = header['alg'] as string;
  const kty = ALLOWED_ALGS.get(alg);
  const kid = header['kid'];
  const kids = loaded.keys.map((k) => k.kid).filter((k): k is string => typeof k === 'string');
  let candidates: JWK[];
  let kidCheck: CheckResult;
  if (typeof kid === 'string') {
    candidates = loaded.keys.filter((k) => k.kid === kid);
    if (candidates.length === 0) {
      const detail = `kid ${show(kid)} is not in the JWKS from ${loaded.source}; it has: ${kids.length ? kids.join(', ') : 'no keys with a kid'}`;
      return [failed('kid', 'UNKNOWN_KID', detail, ROTATION_HINT, { kid, jwksKids: kids })];
    }
    kidCheck = pass('kid', `kid ${kid} found in the JWKS`);
  } else {
    candidates = loaded.keys.filter((k) => k.kty === kty && k.use !== 'enc');
    if (candidates.length === 0) return [failed('kid', 'UNKNOWN_KID', `the token has no kid and the JWKS from ${loaded.source} has no ${kty} signing key`, ROTATION_HINT, { jwksKids: kids })];
    kidCheck = pass('kid', `the token has no kid; tried the ${candidates.length} ${kty} key(s) in the JWKS`);
  }
  const keyAlg = candidates.length === 1 ? candidates[0]?.alg : undefined;
  if (keyAlg !== undefined && keyAlg !== alg) {
    return [kidCheck, failed('signature', 'ALG_NOT_ALLOWED', `the token says ${alg} but key ${show(kid)} is for ${keyAlg}`, 'The token was not signed with this key\'s algorithm; it may be forged.', { alg, keyAlg })];
  }
  let lastError: unknown;
  for (const jwk of candidates) {
    try {
      const key = await importJWK(jwk, alg);
      await compactVerify(raw, key, { algorithms: [alg] });
      const which = typeof jwk.kid === 'string' ? `key ${jwk.kid}` : 'the key';
      return [kidCheck, pass('signature', `${alg} signature verified with ${which} from ${loaded.source}`)];
    } catch (err) {
      lastError = err;
    }
  }
  return [kidCheck, signatureFailure(lastError, alg)];
}

function signatureFailure(err: unknown, alg: string): CheckResult {
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return failed('signature', 'BAD_SIGNATURE', 'the signature does not match the key: the token was altered or signed by someone else', 'Do not trust this token. If it is fresh from the issuer, check you are using that issuer\'s keys.');
  }
  const reason = err instanceof Error ? err.message : String(err);
  if (err instanceof errors.JWSInvalid) {
    return failed('signature', 'INVALID_TOKEN', `the token is not a well-formed JWS: ${reason}`, 'Copy the whole token again; see the problems listed.');
  }
  return failed('signature', 'ALG_NOT_ALLOWED', `the key cannot verify ${alg}: ${reason}`, 'The key type does not match the token\'s alg; the token may be forged or the JWKS is the wrong one.');
}
