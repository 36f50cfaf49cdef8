import { describe, expect, it } from 'vitest';
import { tokenResponseView } from '../../../../main/core/tester/token-response-view.js';
import { marker } from '../../../../main/core/trace/redact.js';

const ID = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';
const ACCESS = 'eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6Im9wZW5pZCJ9.c2ln';
const REFRESH = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.opaque-refresh-token';

describe('tokenResponseView', () => {
  it('masks every token with the Timeline marker; shown reveals the ID and access tokens, never the refresh token', () => {
    const text = JSON.stringify({ id_token: ID, access_token: ACCESS, refresh_token: REFRESH, expires_in: 3600, token_type: 'Bearer' });
    const view = tokenResponseView(200, text);
    expect(JSON.parse(view.masked)).toEqual({ id_token: marker(ID), access_token: marker(ACCESS), refresh_token: marker(REFRESH), expires_in: 3600, token_type: 'Bearer' });
    expect(JSON.parse(view.shown)).toEqual({ id_token: ID, access_token: ACCESS, refresh_token: marker(REFRESH), expires_in: 3600, token_type: 'Bearer' });
    expect(Object.keys(JSON.parse(view.shown))).toEqual(['id_token', 'access_token', 'refresh_token', 'expires_in', 'token_type']);
    expect(view.masked).not.toContain(REFRESH);
    expect(view.shown).not.toContain(REFRESH);
    expect(view.status).toBe(200);
  });

  it('a body that is not JSON is redacted text in both views', () => {
    const view = tokenResponseView(502, `<html>bad gateway ${ACCESS}</html>`);
    expect(view).toEqual({ status: 502, masked: `<html>bad gateway ${marker(ACCESS)}</html>`, shown: `<html>bad gateway ${marker(ACCESS)}</html>` });
  });

  it('a JSON body that is not an object (an array) is only masked', () => {
    expect(JSON.parse(tokenResponseView(200, JSON.stringify([ACCESS])).shown)).toEqual([marker(ACCESS)]);
  });
});
