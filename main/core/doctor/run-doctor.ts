import { parseCognitoIssuer } from '../profiles/cognito-issuer.js';
import { runAdminChecks } from './admin/run-admin.js';
import { checkClient } from './client-checks.js';
import { checkDiscovery, checkHostedUi } from './endpoint-checks.js';
import { checkIdentity } from './identity-checks.js';
import { checkClientSecret } from './secret-check.js';
import { checkSession } from './session-check.js';
import { finding, type DoctorDeps, type DoctorInput, type DoctorReport, type Finding } from './types.js';

const COGNITO_ONLY = ['hosted-ui', 'client-id', 'redirect-uri', 'code-grant', 'scope', 'identity-provider', 'client-secret'] as const;

/**
 * Runs every check, in Cognito's order (discovery, then the authorize endpoint's own order, then
 * the token endpoint, the identity pool, the session). Checks that read Cognito's specific answers
 * are `skip` for another issuer.
 */
export async function runDoctor(input: DoctorInput, deps: DoctorDeps): Promise<DoctorReport> {
  const { profile } = input;
  const checks: Finding[] = [];
  const disc = await checkDiscovery(profile.issuer, deps);
  checks.push(...disc.findings);
  const cognito = parseCognitoIssuer(profile.issuer) !== undefined;
  if (!cognito) {
    for (const id of COGNITO_ONLY) checks.push(finding(id, 'skip', profile.clientId, 'not a Cognito issuer: this check reads Cognito\'s answers'));
  } else if (!disc.endpoints) {
    for (const id of COGNITO_ONLY) checks.push(finding(id, 'skip', profile.clientId, 'needs the discovery document (see discovery)'));
  } else {
    const hosted = await checkHostedUi(disc.endpoints.authorize, profile.hostedUiDomain, deps);
    checks.push(hosted);
    const authorize = profile.hostedUiDomain ? `${profile.hostedUiDomain.replace(/\/+$/, '')}/oauth2/authorize` : disc.endpoints.authorize;
    const token = profile.hostedUiDomain ? `${profile.hostedUiDomain.replace(/\/+$/, '')}/oauth2/token` : disc.endpoints.token;
    if (hosted.status === 'pass' && authorize) checks.push(...(await checkClient(profile, authorize, deps)));
    else for (const id of COGNITO_ONLY.slice(1, -1)) checks.push(finding(id, 'skip', profile.clientId, 'needs the hosted UI (see hosted-ui)'));
    const clientKnown = checks.find((c) => c.id === 'client-id')?.status === 'pass';
    checks.push(clientKnown ? await checkClientSecret(profile, token, input.clientSecret, deps) : finding('client-secret', 'skip', profile.clientId, 'needs a known app client (see client-id)'));
  }
  checks.push(...(await checkIdentity(profile, input.session, deps)));
  // The ID token as it was before the session check refreshed it: only decoded, to explain the role choice.
  const idToken = input.session?.idToken;
  checks.push(...(await checkSession(input.session, profile.name)));
  if (input.admin) checks.push(...(await runAdminChecks({ profile, ...(idToken ? { idToken } : {}) }, deps.adminApi)));
  return { profile: profile.name, checks };
}
