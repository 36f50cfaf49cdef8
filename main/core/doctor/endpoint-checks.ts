import { isAllowedEgress } from '../net/egress.js';
import type { DoctorDeps, Finding } from './types.js';
import { finding } from './types.js';

/** What discovery told us; the later checks probe these endpoints. */
export interface Endpoints {
  issuer: string;
  authorize?: string;
  token?: string;
  scopesSupported?: string[];
}

/** The project's egress rule (https, or http on loopback), which the probes also keep. */
const secure = (url: string) => {
  try {
    return isAllowedEgress(new URL(url));
  } catch {
    return false;
  }
};

async function getJson(deps: DoctorDeps, url: string): Promise<{ status: number; body?: unknown; error?: string }> {
  try {
    const res = await deps.fetch(url, { signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { status: res.status };
    }
  } catch (err) {
    return { status: 0, error: err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err) };
  }
}

/**
 * `discovery`: the discovery document and the JWKS answer, the issuer inside is the profile's
 * exactly, and everything is https (http only on loopback, e.g. the local pool).
 */
export async function checkDiscovery(issuer: string, deps: DoctorDeps): Promise<{ findings: Finding[]; endpoints?: Endpoints }> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  if (!secure(issuer)) {
    return { findings: [finding('discovery', 'fail', issuer, 'the issuer is plain http on a non-loopback host', 'use the https issuer: https://cognito-idp.<region>.amazonaws.com/<userPoolId>')] };
  }
  const doc = await getJson(deps, url);
  if (doc.status !== 200 || typeof doc.body !== 'object' || doc.body === null) {
    const why = doc.error ? `unreachable (${doc.error})` : `HTTP ${doc.status}${doc.body === undefined ? ', not JSON' : ''}`;
    return { findings: [finding('discovery', 'fail', url, `the discovery document is ${why}`, 'check the issuer: for Cognito it is https://cognito-idp.<region>.amazonaws.com/<userPoolId> (aws cognito-idp describe-user-pool --user-pool-id <id> shows the pool exists)')] };
  }
  const meta = doc.body as Record<string, unknown>;
  const findings: Finding[] = [];
  if (meta.issuer !== issuer) {
    findings.push(finding('discovery', 'fail', url, `the document names issuer ${JSON.stringify(meta.issuer)}, the profile ${issuer}`, `set the profile's issuer to exactly ${String(meta.issuer)} (no trailing slash): cognito-inspector profiles edit <name> --issuer ${String(meta.issuer)}`));
  }
  const endpoints: Endpoints = {
    issuer,
    ...(typeof meta.authorization_endpoint === 'string' ? { authorize: meta.authorization_endpoint } : {}),
    ...(typeof meta.token_endpoint === 'string' ? { token: meta.token_endpoint } : {}),
    ...(Array.isArray(meta.scopes_supported) ? { scopesSupported: meta.scopes_supported.map(String) } : {}),
  };
  const insecure = [meta.authorization_endpoint, meta.token_endpoint, meta.jwks_uri].filter((u): u is string => typeof u === 'string' && !secure(u));
  if (insecure.length) findings.push(finding('discovery', 'fail', insecure.join(', '), 'endpoints in the discovery document are plain http on a non-loopback host', 'the issuer must publish https endpoints'));
  const jwksUri = typeof meta.jwks_uri === 'string' ? meta.jwks_uri : undefined;
  const jwks = jwksUri ? await getJson(deps, jwksUri) : undefined;
  const keys = (jwks?.body as { keys?: unknown } | undefined)?.keys;
  if (!jwksUri || jwks?.status !== 200 || !Array.isArray(keys) || keys.length === 0) {
    findings.push(finding('discovery', 'fail', jwksUri ?? url, jwksUri ? `the JWKS has no keys (HTTP ${jwks?.status ?? 0})` : 'the discovery document names no jwks_uri', 'the issuer must publish its signing keys; check the issuer URL'));
  }
  if (!findings.length) findings.push(finding('discovery', 'pass', url, `issuer matches; JWKS has ${(keys as unknown[]).length} key(s)`));
  return { findings, endpoints };
}

/** `hosted-ui`: the domain serving /oauth2/authorize answers (the profile's override, if any). */
export async function checkHostedUi(authorize: string | undefined, override: string | undefined, deps: DoctorDeps): Promise<Finding> {
  const url = override ? `${override.replace(/\/+$/, '')}/oauth2/authorize` : authorize;
  if (!url) return finding('hosted-ui', 'fail', '(none)', 'discovery names no authorization_endpoint: the pool has no domain', 'give the user pool a domain: Cognito console → App integration → Domain (aws cognito-idp create-user-pool-domain --domain <prefix> --user-pool-id <id>)');
  try {
    const res = await deps.fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    await res.body?.cancel();
    return finding('hosted-ui', 'pass', new URL(url).origin, `answers (HTTP ${res.status})${override ? ' (the profile\'s domain override)' : ''}`);
  } catch (err) {
    return finding('hosted-ui', 'fail', new URL(url).origin, `does not answer (${err instanceof Error ? err.message : String(err)})`,
      override ? 'check the profile\'s --hosted-ui-domain against the pool\'s domain (aws cognito-idp describe-user-pool --user-pool-id <id> --query UserPool.[Domain,CustomDomain])' : 'check the user pool\'s domain (Cognito console → App integration → Domain)');
  }
}
