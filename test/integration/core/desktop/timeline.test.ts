import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPool } from '../../../../emulator/embedded.js';
import { createDesktopCore, type DesktopCore } from '../../../../main/core/desktop/desktop-core.js';
import { systemClock } from '../../../../main/core/ports.js';
import { launchChromium } from '../../../support/browser.js';
import { chromiumOpener } from '../../../support/chromium-opener.js';

/**
 * The window's Timeline: a real sign-in to the embedded pool in Chromium, then a refresh, through
 * the desktop core's handlers. The timeline lists them newest first, the HAR is HAR 1.2, and
 * neither holds a token the session got.
 */
describe('desktop core timeline', () => {
  let chromium: Browser;
  let core: DesktopCore;

  beforeAll(async () => {
    chromium = await launchChromium();
    const home = await mkdtemp(join(tmpdir(), 'ci-timeline-'));
    core = await createDesktopCore({ home, browser: chromiumOpener(chromium), clock: systemClock, log: () => undefined, startLocalPool: async () => startEmbeddedPool() });
  });
  afterAll(async () => {
    await core?.dispose();
    await chromium?.close();
  });

  it('records the sign-in and a refresh per profile, redacted, newest first; the HAR holds no token', async () => {
    const signedIn = await core.handlers['auth:sign-in']({ profile: 'local-demo' } as never);
    expect(signedIn.state).toBe('signed-in');
    const refreshed = await core.handlers['auth:refresh']({ profile: 'local-demo' } as never);
    const list = await core.handlers['timeline:list']({ profile: 'local-demo' } as never);
    const shape = list.map((e) => `${e.kind} ${e.method} ${new URL(e.url).pathname}`);
    // Newest first: the refresh's token request, ... the sign-in's discovery last.
    expect(shape[0]).toBe('fetch POST /oauth2/token');
    expect(shape.at(-1)).toBe('fetch GET /us-east-1_LocalDemo/.well-known/openid-configuration');
    expect(shape).toContain('browser GET /callback');
    expect(shape.filter((s) => s === 'fetch POST /oauth2/token')).toHaveLength(2);
    const har = await core.handlers['timeline:har']({ profile: 'local-demo' } as never);
    expect(JSON.parse(har.content).log.version).toBe('1.2');
    const everything = JSON.stringify(list) + har.content;
    for (const t of [signedIn.idToken, signedIn.accessToken, (refreshed as { idToken?: string }).idToken]) {
      expect(t).toBeTruthy();
      expect(everything.includes(t!)).toBe(false);
    }
    expect(await core.handlers['timeline:list']({ profile: 'someone-else' } as never)).toEqual([]);
  }, 90_000);
});
