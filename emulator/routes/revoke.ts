import { authenticateClient } from '../oauth/client-auth.js';
import { isFormContentType, parseForm, sendJson } from '../http/respond.js';
import type { Route } from './types.js';

/**
 * POST /oauth2/revoke: 200 with an empty body, even for an unknown or already revoked token.
 * Revoking a refresh token kills every access/ID token issued from it (same origin_jti).
 */
export const revokeRoute: Route = async ({ ctx, req, res, body }) => {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'invalid_request' }, { Allow: 'POST' });
  const form = isFormContentType(req) ? parseForm(body) : new URLSearchParams();
  const auth = authenticateClient(ctx, req, form);
  if (!auth.ok) return sendJson(res, 401, { error: 'invalid_client' });
  const token = form.get('token');
  if (token === null || token === '') return sendJson(res, 400, { error: 'invalid_request' });
  if (!auth.client.enableTokenRevocation) {
    return sendJson(res, 400, { error: 'invalid_request', error_description: 'Token revocation is not enabled for this app client.' });
  }
  // A JWT (access or ID token) is not revocable here.
  if (token.split('.').length === 3) return sendJson(res, 400, { error: 'unsupported_token_type' });
  const grant = ctx.store.peekRefreshToken(token);
  // Only the client that obtained the token may revoke it; anyone else gets the same empty 200.
  if (grant !== undefined && grant.clientId === auth.client.clientId) ctx.store.revokeOrigin(grant.originJti);
  res.writeHead(200, { 'Content-Length': '0' });
  res.end();
};
