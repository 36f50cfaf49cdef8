import { AppError } from '../errors/app-error.js';
import { isLoopbackHost } from '../net/loopback.js';
import { cognitoIssuer } from './cognito-issuer.js';
import { DEFAULT_REDIRECT_URIS, type ProfileInput } from './schema.js';

/**
 * Reads Amplify's client configs into a profile: Gen 2 `amplify_outputs.json` and Gen 1
 * `amplifyconfiguration.json` / `aws-exports.js`. aws-exports.js is parsed as data, never executed.
 */
export interface ImportResult {
  profile: ProfileInput;
  format: 'amplify-gen2' | 'amplify-gen1';
  notes: string[];
}

const PROVIDER_NAMES: Record<string, string> = {
  GOOGLE: 'Google',
  FACEBOOK: 'Facebook',
  AMAZON: 'LoginWithAmazon',
  LOGIN_WITH_AMAZON: 'LoginWithAmazon',
  APPLE: 'SignInWithApple',
  SIGN_IN_WITH_APPLE: 'SignInWithApple',
};

export function importAmplifyConfig(fileName: string, text: string, name: string): ImportResult {
  const json = parseConfigText(fileName, text);
  const auth = asRecord(json.auth);
  if (auth && typeof auth.user_pool_id === 'string') return fromGen2(auth, name);
  if (typeof json.aws_user_pools_id === 'string') return fromGen1(json, name);
  throw new AppError(
    'INVALID_INPUT',
    `${fileName} has no user pool: expected auth.user_pool_id (amplify_outputs.json) or aws_user_pools_id (Gen 1)`,
    'pass the amplify_outputs.json, amplifyconfiguration.json or aws-exports.js of an app with auth configured',
  );
}

function fromGen2(auth: Record<string, unknown>, name: string): ImportResult {
  const region = str(auth.aws_region, 'auth.aws_region');
  const oauth = asRecord(auth.oauth);
  const notes: string[] = [];
  const profile: ProfileInput = {
    name,
    region,
    issuer: cognitoIssuer(region, str(auth.user_pool_id, 'auth.user_pool_id')),
    clientId: str(auth.user_pool_client_id, 'auth.user_pool_client_id'),
    ...(oauth ? oauthFields(oauth.scopes, oauth.redirect_sign_in_uri, oauth.redirect_sign_out_uri, oauth.domain, oauth.identity_providers, notes) : {}),
  };
  if (typeof auth.identity_pool_id === 'string') profile.identityPool = { id: auth.identity_pool_id, mode: 'enhanced' };
  return { profile, format: 'amplify-gen2', notes };
}

function fromGen1(cfg: Record<string, unknown>, name: string): ImportResult {
  const poolId = str(cfg.aws_user_pools_id, 'aws_user_pools_id');
  const region = typeof cfg.aws_cognito_region === 'string' ? cfg.aws_cognito_region : poolId.split('_')[0]!;
  const oauth = asRecord(cfg.oauth);
  const notes: string[] = [];
  const redirect = oauth && typeof oauth.redirectSignIn === 'string' ? oauth.redirectSignIn.split(',') : undefined;
  const signOut = oauth && typeof oauth.redirectSignOut === 'string' ? oauth.redirectSignOut.split(',') : undefined;
  const profile: ProfileInput = {
    name,
    region,
    issuer: cognitoIssuer(region, poolId),
    clientId: str(cfg.aws_user_pools_web_client_id, 'aws_user_pools_web_client_id'),
    ...(oauth ? oauthFields(oauth.scope, redirect, signOut, oauth.domain, cfg.aws_cognito_social_providers, notes) : {}),
  };
  if (typeof cfg.aws_cognito_identity_pool_id === 'string') profile.identityPool = { id: cfg.aws_cognito_identity_pool_id, mode: 'enhanced' };
  return { profile, format: 'amplify-gen1', notes };
}

function oauthFields(scopes: unknown, redirects: unknown, signOuts: unknown, domain: unknown, providers: unknown, notes: string[]): Partial<ProfileInput> {
  const out: Partial<ProfileInput> = {};
  if (Array.isArray(scopes) && scopes.every((s) => typeof s === 'string') && scopes.length) out.scopes = scopes;
  if (typeof domain === 'string' && domain) out.hostedUiDomain = domain.startsWith('http') ? domain : `https://${domain}`;
  const loopback = loopbackUris(redirects);
  if (loopback.length) out.redirectUris = loopback;
  else notes.push(`no loopback redirect URI in the config; using ${DEFAULT_REDIRECT_URIS.join(' and ')}: add them to the app client's Allowed callback URLs`);
  // Only a loopback sign-out URL is usable: `logout --hosted` listens on it for the browser's return.
  const signOut = loopbackUris(signOuts)[0];
  if (signOut) out.logoutUri = signOut;
  // The app's providers are offered (the window's "Sign in with Google"), never forced: a forced
  // identity_provider would skip the hosted UI on every sign-in.
  const list = Array.isArray(providers) ? providers.filter((p): p is string => typeof p === 'string' && p !== '') : [];
  if (list.length) out.identityProviders = list.map((p) => PROVIDER_NAMES[p.toUpperCase()] ?? p);
  return out;
}

function loopbackUris(uris: unknown): string[] {
  return Array.isArray(uris) ? uris.filter((u): u is string => typeof u === 'string' && isLoopbackHttp(u)).map((u) => u.trim()) : [];
}

function isLoopbackHttp(u: string): boolean {
  try {
    const url = new URL(u.trim());
    // A web app's own address (http://localhost:3000/) is its dev server, not a callback the
    // inspector can listen on: only a loopback URI with a port and a callback path is adopted.
    return url.protocol === 'http:' && isLoopbackHost(url.hostname) && url.port !== '' && url.pathname !== '/';
  } catch {
    return false;
  }
}

function parseConfigText(fileName: string, text: string): Record<string, unknown> {
  let body = text.trim();
  if (/\.(m?js|ts)$/.test(fileName)) {
    // aws-exports.js: `const awsmobile = { ...JSON-like... }; export default awsmobile;`
    const start = body.indexOf('{');
    const end = body.lastIndexOf('}');
    if (start < 0 || end < start) throw new AppError('INVALID_INPUT', `${fileName} has no object literal`, 'pass the aws-exports.js that Amplify generated');
    body = body.slice(start, end + 1).replace(/,\s*([}\]])/g, '$1');
  }
  try {
    const json: unknown = JSON.parse(body);
    const rec = asRecord(json);
    if (!rec) throw new Error('not an object');
    return rec;
  } catch (err) {
    throw new AppError('INVALID_INPUT', `${fileName} is not a JSON object (${(err as Error).message})`, 'pass an Amplify config file as generated', { cause: err });
  }
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown, field: string): string {
  if (typeof v === 'string' && v) return v;
  throw new AppError('INVALID_INPUT', `the Amplify config has no ${field}`, `check that ${field} is set in the file`);
}
