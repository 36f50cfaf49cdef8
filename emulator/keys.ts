import { calculateJwkThumbprint, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

/** One RS256 signing key with its public JWK as Cognito publishes it. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

/** Cognito signs ID and access tokens with two different keys; both are in the pool's JWKS. */
export interface PoolKeys {
  id: SigningKey;
  access: SigningKey;
}

async function makeKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const pub = await exportJWK(publicKey);
  // Cognito kids are standard base64 (with + / =) of 32 bytes, e.g. "vyVQH7UM...hgITI=".
  const thumb = await calculateJwkThumbprint(pub, 'sha256');
  const kid = Buffer.from(thumb, 'base64url').toString('base64');
  return { kid, privateKey, publicKey, jwk: { alg: 'RS256', e: pub.e, kid, kty: 'RSA', n: pub.n, use: 'sig' } };
}

export async function generatePoolKeys(): Promise<PoolKeys> {
  const [id, access] = await Promise.all([makeKey(), makeKey()]);
  return { id, access };
}

/** The JWKS document: keys with alphabetical members, ID-token key first. */
export function jwks(keys: PoolKeys): { keys: JWK[] } {
  return { keys: [keys.id.jwk, keys.access.jwk] };
}
