import type { Profile } from '../../profiles/schema.js';
import { finding, type Finding } from '../types.js';
import { clientConsole, updateClient, words } from './fix-text.js';
import type { ClientSettings } from './settings.js';

/**
 * `callback-urls`, `sign-out-urls`, `oauth-flows`, `oauth-scopes`, `identity-providers`: the app
 * client's settings read back, against what the profile will ask for. Matching is Cognito's: the
 * exact string, port, path, case and trailing slash included (no RFC 8252 any-port loopback).
 */
export function checkClientSettings(profile: Profile, userPoolId: string, c: ClientSettings): Finding[] {
  const update = (args: string) => updateClient(userPoolId, c.clientId, args);
  return [
    ...callbackFindings(profile, c, update),
    signOutFinding(profile, c, update),
    flowFinding(c, update),
    ...scopeFindings(profile, c, update),
    ...providerFindings(profile, c, update),
  ];
}

type Update = (args: string) => string;

/** Why a URI that is not registered almost is: the registered entry it differs from, and how. */
function nearMiss(uri: string, registered: readonly string[]): string | undefined {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return undefined;
  }
  for (const r of registered) {
    let v: URL;
    try {
      v = new URL(r);
    } catch {
      continue;
    }
    if (r.toLowerCase() === uri.toLowerCase()) return `${r} is registered: the match is case-sensitive`;
    if (r.replace(/\/+$/, '') === uri.replace(/\/+$/, '')) return `${r} is registered: the trailing slash must match too`;
    if (v.protocol === u.protocol && v.hostname === u.hostname && v.pathname === u.pathname && v.port !== u.port) {
      return `${r} is registered with port ${v.port || '(none)'}: a loopback port must match exactly (Cognito has no any-port rule)`;
    }
    if (v.port === u.port && v.pathname === u.pathname && ['localhost', '127.0.0.1'].includes(v.hostname) && ['localhost', '127.0.0.1'].includes(u.hostname)) {
      return `${r} is registered: localhost and 127.0.0.1 are different strings to Cognito`;
    }
  }
  return undefined;
}

function callbackFindings(profile: Profile, c: ClientSettings, update: Update): Finding[] {
  return profile.redirectUris.map((uri) => {
    const httpNotLocalhost = uri.startsWith('http://') && new URL(uri).hostname !== 'localhost';
    if (c.callbackUrls.includes(uri)) {
      return httpNotLocalhost
        ? finding('callback-urls', 'warn', uri, 'registered, but Cognito allows plain http only for http://localhost: use http://localhost:<port>/… or https', localhostFix(profile, uri, c, update))
        : finding('callback-urls', 'pass', uri, `registered (exact match among ${c.callbackUrls.length} callback URL${c.callbackUrls.length === 1 ? '' : 's'})`);
    }
    const near = nearMiss(uri, c.callbackUrls);
    const registered = c.callbackUrls.length ? `registered: ${c.callbackUrls.join(', ')}` : 'the client has no callback URLs';
    return finding('callback-urls', 'fail', uri, `not registered${near ? ` (${near})` : ''}; ${registered}. The hosted UI would show "An error was encountered with the requested page" (redirect_mismatch)`,
      `add it under Allowed callback URLs (${clientConsole('Login pages')}), or: ${update(`--callback-urls ${words([...c.callbackUrls, uri])}`)}`);
  });
}

/** The same callback on localhost: registered (console or CLI) and used by the profile. */
function localhostFix(profile: Profile, uri: string, c: ClientSettings, update: Update): string {
  const u = new URL(uri);
  const local = `http://localhost${u.port ? `:${u.port}` : ''}${u.pathname}`;
  return `add ${local} under Allowed callback URLs (${clientConsole('Login pages')}), or: ${update(`--callback-urls ${words([...c.callbackUrls, local])}`)}; then: cognito-inspector profiles edit ${profile.name} --redirect-uri ${local}`;
}

function signOutFinding(profile: Profile, c: ClientSettings, update: Update): Finding {
  const uri = profile.logoutUri;
  if (!uri) {
    return finding('sign-out-urls', 'skip', '(none)', `the profile has no sign-out URL (--logout-uri), so logout --hosted is not used${c.logoutUrls.length ? `; the client allows ${c.logoutUrls.join(', ')}` : ''}`);
  }
  if (c.logoutUrls.includes(uri)) return finding('sign-out-urls', 'pass', uri, 'registered as an allowed sign-out URL');
  const near = nearMiss(uri, c.logoutUrls);
  return finding('sign-out-urls', 'fail', uri, `not an allowed sign-out URL${near ? ` (${near})` : ''}; ${c.logoutUrls.length ? `allowed: ${c.logoutUrls.join(', ')}` : 'the client has none'}. Hosted sign-out would end on Cognito's error page ("Required String parameter 'redirect_uri' is not present")`,
    `add it under Allowed sign-out URLs (${clientConsole('Login pages')}), or: ${update(`--logout-urls ${words([...c.logoutUrls, uri])}`)}`);
}

function flowFinding(c: ClientSettings, update: Update): Finding {
  const subject = 'authorization code grant';
  const fix = `tick Authorization code grant under OAuth 2.0 grant types (${clientConsole('Login pages')}), or: ${update(`--allowed-o-auth-flows ${words([...new Set([...c.allowedOAuthFlows.filter((f) => f !== 'client_credentials'), 'code'])])} --allowed-o-auth-flows-user-pool-client`)}`;
  if (!c.oauthEnabled) return finding('oauth-flows', 'fail', subject, 'OAuth is off for this client (AllowedOAuthFlowsUserPoolClient is false): the hosted UI and /oauth2/authorize refuse it', fix);
  if (!c.allowedOAuthFlows.includes('code')) {
    return finding('oauth-flows', 'fail', subject, `the code grant is not allowed (allowed: ${c.allowedOAuthFlows.join(', ') || 'none'}): sign-in fails with error=unauthorized_client`, fix);
  }
  const implicit = c.allowedOAuthFlows.includes('implicit') ? '; the implicit grant is allowed too (this app does not need it: tokens in the URL fragment)' : '';
  return finding('oauth-flows', 'pass', subject, `the code grant is allowed${implicit}`);
}

function scopeFindings(profile: Profile, c: ClientSettings, update: Update): Finding[] {
  return profile.scopes.map((scope) => {
    if (c.allowedOAuthScopes.includes(scope)) return finding('oauth-scopes', 'pass', scope, 'allowed for this client');
    if (scope === 'offline_access') {
      return finding('oauth-scopes', 'fail', scope, 'Cognito has no offline_access scope: asking for it fails with error_description=invalid_scope (the code grant returns a refresh token anyway)', `drop it from the profile: cognito-inspector profiles edit ${profile.name} --scope "${profile.scopes.filter((s) => s !== scope).join(' ')}"`);
    }
    return finding('oauth-scopes', 'fail', scope, `not allowed for this client (allowed: ${c.allowedOAuthScopes.join(' ') || 'none'}): sign-in fails with error_description=invalid_scope`,
      `allow it under OpenID Connect scopes / custom scopes (${clientConsole('Login pages')}), or: ${update(`--allowed-o-auth-scopes ${words([...c.allowedOAuthScopes, scope])}`)}; or drop it from the profile's --scope`);
  });
}

function providerFindings(profile: Profile, c: ClientSettings, update: Update): Finding[] {
  const named = [...new Set([profile.identityProvider, profile.authorizeParams.identity_provider, ...(profile.identityProviders ?? [])].filter((p): p is string => Boolean(p)))];
  const enabled = c.supportedIdentityProviders;
  const fix = (idp: string) => `enable ${idp} under Identity providers (${clientConsole('Login pages')}; the provider must exist in the pool first: Authentication → Social and external providers), or: ${update(`--supported-identity-providers ${words([...enabled, idp])}`)}`;
  if (!named.length) {
    return [enabled.length
      ? finding('identity-providers', 'pass', '(hosted UI)', `the hosted UI offers: ${enabled.join(', ')}`)
      : finding('identity-providers', 'fail', '(hosted UI)', 'no identity provider is enabled on the client: the hosted UI has nothing to sign in with', fix('COGNITO'))];
  }
  return named.map((idp) => enabled.includes(idp)
    ? finding('identity-providers', 'pass', idp, 'enabled on the client')
    : finding('identity-providers', 'fail', idp, `not enabled on the client (enabled: ${enabled.join(', ') || 'none'}): identity_provider=${idp} fails with error_description=unauthorized_client`, fix(idp)));
}
