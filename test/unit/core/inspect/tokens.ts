// Builds tokens by hand (no signing) so decode tests control every byte.
export const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

export const jwt = (header: unknown, payload: unknown, sig = 'c2lnbmF0dXJl'): string => `${b64(header)}.${b64(payload)}.${sig}`;

/** 2023-04-29T18:00:00Z, the fixed "now" of these tests. */
export const NOW = Date.UTC(2023, 3, 29, 18, 0, 0);
export const NOW_S = NOW / 1000;

export const ISS = 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_9EiQtYD6z';

/** The shape of a real Cognito ID token (reference/cognito-wire.md §3.2). */
export const idPayload = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  at_hash: '3KIhjUiWvVLZDFnLjBXhew',
  sub: '7ee5da75-2f0e-4f6c-9a55-2a6a5c1e3b77',
  'cognito:groups': ['us-west-2_9EiQtYD6z_Google'],
  email_verified: false,
  iss: ISS,
  'cognito:username': 'google_102613502779525861182',
  origin_jti: 'bc551b17-1e36-4f0a-9c1c-0b6d8a8c2a11',
  aud: '2todpsba6aij4tlrqhein3trrm',
  token_use: 'id',
  auth_time: NOW_S - 600,
  exp: NOW_S + 42 * 60,
  iat: NOW_S - 600,
  jti: 'f681320a-7c4e-4a77-b1e7-7d8f6f3b1c2d',
  email: 'ana@example.com',
  ...over,
});

/** The shape of a real Cognito access token (reference/cognito-wire.md §3.3). */
export const accessPayload = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  sub: '7ee5da75-2f0e-4f6c-9a55-2a6a5c1e3b77',
  'cognito:groups': ['admins'],
  iss: ISS,
  version: 2,
  client_id: '2todpsba6aij4tlrqhein3trrm',
  event_id: '9a1c7c2e-5c4e-4b1f-8c1e-1b2c3d4e5f60',
  token_use: 'access',
  scope: 'aws.cognito.signin.user.admin openid profile',
  auth_time: NOW_S - 600,
  exp: NOW_S + 42 * 60,
  iat: NOW_S - 600,
  jti: 'a1b2c3d4-0000-4000-8000-000000000001',
  username: 'jtest1',
  ...over,
});

export const RS_HEADER = { kid: 'vyVQH7UMjwYboVvyFf+zd4KHZfgc+RtmU/A2vHhgITI=', alg: 'RS256' };
