/** Cognito user pool issuers: https://cognito-idp.<region>.amazonaws.com/<userPoolId>, or the local pool's. */

const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9A-Za-z]+$/;

export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/** The region and pool id when the issuer's last path segment is a user pool id; else undefined. */
export function parseCognitoIssuer(issuer: string): { region: string; userPoolId: string; local: boolean } | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return undefined;
  }
  const segment = url.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  const m = POOL_ID.exec(segment);
  if (!m || !m[1]) return undefined;
  return { region: m[1], userPoolId: segment, local: !url.hostname.endsWith('.amazonaws.com') };
}

/** The identity pool Logins key for a user pool issuer. */
export function loginsKey(issuer: string): string | undefined {
  const p = parseCognitoIssuer(issuer);
  return p && `cognito-idp.${p.region}.amazonaws.com/${p.userPoolId}`;
}
