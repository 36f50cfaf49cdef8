import type { Profile } from '../core/profiles/schema.js';

/** Human lines for a profile; no secrets exist in a profile to leak. */
export function describeProfile(p: Profile): string[] {
  const rows: [string, string | undefined][] = [
    ['name', p.name + (p.adHoc ? ' (remembered from ad-hoc flags)' : '')],
    ['issuer', p.issuer],
    ['client id', p.clientId],
    ['client secret', p.hasClientSecret ? 'expected in the keychain' : 'none (public client)'],
    ['scopes', p.scopes.join(' ')],
    ['redirect URIs', p.redirectUris.join(', ')],
    ['identity provider', p.identityProvider ?? 'hosted UI'],
    ['identity providers', p.identityProviders?.join(', ')],
    ['authorize params', Object.entries(p.authorizeParams).map(([k, v]) => `${k}=${v}`).join(' ') || undefined],
    ['identity pool', p.identityPool ? `${p.identityPool.id} (${p.identityPool.mode}${p.identityPool.endpoint ? `, ${p.identityPool.endpoint}` : ''})` : undefined],
    ['API base URL', p.apiBaseUrl],
    ['hosted UI domain', p.hostedUiDomain],
    ['logout URI', p.logoutUri],
    ['refresh lifetime', p.refreshTokenLifetimeSeconds ? `${p.refreshTokenLifetimeSeconds} s` : undefined],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => `${k.padEnd(18)} ${v}`);
}
