import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, postForm } from './support.js';
import { authorizeUrl, paths, startBrowserBed, untilCallback, type BrowserBed } from './browser-support.js';

const GOOGLE_SUB = '102613502779525861182';

describe('simulated Google through Cognito, in a real browser', () => {
  let bed: BrowserBed;
  beforeAll(async () => {
    bed = await startBrowserBed();
  });
  afterAll(() => bed.stop());
  beforeEach(async () => {
    await bed.context.clearCookies();
    bed.e.clearLog();
  });

  const exchange = async (code: string) =>
    (await (
      await postForm(`${bed.e.url}/oauth2/token`, { grant_type: 'authorization_code', client_id: CLIENT_ID, code, redirect_uri: bed.callback })
    ).json()) as { id_token: string; access_token: string };

  const chooseAccount = () => bed.page.click('button[name=account]');

  it('identity_provider=Google: account chooser → /oauth2/idpresponse → federated Google_<sub> user', async () => {
    const { page, e } = bed;
    await page.goto(authorizeUrl(bed, { identity_provider: 'Google' }));
    expect(new URL(page.url()).pathname).toBe('/google/o/oauth2/v2/auth');
    const cb = await untilCallback(page, bed, chooseAccount);
    expect(cb.searchParams.get('state')).toBe('st-1');
    const tokens = await exchange(cb.searchParams.get('code') ?? '');
    const id = decodeJwt(tokens.id_token);
    expect(id).toMatchObject({
      'cognito:username': `Google_${GOOGLE_SUB}`,
      'cognito:groups': ['us-east-1_LocalDemo_Google'],
      email: 'demo.user@gmail.com',
      email_verified: false,
      name: 'Demo Google User',
    });
    expect(id.identities).toEqual([
      { userId: GOOGLE_SUB, providerName: 'Google', providerType: 'Google', issuer: null, primary: 'true', dateCreated: expect.stringMatching(/^\d{13}$/) },
    ]);
    // No app nonce: Cognito makes up its own, ~170 base64url characters.
    expect(String(id.nonce)).toMatch(/^[\w-]{170,172}$/);
    const info = (await (await fetch(`${e.url}/oauth2/userInfo`, { headers: { Authorization: `Bearer ${tokens.access_token}` } })).json()) as Record<string, string>;
    expect(info.username).toBe(`Google_${GOOGLE_SUB}`);
    expect(JSON.parse(info.identities ?? '[]')).toMatchObject([{ userId: GOOGLE_SUB, primary: true }]);
    expect(paths(e).slice(0, 4)).toEqual([
      'GET /oauth2/authorize 302',
      'GET /google/o/oauth2/v2/auth 200',
      'POST /google/o/oauth2/v2/auth 302',
      'GET /oauth2/idpresponse 302',
    ]);
  });

  it("Google's session survives Cognito's logout: the next Google sign-in is silent, unless prompt=login", async () => {
    const { page, e } = bed;
    await page.goto(authorizeUrl(bed, { identity_provider: 'Google' }));
    await untilCallback(page, bed, chooseAccount);
    await page.goto(`${e.url}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent(bed.signedOut)}`);
    expect(page.url()).toBe(bed.signedOut);
    e.clearLog();
    const cb = await untilCallback(page, bed, () => page.goto(authorizeUrl(bed, { identity_provider: 'Google', state: 'again' })));
    expect(cb.searchParams.get('state')).toBe('again');
    expect(paths(e)).toEqual(['GET /oauth2/authorize 302', 'GET /google/o/oauth2/v2/auth 302', 'GET /oauth2/idpresponse 302']);
    await page.goto(authorizeUrl(bed, { identity_provider: 'Google', prompt: 'login' }));
    expect(await page.isVisible('#google-chooser')).toBe(true);
  });

  it('the sign-in page offers "Continue with Google"', async () => {
    const { page } = bed;
    await page.goto(authorizeUrl(bed));
    await page.click('#google-button');
    expect(await page.isVisible('#google-chooser')).toBe(true);
  });

  it('Cancel on the Google page returns an error to the app with the state', async () => {
    const { page } = bed;
    await page.goto(authorizeUrl(bed, { identity_provider: 'Google', state: 'c1' }));
    const cb = await untilCallback(page, bed, () => page.click('button[name=cancel]'));
    expect(cb.href).toBe(`${bed.callback}?error_description=access_denied&state=c1&error=access_denied`);
  });
});
