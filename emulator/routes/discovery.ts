import type { EmulatorContext } from '../context.js';
import { jwks } from '../keys.js';
import { sendJson } from '../http/respond.js';
import type { Route } from './types.js';

/**
 * Cognito's discovery document: compact, keys in alphabetical order, end_session_endpoint
 * included (since Feb 2024), no revocation_endpoint (never seen in a captured document).
 */
export function discoveryDocument(ctx: EmulatorContext): Record<string, unknown> {
  const d = ctx.baseUrl;
  return {
    authorization_endpoint: `${d}/oauth2/authorize`,
    end_session_endpoint: `${d}/logout`,
    id_token_signing_alg_values_supported: ['RS256'],
    issuer: ctx.issuer,
    jwks_uri: `${ctx.issuer}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    token_endpoint: `${d}/oauth2/token`,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    userinfo_endpoint: `${d}/oauth2/userInfo`,
  };
}

export const discoveryRoute: Route = async ({ ctx, res }) => {
  sendJson(res, 200, discoveryDocument(ctx), { 'Access-Control-Allow-Origin': '*' });
};

export const jwksRoute: Route = async ({ ctx, res }) => {
  sendJson(res, 200, jwks(ctx.keys), { 'Access-Control-Allow-Origin': '*' });
};
