import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWTPayload, type CryptoKey } from 'jose';

export const OPENID_ISSUER = 'https://cognito-identity.amazonaws.com';
/** GetOpenIdToken tokens last 10 minutes (reference §4). */
export const OPENID_TOKEN_SECONDS = 600;

export interface OpenIdTokenClaims {
  sub: string;
  aud: string;
  amr: string[];
}

export interface OpenIdTokenIssuer {
  sign(claims: OpenIdTokenClaims, nowMs: number): Promise<string>;
  /** Throws jose's errors (JWTExpired, JWSSignatureVerificationFailed, ...) for a bad token. */
  verify(token: string, nowMs: number): Promise<JWTPayload>;
}

/** The identity pool's own RS256 key, made per emulator run; STS trusts exactly this key. */
export async function createOpenIdTokenIssuer(): Promise<OpenIdTokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = (await exportJWK(publicKey)).n?.slice(0, 16) ?? randomUUID();
  return {
    sign: (claims, nowMs) => signToken(privateKey, kid, claims, nowMs),
    verify: async (token, nowMs) => {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: OPENID_ISSUER,
        algorithms: ['RS256'],
        currentDate: new Date(nowMs),
      });
      return payload;
    },
  };
}

function signToken(key: CryptoKey, kid: string, claims: OpenIdTokenClaims, nowMs: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({ amr: claims.amr })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWS' })
    .setIssuer(OPENID_ISSUER)
    .setSubject(claims.sub)
    .setAudience(claims.aud)
    .setIssuedAt(iat)
    .setExpirationTime(iat + OPENID_TOKEN_SECONDS)
    .sign(key);
}
