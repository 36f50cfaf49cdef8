import { authenticateClient } from '../oauth/client-auth.js';
import { authorizationCodeGrant } from '../oauth/grant-code.js';
import { clientCredentialsGrant } from '../oauth/grant-client-credentials.js';
import { refreshTokenGrant } from '../oauth/grant-refresh.js';
import type { GrantResult } from '../oauth/grant-result.js';
import { isFormContentType, parseForm, sendJson, sendOAuthError } from '../http/respond.js';
import type { Route } from './types.js';

const CORS = { 'Access-Control-Allow-Origin': '*' };

const GRANTS = new Map([
  ['authorization_code', authorizationCodeGrant],
  ['refresh_token', refreshTokenGrant],
  ['client_credentials', clientCredentialsGrant],
]);

/** POST /oauth2/token */
export const tokenRoute: Route = async ({ ctx, req, res, body }) => {
  if (req.method !== 'POST') return sendOAuthError(res, 'invalid_request', 405, { Allow: 'POST', ...CORS });
  if (!isFormContentType(req)) return sendOAuthError(res, 'invalid_request', 400, CORS);
  const form = parseForm(body);
  const grantType = form.get('grant_type');
  if (grantType === null || grantType === '') return sendOAuthError(res, 'invalid_request', 400, CORS);
  const handler = GRANTS.get(grantType);
  if (handler === undefined) return sendOAuthError(res, 'unsupported_grant_type', 400, CORS);
  const auth = authenticateClient(ctx, req, form);
  if (!auth.ok) return sendOAuthError(res, 'invalid_client', 400, CORS);
  const result: GrantResult = await handler(ctx, auth.client, form);
  if (!result.ok) return sendOAuthError(res, result.error, 400, CORS);
  sendJson(res, 200, result.body, CORS);
};
