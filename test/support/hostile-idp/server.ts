import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeKeys } from './keys.js';
import { TERMINAL_ATTACK, type Scenario } from './scenarios.js';
import { issueIdToken, randomToken } from './tokens.js';

/**
 * A small OIDC server for tests that misbehaves on purpose: discovery, JWKS, an authorize endpoint
 * with no UI (it redirects straight back with a code), token and revocation endpoints. The scenario
 * decides which bad thing happens. Real HTTP on 127.0.0.1, no mocking.
 */
export interface HostileIdp {
  issuer: string;
  clientId: string;
  scenario: Scenario;
  /** Every request as `METHOD /path` (issuer-relative), in order. */
  requestLog: string[];
  revoked: string[];
  stop(): Promise<void>;
}

export interface HostileIdpOptions {
  scenario?: Scenario;
  clientId?: string;
  /** Makes the client confidential: the token endpoint then requires Basic or post auth. */
  clientSecret?: string;
  /** Advertise and send RFC 9207 `iss` on callbacks. */
  issParameter?: boolean;
  slowTokenMs?: number;
  sub?: string;
}

interface Grant { clientId: string; redirectUri: string; challenge: string; nonce?: string; scope: string }

const form = async (req: IncomingMessage) => {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
};

export async function startHostileIdp(opts: HostileIdpOptions = {}): Promise<HostileIdp> {
  const keys = await makeKeys();
  const clientId = opts.clientId ?? 'hostile-client';
  const codes = new Map<string, Grant>();
  const refreshTokens = new Map<string, Grant>();
  let jwksRequestsThisScenario = 0;
  let scenario: Scenario = opts.scenario ?? 'good';
  const requestLog: string[] = [];
  const revoked: string[] = [];
  const server = createServer((req, res) => void handle(req, res).catch((err: unknown) => res.writeHead(500).end(String(err))));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/hostile`;

  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  const redirect = (res: ServerResponse, to: string) => res.writeHead(302, { location: to }).end();

  function jwks() {
    if (scenario === 'no-kid') return { keys: [keys.lone.jwk] };
    // Rotation: the first JWKS answer in this scenario still lacks the new key (a stale cache upstream).
    if (scenario === 'rotated-key') return { keys: jwksRequestsThisScenario++ === 0 ? [keys.current.jwk] : [keys.current.jwk, keys.next.jwk] };
    return { keys: [keys.current.jwk] };
  }

  function authorize(url: URL, res: ServerResponse) {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== clientId || scenario === 'redirect-mismatch') {
      return redirect(res, `${origin}/error?error=redirect_mismatch&client_id=${encodeURIComponent(q.get('client_id') ?? '')}`);
    }
    const back = new URL(redirectUri);
    const state = q.get('state');
    if (scenario === 'error-callback' || scenario === 'invalid-scope' || scenario === 'escape-callback') {
      const params = scenario !== 'invalid-scope'
        ? { error: 'access_denied', error_description: scenario === 'escape-callback' ? `The user declined${TERMINAL_ATTACK}` : 'The user declined', ...(state !== null && { state }) }
        : { error_description: 'invalid_scope', ...(state !== null && { state }), error: 'invalid_request' };
      back.search = new URLSearchParams(params).toString();
      return redirect(res, back.href);
    }
    if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      back.search = new URLSearchParams({ error: 'invalid_request', ...(state !== null && { state }) }).toString();
      return redirect(res, back.href);
    }
    const code = randomToken('code');
    const nonce = q.get('nonce');
    codes.set(code, { clientId, redirectUri, challenge: q.get('code_challenge') ?? '', scope: q.get('scope') ?? '', ...(nonce !== null && { nonce }) });
    back.searchParams.set('code', code);
    if (state !== null) back.searchParams.set('state', state);
    if (opts.issParameter || scenario === 'callback-wrong-iss') back.searchParams.set('iss', scenario === 'callback-wrong-iss' ? 'http://127.0.0.1:1/evil' : issuer);
    redirect(res, back.href);
  }

  function clientAuthenticated(req: IncomingMessage, body: URLSearchParams): boolean {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const [id, secret] = basic?.[1] ? Buffer.from(basic[1], 'base64').toString().split(':').map(decodeURIComponent) : [body.get('client_id'), body.get('client_secret')];
    if (id !== clientId) return false;
    return opts.clientSecret === undefined ? true : secret === opts.clientSecret;
  }

  async function tokens(res: ServerResponse, grant: Grant, withRefresh: boolean, idScenario: Scenario) {
    const nowS = Math.floor(Date.now() / 1000);
    const accessToken = randomToken('at');
    const sub = idScenario === 'refresh-other-sub' ? 'someone-else' : (opts.sub ?? 'user-123');
    const idToken = grant.scope.split(' ').includes('openid')
      ? await issueIdToken({ scenario: idScenario, keys, issuer, clientId, sub, accessToken, nowS, ...(grant.nonce !== undefined && { nonce: grant.nonce }) })
      : undefined;
    const refreshToken = withRefresh ? randomToken('rt') : undefined;
    if (refreshToken) refreshTokens.set(refreshToken, { ...grant, nonce: undefined } as Grant);
    json(res, 200, { access_token: accessToken, token_type: idScenario === 'token-type-mac' ? 'MAC' : 'Bearer', expires_in: 3600, ...(idToken && { id_token: idToken }), ...(refreshToken && { refresh_token: refreshToken }) });
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const body = await form(req);
    if (scenario === 'slow-token') await new Promise((r) => setTimeout(r, opts.slowTokenMs ?? 5000));
    if (scenario === 'token-500-html') return res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>Internal Server Error</body></html>');
    if (scenario === 'token-200-html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Please log in to the proxy</body></html>');
    if (!clientAuthenticated(req, body)) return json(res, 401, { error: 'invalid_client' });
    if (scenario === 'escape-token-error') return json(res, 400, { error: 'invalid_grant', error_description: `code expired${TERMINAL_ATTACK}` });
    if (body.get('grant_type') === 'refresh_token') {
      const grant = refreshTokens.get(body.get('refresh_token') ?? '');
      if (!grant) return json(res, 400, { error: 'invalid_grant' });
      return tokens(res, grant, false, scenario === 'refresh-other-sub' ? scenario : 'good'); // Cognito without rotation: no new refresh token
    }
    if (body.get('grant_type') !== 'authorization_code') return json(res, 400, { error: 'unsupported_grant_type' });
    const code = body.get('code') ?? '';
    const grant = codes.get(code);
    codes.delete(code);
    if (!grant || grant.redirectUri !== body.get('redirect_uri')) return json(res, 400, { error: 'invalid_grant' });
    const challenge = createHash('sha256').update(body.get('code_verifier') ?? '').digest('base64url');
    if (challenge !== grant.challenge) return json(res, 400, { error: 'invalid_grant', error_description: 'code_verifier does not match the code challenge' });
    return tokens(res, grant, true, scenario);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname.startsWith('/hostile') ? url.pathname.slice('/hostile'.length) : url.pathname;
    requestLog.push(`${req.method} ${path}`);
    switch (`${req.method} ${path}`) {
      case 'GET /.well-known/openid-configuration':
        return json(res, 200, {
          issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
          revocation_endpoint: `${issuer}/revoke`, end_session_endpoint: `${issuer}/logout`,
          response_types_supported: ['code'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'], token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
          ...(opts.issParameter && { authorization_response_iss_parameter_supported: true }),
        });
      case 'GET /jwks': return json(res, 200, jwks());
      case 'GET /authorize': return authorize(url, res);
      case 'POST /token': return token(req, res);
      case 'POST /revoke': {
        const body = await form(req);
        if (!clientAuthenticated(req, body)) return json(res, 401, { error: 'invalid_client' });
        revoked.push(body.get('token') ?? '');
        return res.writeHead(200).end();
      }
      case 'GET /error': return res.writeHead(400, { 'content-type': 'text/html' }).end('<html><body>An error was encountered with the requested page.</body></html>');
      default: return res.writeHead(404).end();
    }
  }

  const idp: HostileIdp = {
    issuer, clientId, requestLog, revoked,
    get scenario() { return scenario; },
    set scenario(s: Scenario) { scenario = s; jwksRequestsThisScenario = 0; },
    stop: () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
  return idp;
}
