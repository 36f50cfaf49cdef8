/** A token-endpoint outcome: a JSON body with 200, or Cognito's `{"error":"<code>"}` with 400. */
export type GrantResult = { ok: true; body: Record<string, unknown> } | { ok: false; error: string };

export const grantError = (error: string): GrantResult => ({ ok: false, error });

/** Cognito's field order: id_token, access_token, refresh_token, expires_in, token_type. */
export function tokenBody(t: { idToken?: string; accessToken: string; refreshToken?: string; expiresIn: number }): Record<string, unknown> {
  return {
    ...(t.idToken !== undefined ? { id_token: t.idToken } : {}),
    access_token: t.accessToken,
    ...(t.refreshToken !== undefined ? { refresh_token: t.refreshToken } : {}),
    expires_in: t.expiresIn,
    token_type: 'Bearer',
  };
}
