import type { JWK } from 'jose';
import { AppError, isAppError } from '../errors/app-error.js';
import { egressCheckedFetch } from '../net/egress.js';
import type { Fetch } from '../ports.js';
import { isFetchableUrl } from './loopback.js';

export interface KeySourceOptions {
  fetch: Fetch;
  jwks?: string;
  jwksJson?: unknown;
  issuer?: string;
}

export interface LoadedKeys {
  keys: JWK[];
  /** Human description: a URL, or "the JWKS given". */
  source: string;
  /** Set when the keys came from discovery: the issuer the discovery document names. */
  discoveredIssuer?: string;
  /** True when keys were found through the token's own `iss` (nothing pinned by the user). */
  fromTokenIss: boolean;
}

const FETCH_TIMEOUT_MS = 10_000;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/**
 * Find the verification keys. Order: a JWK/JWKS given inline, a JWKS URL, an issuer URL
 * (discovery, then jwks_uri), the token's own `iss`. Plain http is fetched only from loopback hosts,
 * and the check happens before any request, redirects included (each hop is checked before it is
 * requested), so a hostile `iss` never makes us contact a host the rule forbids.
 */
export async function loadKeys(tokenIss: unknown, opts: KeySourceOptions): Promise<LoadedKeys> {
  if (opts.jwksJson !== undefined) {
    const { keys, single } = parseJwks(opts.jwksJson, 'the key given');
    return { keys, source: single ? 'the JWK given' : 'the JWKS given', fromTokenIss: false };
  }
  if (opts.jwks !== undefined) {
    const url = checkedUrl(opts.jwks, 'the JWKS URL', 'given');
    return { keys: parseJwks(await fetchJson(opts.fetch, url, 'JWKS'), url.href).keys, source: url.href, fromTokenIss: false };
  }
  const fromTokenIss = opts.issuer === undefined;
  const issuer = opts.issuer ?? tokenIss;
  if (typeof issuer !== 'string' || issuer === '') {
    throw new AppError('NO_KEY_SOURCE', 'no key source: the token has no iss and no --jwks, --issuer or key was given', 'Pass --jwks URL, --issuer URL or a JWK/JWKS file to verify the signature.');
  }
  const issuerUrl = checkedUrl(issuer, fromTokenIss ? "the token's iss" : 'the issuer', fromTokenIss ? 'provider' : 'given');
  const discoveryUrl = new URL(`${issuerUrl.href.replace(/\/$/, '')}/.well-known/openid-configuration`);
  const doc = await fetchJson(opts.fetch, discoveryUrl, 'discovery document');
  const jwksUri = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>)['jwks_uri'] : undefined;
  if (typeof jwksUri !== 'string') {
    throw new AppError('DISCOVERY_FAILED', `the discovery document at ${discoveryUrl.href} has no jwks_uri`, 'Pass --jwks URL with the issuer\'s key set.');
  }
  const jwksUrl = checkedUrl(jwksUri, 'the jwks_uri from discovery', 'provider');
  const keys = parseJwks(await fetchJson(opts.fetch, jwksUrl, 'JWKS'), jwksUrl.href).keys;
  const docIssuer = (doc as Record<string, unknown>)['issuer'];
  const loaded: LoadedKeys = { keys, source: jwksUrl.href, fromTokenIss };
  if (typeof docIssuer === 'string') loaded.discoveredIssuer = docIssuer;
  return loaded;
}

/**
 * `origin` says who chose the URL: a flag the person gave (`given`: refusing it is bad input,
 * INSECURE_ISSUER) or the provider (`provider`: a token's iss or discovery's jwks_uri,
 * INSECURE_PROVIDER_ENDPOINT).
 */
function checkedUrl(value: string, what: string, origin: 'given' | 'provider'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('NO_KEY_SOURCE', `${what} is not a URL: ${JSON.stringify(value.slice(0, 200))}`, 'Pass --jwks URL or --issuer URL to verify the signature.');
  }
  if (!isFetchableUrl(url)) {
    const given = origin === 'given';
    throw new AppError(
      given ? 'INSECURE_ISSUER' : 'INSECURE_PROVIDER_ENDPOINT',
      `${what} (${url.origin}) is not https, and plain http is fetched only from loopback hosts; no request was made`,
      !given
        ? 'The token (or its issuer\'s discovery document) names a plain-http URL; keys are not fetched from it. Pass --issuer with the https issuer you expect, or --jwks FILE with the issuer\'s keys.'
        : url.protocol === 'http:'
          ? `Use https://${url.href.slice('http://'.length)}, or download the JWKS yourself and pass it as a file (--jwks FILE).`
          : 'Use the https URL, or download the JWKS yourself and pass it as a file (--jwks FILE).',
      { details: { url: url.href } },
    );
  }
  return url;
}

async function fetchJson(fetchFn: Fetch, url: URL, what: string): Promise<unknown> {
  let res: Response;
  try {
    res = await egressCheckedFetch(fetchFn, { what: `the ${what} URL` })(url.href, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (err) {
    // The first URL passed checkedUrl: a refusal here is a redirect the server sent, its doing.
    if (isAppError(err)) throw err.code === 'INSECURE_ENDPOINT' ? new AppError('INSECURE_PROVIDER_ENDPOINT', `the ${what} request to ${url.href} was refused: ${err.message}`, err.hint, { cause: err, ...(err.details ? { details: err.details } : {}) }) : err;
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    const tls = /certificate|tls|ssl/i.test(cause);
    throw new AppError(
      tls ? 'TLS_FAILURE' : 'NETWORK_UNREACHABLE',
      `could not fetch the ${what} from ${url.href}: ${cause}`,
      tls ? 'The server\'s TLS certificate was not accepted; check the URL and the system clock.' : 'Check the URL and the network, or pass the keys as a file.',
      { cause: err },
    );
  }
  if (!res.ok) {
    throw new AppError(what === 'JWKS' ? 'HTTP_ERROR' : 'DISCOVERY_FAILED', `the ${what} at ${url.href} answered HTTP ${res.status}`, 'Check the URL; for Cognito the issuer is https://cognito-idp.<region>.amazonaws.com/<userPoolId>.', { details: { status: res.status } });
  }
  try {
    return await res.json();
  } catch (err) {
    throw new AppError(what === 'JWKS' ? 'HTTP_ERROR' : 'DISCOVERY_FAILED', `the ${what} at ${url.href} is not JSON`, 'Check the URL points at the JSON document, not a web page.', { cause: err });
  }
}

/** Accept a JWK, a JWKS, an array of JWKs, or their JSON text (people paste one for the other). */
export function parseJwks(value: unknown, where: string): { keys: JWK[]; single: boolean } {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      throw badKeys(where, 'is not JSON');
    }
  }
  let list: unknown[];
  let single = false;
  if (Array.isArray(v)) list = v;
  else if (v !== null && typeof v === 'object' && Array.isArray((v as { keys?: unknown }).keys)) list = (v as { keys: unknown[] }).keys;
  else if (v !== null && typeof v === 'object' && typeof (v as { kty?: unknown }).kty === 'string') {
    list = [v];
    single = true;
  } else throw badKeys(where, 'is neither a JWK (an object with "kty") nor a JWKS ({"keys": [...]})');
  const keys = list.filter((k): k is JWK => k !== null && typeof k === 'object' && typeof (k as JWK).kty === 'string').map(publicPart);
  return { keys, single };
}

/** Verification needs only the public members; dropping the rest keeps a pasted private key harmless. */
function publicPart(jwk: JWK): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  for (const m of PRIVATE_MEMBERS) delete copy[m];
  return copy as JWK;
}

function badKeys(where: string, what: string): AppError {
  return new AppError('INVALID_INPUT', `${where} ${what}`, 'Give a JWK ({"kty": ...}) or a JWKS ({"keys": [...]}), for example the file at the issuer\'s jwks_uri.');
}
