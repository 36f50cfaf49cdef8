import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, postForm } from './support.js';
import { authorizeUrl, fillLogin, paths, startBrowserBed, untilCallback, type BrowserBed } from './browser-support.js';

describe('hosted UI in a real browser', () => {
  let bed: BrowserBed;
  beforeAll(async () => {
    bed = await startBrowserBed();
  });
  afterAll(() => bed.stop());
  beforeEach(async () => {
    await bed.context.clearCookies();
    bed.e.clearLog();
  });

  const exchange = (code: string) =>
    postForm(`${bed.e.url}/oauth2/token`, { grant_type: 'authorization_code', client_id: CLIENT_ID, code, redirect_uri: bed.callback });

  it('signs in through the form and calls back with code and state', async () => {
    const { page, e } = bed;
    await page.goto(authorizeUrl(bed));
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.textContent('#demo-credentials')).toContain('alice / Passw0rd!');
    expect(await page.isVisible('text=Sign up')).toBe(true);
    const cb = await untilCallback(page, bed, () => fillLogin(page, 'alice', 'Passw0rd!'));
    expect([...cb.searchParams.keys()]).toEqual(['code', 'state']);
    expect(cb.searchParams.get('state')).toBe('st-1');
    const tokens = (await (await exchange(cb.searchParams.get('code') ?? '')).json()) as { id_token: string };
    expect(decodeJwt(tokens.id_token)['cognito:username']).toBe('alice');
    expect(paths(e)).toEqual(['GET /oauth2/authorize 302', 'GET /login 200', 'POST /login 302', 'POST /oauth2/token 200']);
  });

  it('shows "Incorrect username or password." for a wrong password', async () => {
    await bed.page.goto(authorizeUrl(bed, { login_hint: 'bob' }));
    expect(await bed.page.inputValue('#signInFormUsername')).toBe('bob');
    await fillLogin(bed.page, 'bob', 'wrong');
    expect(await bed.page.textContent('#loginErrorMessage')).toBe('Incorrect username or password.');
  });

  it('skips the form while the session cookie lives, and shows it again with prompt=login', async () => {
    const { page, e } = bed;
    await page.goto(authorizeUrl(bed));
    await untilCallback(page, bed, () => fillLogin(page, 'alice', 'Passw0rd!'));
    e.clearLog();
    const again = await untilCallback(page, bed, () => page.goto(authorizeUrl(bed, { state: 'second' })));
    expect(again.searchParams.get('state')).toBe('second');
    expect(paths(e)).toEqual(['GET /oauth2/authorize 302']);
    await page.goto(authorizeUrl(bed, { prompt: 'login' }));
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.isVisible('#signInFormPassword')).toBe(true);
  });

  it('signs up a new user and continues the flow signed in', async () => {
    const { page } = bed;
    await page.goto(authorizeUrl(bed));
    await page.click('text=Sign up');
    await page.fill('#username', 'carol');
    await page.fill('#email', 'carol@example.com');
    await page.fill('#password', 'short');
    await page.click('button[name=signUpButton]');
    expect(await page.textContent('#signupErrorMessage')).toBe('Password did not conform with policy: Password not long enough');
    await page.fill('#password', 'Carol-Passw0rd');
    const cb = await untilCallback(page, bed, () => page.click('button[name=signUpButton]'));
    const tokens = (await (await exchange(cb.searchParams.get('code') ?? '')).json()) as { id_token: string };
    expect(decodeJwt(tokens.id_token)).toMatchObject({ 'cognito:username': 'carol', email: 'carol@example.com', email_verified: false });
  });

  it('sends an unregistered redirect_uri to the 400 error page, never to the app', async () => {
    const { page } = bed;
    const other = `${bed.cbOrigin}/other-callback`;
    const responses: number[] = [];
    page.on('response', (r) => responses.push(r.status()));
    await page.goto(authorizeUrl(bed, { redirect_uri: other }));
    expect(page.url()).toBe(`${bed.e.url}/error?error=redirect_mismatch&client_id=${CLIENT_ID}`);
    expect(responses).toEqual([302, 400]);
    expect(await page.textContent('h1')).toBe('An error was encountered with the requested page.');
  });

  it('redirects an unallowed scope with the live parameter order', async () => {
    const cb = await untilCallback(bed.page, bed, () => bed.page.goto(authorizeUrl(bed, { scope: 'openid offline_access', state: 'xyz' })));
    expect(cb.href).toBe(`${bed.callback}?error_description=invalid_scope&state=xyz&error=invalid_request`);
  });

  it('logs out with client_id + logout_uri: 302 to the sign-out URL, then the form again', async () => {
    const { page } = bed;
    await page.goto(authorizeUrl(bed));
    await untilCallback(page, bed, () => fillLogin(page, 'alice', 'Passw0rd!'));
    await page.goto(`${bed.e.url}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent(bed.signedOut)}`);
    expect(page.url()).toBe(bed.signedOut);
    await page.goto(authorizeUrl(bed));
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('logs out with redirect_uri + response_type: shows the sign-in page, which then signs in', async () => {
    const { page } = bed;
    await page.goto(authorizeUrl(bed));
    await untilCallback(page, bed, () => fillLogin(page, 'alice', 'Passw0rd!'));
    const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: bed.callback, response_type: 'code', state: 'after-logout' });
    await page.goto(`${bed.e.url}/logout?${q.toString()}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    const cb = await untilCallback(page, bed, () => fillLogin(page, 'bob', 'Passw0rd!'));
    expect(cb.searchParams.get('state')).toBe('after-logout');
  });

  it('refuses a logout_uri that is not registered', async () => {
    await bed.page.goto(`${bed.e.url}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent('http://localhost:1/x')}`);
    expect(bed.page.url()).toBe(`${bed.e.url}/error?error=Required+parameters+missing&client_id=${CLIENT_ID}`);
    expect(await bed.page.textContent('#error-detail')).toBe("Required String parameter 'redirect_uri' is not present");
  });
});
