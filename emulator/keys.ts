import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

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
  return signingKey(privateKey, publicKey);
}

async function signingKey(privateKey: CryptoKey, publicKey: CryptoKey): Promise<SigningKey> {
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

/** The private halves as JSON, for the keychain entry of a kept pool (never a file). */
export async function exportPoolKeys(keys: PoolKeys): Promise<string> {
  const [id, access] = await Promise.all([exportJWK(keys.id.privateKey), exportJWK(keys.access.privateKey)]);
  return JSON.stringify({ id, access });
}

/** Reads what exportPoolKeys wrote; throws on anything else. */
export async function importPoolKeys(json: string): Promise<PoolKeys> {
  const parsed = JSON.parse(json) as { id?: JWK; access?: JWK };
  const load = async (jwk: JWK | undefined): Promise<SigningKey> => {
    if (jwk?.kty !== 'RSA' || typeof jwk.d !== 'string' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') throw new Error('not an RSA private JWK');
    const privateKey = (await importJWK({ ...jwk, alg: 'RS256' }, 'RS256', { extractable: true })) as CryptoKey;
    const publicKey = (await importJWK({ kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256' }, 'RS256', { extractable: true })) as CryptoKey;
    return signingKey(privateKey, publicKey);
  };
  const [id, access] = await Promise.all([load(parsed.id), load(parsed.access)]);
  return { id, access };
}

/** The JWKS document: keys with alphabetical members, ID-token key first. */
export function jwks(keys: PoolKeys): { keys: JWK[] } {
  return { keys: [keys.id.jwk, keys.access.jwk] };
}
