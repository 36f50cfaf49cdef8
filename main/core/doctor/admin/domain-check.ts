import type { Profile } from '../../profiles/schema.js';
import { finding, type Finding } from '../types.js';
import type { PoolSettings } from './settings.js';

/**
 * `hosted-ui-domain`: the pool's Cognito domain (prefix) or custom domain from DescribeUserPool,
 * against the profile's hosted-UI domain override. Without a domain there is no hosted UI at all.
 */
export function checkDomain(profile: Profile, region: string, pool: PoolSettings, local: boolean): Finding {
  const urls = [
    ...(pool.domain ? [`https://${pool.domain}.auth.${region}.amazoncognito.com`] : []),
    ...(pool.customDomain ? [`https://${pool.customDomain}`] : []),
  ];
  const fix = `create one under Branding → Domain (Cognito console → User pools → your pool), or: aws cognito-idp create-user-pool-domain --user-pool-id ${pool.id} --domain <prefix>`;
  if (local) {
    return finding('hosted-ui-domain', 'pass', pool.id, `local pool: the hosted UI is served at ${new URL(profile.issuer).origin}${urls.length ? ` (its config names ${urls.join(' and ')})` : ''}`);
  }
  if (!urls.length) return finding('hosted-ui-domain', 'fail', pool.id, 'the user pool has no domain: there is no hosted UI to sign in through', fix);
  const override = profile.hostedUiDomain?.replace(/\/+$/, '');
  if (override && !urls.includes(override)) {
    return finding('hosted-ui-domain', 'warn', override, `the profile's hosted-UI domain is not one of the pool's (${urls.join(', ')})`, `cognito-inspector profiles edit ${profile.name} --hosted-ui-domain ${urls[urls.length - 1]}`);
  }
  return finding('hosted-ui-domain', 'pass', pool.id, `hosted UI at ${urls.join(' and ')}`);
}
