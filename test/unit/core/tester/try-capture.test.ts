import { describe, expect, it } from 'vitest';
import { captureTry } from '../../../../main/core/tester/try-capture.js';
import type { Exchange } from '../../../../main/core/trace/types.js';

const AUTHORIZE = 'http://127.0.0.1:4610/oauth2/authorize?client_id=c&redirect_uri=http%3A%2F%2Flocalhost%3A53682%2Fcallback&code_challenge=x&state=s1';
const TOKEN = 'http://127.0.0.1:4610/oauth2/token';
const CALLBACK = 'http://localhost:53682/callback';

/** Answers as the pool would: the token endpoint, the authorize URL (redirect: manual), discovery. */
function pool(answers: { token?: Response; authorize?: Response }): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    if (url === TOKEN) return answers.token ?? new Response('{}', { status: 200 });
    if (url.startsWith(TOKEN.replace('token', 'authorize'))) return answers.authorize ?? new Response(null, { status: 302, headers: { location: '/login' } });
    return new Response(JSON.stringify({ issuer: 'x', redirect: init?.redirect }), { status: 200 });
  };
}
const codeGrant = (code = 'the-code') => ({ method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: 'v' }) });
const browserStep = (url: string): Omit<Exchange, 'id'> => ({ kind: 'browser', startedAt: 0, durationMs: 0, method: 'GET', url, status: 302, request: { headers: [] } });

describe('captureTry', () => {
  it("keeps the token endpoint's raw answer; discovery (also redirect: manual) is not taken for the probe", async () => {
    const body = JSON.stringify({ access_token: 'a', id_token: 'i', refresh_token: 'r' });
    const c = captureTry(pool({ token: new Response(body, { status: 200 }) }), undefined);
    await c.fetch('http://127.0.0.1:4610/pool/.well-known/openid-configuration', { redirect: 'manual' });
    await c.fetch(TOKEN, codeGrant());
    expect(c.tokenResponse()).toEqual({ status: 200, text: body });
    expect(c.rawError()).toBeUndefined();
  });

  it.each([
    {
      name: "the probe sees Cognito's error redirect to the callback",
      location: `${CALLBACK}?error_description=invalid_scope&state=s1&error=invalid_request`,
      want: { error: 'invalid_request', error_description: 'invalid_scope', source: 'authorize-redirect', url: `${CALLBACK}?error_description=invalid_scope&state=s1&error=invalid_request`, status: 302 },
    },
    {
      name: "the probe sees Cognito's own error page",
      location: '/error?error=redirect_mismatch&client_id=c',
      want: { error: 'redirect_mismatch', source: 'error-page', url: 'http://127.0.0.1:4610/error?error=redirect_mismatch&client_id=c', status: 302 },
    },
    { name: 'a sign-in page is no refusal', location: '/login?client_id=c', want: undefined },
  ])('$name', async ({ location, want }) => {
    const c = captureTry(pool({ authorize: new Response(null, { status: 302, headers: { location } }) }), undefined);
    await c.fetch(AUTHORIZE, { redirect: 'manual' });
    expect(c.rawError()).toEqual(want);
  });

  it('a provider that refuses on the authorize page itself (HTTP 400 naming the error)', async () => {
    const c = captureTry(pool({ authorize: new Response('<p>oops! invalid_redirect_uri</p>', { status: 400 }) }), undefined);
    await c.fetch(AUTHORIZE, { redirect: 'manual' });
    expect(c.rawError()).toEqual({ error: 'invalid_redirect_uri', source: 'authorize-page', url: AUTHORIZE, status: 400 });
  });

  it("the token endpoint's refusal wins, with its body redacted; the callback's code never shows", async () => {
    const seen: Array<Omit<Exchange, 'id'>> = [];
    const c = captureTry(pool({ token: new Response(JSON.stringify({ error: 'invalid_grant', error_description: 'code used' }), { status: 400 }) }), { note: (e) => seen.push(e) });
    await c.fetch(AUTHORIZE, { redirect: 'manual' });
    c.trace.note(browserStep(`${CALLBACK}?code=the-code&state=s1`));
    await c.fetch(TOKEN, codeGrant());
    expect(c.rawError()).toEqual({ error: 'invalid_grant', error_description: 'code used', source: 'token-endpoint', url: TOKEN, status: 400, body: '{"error":"invalid_grant","error_description":"code used"}' });
    expect(seen.map((e) => e.url)).toEqual([`${CALLBACK}?code=the-code&state=s1`]); // still noted to the Timeline (which redacts)
  });

  it('an error the browser brings back to the callback (query or fragment) is said as the callback', async () => {
    for (const url of [`${CALLBACK}?error=access_denied&error_description=User+cancelled&state=s1`, `${CALLBACK}#error=access_denied&error_description=User+cancelled`]) {
      const c = captureTry(pool({}), undefined);
      await c.fetch(AUTHORIZE, { redirect: 'manual' });
      c.trace.note(browserStep(url));
      expect(c.rawError()).toEqual({ error: 'access_denied', error_description: 'User cancelled', source: 'callback', url });
    }
  });

  it('a code in a callback URL is redacted in what it reports', async () => {
    const c = captureTry(pool({}), undefined);
    c.trace.note(browserStep(`${CALLBACK}?code=the-code&error=server_error`));
    expect(c.rawError()?.url).toMatch(/^http:\/\/localhost:53682\/callback\?code=‹redacted:[0-9a-f]{4}›&error=server_error$/);
  });
});
