import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface SigningKey { kid: string | undefined; privateKey: CryptoKey; jwk: JWK }

async function key(kid: string | undefined): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), alg: 'RS256', use: 'sig', ...(kid !== undefined && { kid }) };
  return { kid, privateKey, jwk };
}

/** current: published; next: published only after rotation; attacker: never published (its kid copies current's). */
export async function makeKeys() {
  const [current, next, lone, attacker, stray] = await Promise.all([key('key-a'), key('key-b'), key(undefined), key('key-a'), key('key-unpublished')]);
  return { current, next, lone, attacker, stray };
}
export type Keys = Awaited<ReturnType<typeof makeKeys>>;
