import type { Profile } from '../profiles/schema.js';
import { probeAuthorize, refusalName, type ProbeOutcome } from './authorize-probe.js';
import { finding, type DoctorDeps, type Finding } from './types.js';

const CONSOLE = 'Cognito console → App integration → App clients → your client → Login pages';
const update = (p: Profile, what: string) =>
  `aws cognito-idp update-user-pool-client --user-pool-id <id> --client-id ${p.clientId} ${what} (update-user-pool-client resets settings you leave out: pass the current ones too)`;

/** Notes on a redirect URI that Cognito would match exactly as written. */
function uriNotes(uri: string): string[] {
  const notes: string[] = [];
  const u = new URL(uri);
  if (u.protocol === 'http:' && u.hostname !== 'localhost') notes.push(`Cognito allows plain http only for localhost${u.hostname === '127.0.0.1' ? ' (127.0.0.1 is a different string: register it as written, or use localhost)' : ''}`);
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) notes.push('it ends with a slash: Cognito matches the registered URL exactly, slash included');
  if (/[A-Z]/.test(u.host + u.pathname)) notes.push('it has capital letters: the match is case-sensitive');
  if (!u.port && u.protocol === 'http:') notes.push('it has no port: the loopback listener needs a fixed port, registered exactly');
  return notes;
}

/**
 * `client-id`, `redirect-uri`, `code-grant`, `scope`, `identity-provider`: authorize probes, one
 * per subject, never completing a sign-in. Cognito checks the client, then the redirect URI, then
 * the grant, the scopes and the provider; a later check needs an earlier one to pass.
 */
export async function checkClient(profile: Profile, authorize: string, deps: DoctorDeps): Promise<Finding[]> {
  const out: Finding[] = [];
  const probe = (redirectUri: string, extra: { scope?: string; identityProvider?: string } = {}) =>
    probeAuthorize(authorize, { clientId: profile.clientId, redirectUri, ...extra }, deps);

  // redirect-uri (and client-id from the first answer that says anything about the client)
  const registered: string[] = [];
  let clientVerdict: Finding | undefined;
  const uriFindings: Finding[] = [];
  for (const uri of profile.redirectUris) {
    const o = await probe(uri);
    if (o.kind === 'unreachable') {
      uriFindings.push(finding('redirect-uri', 'skip', uri, `the authorize endpoint did not answer (${o.detail})`));
      continue;
    }
    if (o.kind === 'error-page' && o.error !== 'redirect_mismatch') {
      clientVerdict ??= finding('client-id', 'fail', profile.clientId, `Cognito refuses the client id (its error page says error=${o.error})`, 'check the app client id: aws cognito-idp list-user-pool-clients --user-pool-id <id>, or Cognito console → App integration → App clients');
      continue;
    }
    clientVerdict ??= finding('client-id', 'pass', profile.clientId, 'the app client exists');
    const notes = uriNotes(uri);
    if (o.kind === 'error-page') {
      uriFindings.push(finding('redirect-uri', 'fail', uri, `not registered: Cognito shows its error page (redirect_mismatch)${notes.length ? `; note: ${notes.join('; ')}` : ''}`,
        `add ${uri} to Allowed callback URLs (${CONSOLE}), or: ${update(profile, `--callback-urls ${uri} <the others>`)}`));
    } else {
      registered.push(uri);
      uriFindings.push(finding('redirect-uri', notes.length ? 'warn' : 'pass', uri, notes.length ? `registered; note: ${notes.join('; ')}` : 'registered', notes.length ? 'prefer http://localhost:<fixed port>/callback' : ''));
    }
  }
  out.push(clientVerdict ?? finding('client-id', 'skip', profile.clientId, 'the authorize endpoint did not answer'));
  out.push(...uriFindings);
  if (clientVerdict?.status !== 'pass') return out;

  const uri = registered[0];
  const needUri = (id: 'code-grant' | 'scope' | 'identity-provider', subject: string) =>
    finding(id, 'skip', subject, 'no registered redirect URI to probe with (see redirect-uri)');

  // code-grant: no scope parameter means every allowed scope, so only the grant can refuse.
  let grantOk = false;
  if (!uri) out.push(needUri('code-grant', 'authorization_code'));
  else {
    const o = await probe(uri);
    grantOk = o.kind === 'proceeds';
    out.push(grantFinding(profile, o));
  }

  for (const scope of profile.scopes) {
    if (!uri) out.push(needUri('scope', scope));
    else if (!grantOk) out.push(finding('scope', 'skip', scope, 'Cognito checks the grant first (see code-grant)'));
    else {
      const o = await probe(uri, { scope });
      out.push(o.kind === 'refused' && refusalName(o) === 'invalid_scope'
        ? finding('scope', 'fail', scope, `not allowed for this client: Cognito answers error=${o.error}&error_description=${o.description}${scope === 'offline_access' ? ' (Cognito has no offline_access: the code grant returns a refresh token anyway)' : ''}`,
          scope === 'offline_access' ? 'remove it from the profile: cognito-inspector profiles edit <name> --scope "openid email"' : `allow it under Allowed OAuth scopes (${CONSOLE}), or: ${update(profile, `--allowed-o-auth-scopes ${scope} <the others>`)}; or drop it from the profile's --scope`)
        : o.kind === 'proceeds' ? finding('scope', 'pass', scope, 'allowed') : finding('scope', 'warn', scope, `unexpected answer: ${describe(o)}`));
    }
  }

  const providers = [profile.identityProvider, profile.authorizeParams.identity_provider].filter((p): p is string => Boolean(p));
  if (!providers.length) out.push(finding('identity-provider', 'skip', '(none)', 'the profile names no identity provider: the hosted UI lets the user choose'));
  for (const idp of new Set(providers)) {
    if (!uri) out.push(needUri('identity-provider', idp));
    else if (!grantOk) out.push(finding('identity-provider', 'skip', idp, 'Cognito checks the grant first (see code-grant)'));
    else {
      const o = await probe(uri, { identityProvider: idp });
      out.push(o.kind === 'proceeds'
        ? finding('identity-provider', 'pass', idp, 'enabled on the client: the authorize endpoint sends the browser to it')
        : finding('identity-provider', 'fail', idp, `not usable by this client: ${describe(o)}`,
          `enable ${idp} under Identity providers (${CONSOLE}; the provider must exist in the pool first: Sign-in experience → Federated identity providers), or: ${update(profile, `--supported-identity-providers COGNITO ${idp}`)}`));
    }
  }
  return out;
}

function grantFinding(profile: Profile, o: ProbeOutcome): Finding {
  if (o.kind === 'proceeds') return finding('code-grant', 'pass', 'authorization_code', 'the code grant is allowed');
  if (o.kind === 'refused' && refusalName(o) === 'unauthorized_client') {
    return finding('code-grant', 'fail', 'authorization_code', `the client may not use the code grant: Cognito answers error=${o.error}&error_description=${o.description}`,
      `tick Authorization code grant under OAuth grant types (${CONSOLE}), or: ${update(profile, '--allowed-o-auth-flows code --allowed-o-auth-flows-user-pool-client')}`);
  }
  return finding('code-grant', 'warn', 'authorization_code', `unexpected answer: ${describe(o)}`);
}

function describe(o: ProbeOutcome): string {
  switch (o.kind) {
    case 'refused': return `error=${o.error}${o.description ? ` error_description=${o.description}` : ''}`;
    case 'error-page': return `Cognito's error page (error=${o.error})`;
    case 'unreachable': return `no answer (${o.detail})`;
    default: return `redirect to ${o.location}`;
  }
}
