import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMINAL_ATTACK, type Scenario } from '../../support/hostile-idp/scenarios.js';
import { startHostileIdp, type HostileIdp } from '../../support/hostile-idp/server.js';
import { BROWSER, errorOf, freshHome, runCli } from './support.js';

/**
 * A provider that misbehaves, seen from the terminal: its words (error_description, claims) arrive
 * with escape sequences that would retitle the terminal, erase the line and print a fake "signed in
 * as admin"; they must reach the person readable but inert. And what it sends that must be refused
 * (an unknown critical JWS header, a non-Bearer token type) is named as its fault, not ours.
 */
let idp: HostileIdp;
let home: string;
let port: number;
beforeAll(async () => {
  idp = await startHostileIdp();
  home = await freshHome();
  port = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port: p } = s.address() as { port: number }; s.close(() => resolve(p)); });
  });
});
afterAll(() => idp?.stop());

/** Anything a terminal would act on: C0 controls but line feed, DEL, C1 controls (CSI \u009b), bidi overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const flags = () => ['--issuer', idp.issuer, '--client-id', idp.clientId, '--redirect-uri', `http://localhost:${port}/callback`];
/** The hostile provider has no login page: the browser (real Chromium) only follows its redirects. */
const login = (scenario: Scenario) => {
  idp.scenario = scenario;
  return runCli(['login', ...flags(), '--browser-command', BROWSER, '--timeout', '30'], { home, env: { BROWSER_ACTION: 'none' } });
};
/** How the attack reads once escaped: every character visible, nothing executed. */
const READABLE = '\\u001b]0;pwned\\u0007\\u001b[2K\\u000dsigned in as admin\\u001b[31m\\u009b2J\\u202e';
/** In an error message, white space (the CR) is first folded to one line. */
const READABLE_LINE = READABLE.replace('\\u000d', ' ');

describe('a hostile provider through the CLI', () => {
  it.each<[Scenario, string, string]>([
    ['escape-callback', 'ACCESS_DENIED', `Sign-in was denied (access_denied: The user declined${READABLE_LINE}).`],
    ['escape-token-error', 'INVALID_GRANT', `The identity provider rejected the authorization code (invalid_grant: code expired${READABLE_LINE}).`],
  ])('%s: error_description reaches stderr escaped and readable (%s), no control characters', async (scenario, code, message) => {
    const r = await login(scenario);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(errorOf(r.stderr)).toMatchObject({ code, message });
  }, 60_000);

  it('escape-claims: the username, email and groups printed after login and by status are escaped', async () => {
    const r = await login('escape-claims');
    expect([r.code, r.stderr]).toEqual([0, expect.not.stringMatching(/error\[/)]);
    const status = await runCli(['status', ...flags()], { home });
    for (const out of [r.stdout, status.stdout]) {
      expect(out).not.toMatch(CONTROL);
      expect(out).toContain(`user             mallory${READABLE} <m${READABLE}@example.com>  groups: admins${READABLE}`);
    }
    // --json keeps the claims as they are (JSON escapes them) for scripts.
    const json = await runCli(['status', ...flags(), '--json'], { home });
    expect((JSON.parse(json.stdout) as { user: { username: string } }).user.username).toBe(`mallory${TERMINAL_ATTACK}`);
    await runCli(['logout', ...flags(), '--local'], { home });
  }, 60_000);

  it.each<[Scenario, RegExp]>([
    ['crit-header', /critical \(crit: urn:example:must-understand\)/],
    ['token-type-mac', /token_type "mac"; only Bearer tokens can be used/],
  ])('%s: PROVIDER_INVALID_RESPONSE with a hint that it is the provider\'s doing (not INTERNAL), exit 1', async (scenario, message) => {
    const r = await login(scenario);
    expect({ exit: r.code, ...errorOf(r.stderr) }).toEqual({
      exit: 1, code: 'PROVIDER_INVALID_RESPONSE', message: expect.stringMatching(message),
      hint: expect.stringMatching(/^This is the identity provider's doing, not a fault of Cognito Inspector: check /),
    });
  }, 60_000);
});
