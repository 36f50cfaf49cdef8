import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../../emulator/index.js';
import { createDesktopCore, type DesktopCore } from '../../../../main/core/desktop/desktop-core.js';
import { systemClock } from '../../../../main/core/ports.js';
import { createProfileStore } from '../../../../main/core/profiles/store.js';
import type { Exchange } from '../../../../main/core/trace/types.js';
import { launchChromium } from '../../../support/browser.js';
import { chromiumOpener } from '../../../support/chromium-opener.js';
import { EMULATOR_CLIENT, freshHome } from '../../cli/support.js';

/**
 * The app's AWS credentials (the AWS panel's "Get credentials", renewed by the credentials keeper)
 * and "Who am I" go through the recorder like everything else: the profile's Timeline lists GetId,
 * GetCredentialsForIdentity (enhanced) or GetOpenIdToken + STS AssumeRoleWithWebIdentity (basic), and
 * STS GetCallerIdentity, in order, and neither the Timeline nor its HAR holds the AWS secret key, the
 * session token or any token. Real emulator identity pool, real AWS SDK clients, real Chromium sign-in.
 */
const POOL = 'us-east-1:00000000-0000-4000-8000-000000000001';
const ROLE = 'arn:aws:iam::123456789012:role/LocalDemoAuthenticated';
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

let emulator: Emulator;
let chromium: Browser;
let core: DesktopCore;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  chromium = await launchChromium();
  const home = await freshHome();
  const store = createProfileStore(home);
  await store.add({ name: 'enhanced', issuer: emulator.issuer, clientId: EMULATOR_CLIENT, identityPool: { id: POOL, endpoint: emulator.url } });
  await store.add({ name: 'basic', issuer: emulator.issuer, clientId: EMULATOR_CLIENT, identityPool: { id: POOL, mode: 'basic', roleArn: ROLE, endpoint: emulator.url } });
  core = await createDesktopCore({ home, browser: chromiumOpener(chromium), clock: systemClock, log: () => undefined });
}, 60_000);
afterAll(async () => {
  await core?.dispose();
  await chromium?.close();
  await emulator?.stop();
});

/** What each exchange was: the JSON 1.1 target, the STS query Action, or method and path. */
function operation(e: Exchange): string {
  const target = e.request.headers.find(([k]) => k.toLowerCase() === 'x-amz-target')?.[1];
  if (target) return target.replace(/^AWSCognitoIdentityService\./, '');
  const action = /(?:^|&)Action=(\w+)/.exec(e.request.body ?? '')?.[1];
  return action ? `STS ${action}` : `${e.method} ${new URL(e.url).pathname}`;
}

async function signInAndGetCredentials(profile: string) {
  const session = await core.handlers['auth:sign-in']({ profile } as never);
  expect(session.state).toBe('signed-in');
  const before = (await core.handlers['timeline:list']({ profile } as never)).length;
  const view = await core.handlers['credentials:get']({ profile, fresh: true } as never);
  expect(view).toMatchObject({ accessKeyId: expect.any(String), identityId: expect.stringMatching(/^us-east-1:/) });
  await core.handlers['credentials:whoami']({ profile } as never);
  const list = await core.handlers['timeline:list']({ profile } as never); // newest first
  const aws = list.slice(0, list.length - before).reverse();
  const har = (await core.handlers['timeline:har']({ profile } as never)).content;
  const stored = (await core.secrets.vault.read(profile))!;
  return { session, aws, everything: JSON.stringify(list) + har, stored };
}

describe('AWS credentials in the app\'s Timeline', () => {
  it.each([
    ['enhanced', ['GetId', 'GetCredentialsForIdentity', 'STS GetCallerIdentity']],
    ['basic', ['GetId', 'GetOpenIdToken', 'STS AssumeRoleWithWebIdentity', 'STS GetCallerIdentity']],
  ])('%s flow: the exchanges in order, each answered 200, with no secret in the Timeline or its HAR', async (profile, expected) => {
    const { session, aws, everything, stored } = await signInAndGetCredentials(profile);
    expect(aws.map((e) => [operation(e), e.status, e.profile, new URL(e.url).origin])).toEqual(expected.map((op) => [op, 200, profile, emulator.url]));

    const c = stored.awsCredentials!;
    const secrets = { secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, idToken: session.idToken, accessToken: session.accessToken, refreshToken: stored.refreshToken };
    for (const [name, value] of Object.entries(secrets)) {
      expect(value, name).toBeTruthy();
      expect(everything.includes(value!), `${name} in the timeline`).toBe(false);
    }
    // Not even the basic flow's OpenID token (an ID token the identity pool mints): no JWT at all.
    expect(everything).not.toMatch(JWT);
    // Recorded, not dropped: the secrets stand as fingerprints where they were.
    const credentialsExchange = aws.find((e) => /GetCredentialsForIdentity|AssumeRoleWithWebIdentity/.test(operation(e)))!;
    expect(credentialsExchange.response?.body).toMatch(/(?:"SecretKey":"|<SecretAccessKey>)‹redacted:[0-9a-f]{4}›/);
    expect(credentialsExchange.response?.body).toContain(c.accessKeyId); // the key id is not a secret: it tells credentials apart
  }, 90_000);
});
