import type { TimeClaimKind } from './times.js';
import type { TokenUse } from './types.js';

export interface ClaimContext {
  tokenUse?: TokenUse;
}

export interface ClaimSpec {
  explain: string | ((value: unknown, ctx: ClaimContext) => string);
  time?: TimeClaimKind;
}

const count = (v: unknown, noun: string): string => (Array.isArray(v) ? ` (${v.length} ${noun}${v.length === 1 ? '' : 's'})` : '');

/**
 * One line per claim: standard JWT (RFC 7519), OpenID Connect Core §2 and §5.1, and the claims
 * Cognito adds to ID and access tokens (see reference/cognito-wire.md §3).
 */
export const CLAIM_CATALOG: ReadonlyMap<string, ClaimSpec> = new Map<string, ClaimSpec>([
  // RFC 7519 registered claims
  ['iss', { explain: 'Issuer: who minted the token; for Cognito https://cognito-idp.<region>.amazonaws.com/<userPoolId>' }],
  ['sub', { explain: 'Subject: the stable, unique id of the user (a UUID in Cognito); use it, not the username, as the key' }],
  ['aud', {
    explain: (_v, ctx) =>
      ctx.tokenUse === 'access'
        ? 'Audience: who the token is for; Cognito access tokens normally carry client_id instead'
        : 'Audience: the app client id the token was issued to; your app must check it equals its own',
  }],
  ['exp', { explain: 'Expiration time: reject the token after this moment', time: 'exp' }],
  ['nbf', { explain: 'Not before: reject the token before this moment', time: 'nbf' }],
  ['iat', { explain: 'Issued at: when this token was minted (refreshes mint new ones)', time: 'iat' }],
  ['jti', { explain: 'JWT id: unique id of this token; Cognito uses it to revoke tokens' }],
  // OpenID Connect ID token claims
  ['auth_time', { explain: 'Authentication time: when the user actually signed in; stays the same across refreshes', time: 'auth_time' }],
  ['nonce', { explain: 'Nonce: the value the app sent in the authorize request; the app must check it matches to stop replay' }],
  ['at_hash', { explain: 'Access token hash: left half of the access token\'s hash, binding this ID token to it' }],
  ['c_hash', { explain: 'Code hash: left half of the authorization code\'s hash (hybrid flow)' }],
  ['azp', { explain: 'Authorized party: the client the token was issued to, when aud lists several' }],
  ['acr', { explain: 'Authentication context class: how strongly the user was authenticated' }],
  ['amr', { explain: (v) => `Authentication methods used to sign in (for example pwd, mfa, otp)${count(v, 'method')}` }],
  ['sid', { explain: 'Session id at the issuer; used for logout' }],
  ['scope', { explain: (v) => `Scopes granted to this token${typeof v === 'string' && v.trim() ? ` (${v.trim().split(/\s+/).length}, space-separated)` : ''}` }],
  ['scp', { explain: 'Scopes granted (the array form some issuers use instead of scope)' }],
  // OpenID Connect standard profile claims
  ['email', { explain: 'Email address of the user' }],
  ['email_verified', { explain: (v) => (v === true ? 'The email address has been verified' : v === false ? 'The email address has NOT been verified: do not trust it as an identity' : 'Whether the email address has been verified (should be a boolean)') }],
  ['phone_number', { explain: 'Phone number of the user (E.164 format)' }],
  ['phone_number_verified', { explain: 'Whether the phone number has been verified' }],
  ['name', { explain: 'Full name of the user' }],
  ['given_name', { explain: 'Given (first) name' }],
  ['family_name', { explain: 'Family (last) name' }],
  ['middle_name', { explain: 'Middle name' }],
  ['nickname', { explain: 'Casual name' }],
  ['preferred_username', { explain: 'Name the user prefers to be shown; not unique, not stable' }],
  ['profile', { explain: 'URL of the user\'s profile page' }],
  ['picture', { explain: 'URL of the user\'s picture' }],
  ['website', { explain: 'URL of the user\'s web site' }],
  ['gender', { explain: 'Gender' }],
  ['birthdate', { explain: 'Birthday (YYYY-MM-DD)' }],
  ['zoneinfo', { explain: 'Time zone of the user' }],
  ['locale', { explain: 'Locale of the user' }],
  ['address', { explain: 'Postal address of the user' }],
  ['updated_at', { explain: 'When the user\'s profile was last updated', time: 'other' }],
  // Cognito
  ['token_use', {
    explain: (v) =>
      v === 'id' ? 'Cognito token type: "id" = ID token, for your app to learn who signed in'
        : v === 'access' ? 'Cognito token type: "access" = access token, for calling APIs'
          : 'Cognito token type: should be "id" or "access"',
  }],
  ['cognito:username', { explain: 'Cognito user name (can change with aliases; for federated users <Provider>_<id>)' }],
  ['cognito:groups', { explain: (v) => `User pool groups the user belongs to${count(v, 'group')}` }],
  ['cognito:roles', { explain: (v) => `IAM role ARNs of the user's groups${count(v, 'role')}` }],
  ['cognito:preferred_role', { explain: 'IAM role of the user\'s group with the lowest precedence; an identity pool can map to it' }],
  ['origin_jti', { explain: 'Id of the original sign-in; stays the same across refreshes and is used to revoke' }],
  ['client_id', { explain: 'App client id the access token was issued to (access tokens have this instead of aud)' }],
  ['username', { explain: 'Cognito user name (in access tokens)' }],
  ['version', { explain: 'Cognito access token format version' }],
  ['event_id', { explain: 'Id of the Cognito authentication event that produced this token' }],
  ['identities', { explain: (v) => `Federated identity providers linked to this user (Google, SAML, OIDC)${count(v, 'identity')}` }],
  ['device_key', { explain: 'Key of the remembered device this session came from' }],
]);

export function catalogEntry(name: string): ClaimSpec | undefined {
  const spec = CLAIM_CATALOG.get(name);
  if (spec) return spec;
  if (name.startsWith('custom:')) {
    return { explain: (v) => `Custom user pool attribute "${name.slice(7)}"${typeof v === 'string' ? '' : ' (Cognito sends custom attributes as strings; this is not one)'}` };
  }
  if (name.startsWith('dev:')) return { explain: 'Developer-only user pool attribute (readable only with developer credentials)' };
  return undefined;
}
