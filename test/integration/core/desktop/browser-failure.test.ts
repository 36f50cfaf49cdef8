import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPool } from '../../../../emulator/embedded.js';
import { createDesktopCore, type DesktopCore } from '../../../../main/core/desktop/desktop-core.js';
import { AppError } from '../../../../main/core/errors/app-error.js';
import type { SignInWaiting } from '../../../../main/core/ipc/contract.js';
import { systemClock } from '../../../../main/core/ports.js';
import { launchChromium } from '../../../support/browser.js';
import { chromiumOpener } from '../../../support/chromium-opener.js';

/** When the system browser cannot be started, the app's sign-in waits and says which URL to open. */
describe('desktop sign-in without a working system browser', () => {
  let chromium: Browser;
  let core: DesktopCore;
  let home: string;

  beforeAll(async () => {
    chromium = await launchChromium();
    const broken = { open: async () => Promise.reject(new AppError('BROWSER_FAILED', 'xdg-open is missing', 'install a browser')) };
    home = await mkdtemp(join(tmpdir(), 'ci-desktop-nob-'));
    core = await createDesktopCore({ home, browser: broken, clock: systemClock, log: () => undefined, startLocalPool: () => startEmbeddedPool() });
  });

  afterAll(async () => {
    await core?.dispose();
    await chromium?.close();
  });

  it('reports the browser error with the start URL, and the person can finish in any browser', async () => {
    const person = chromiumOpener(chromium);
    const waiting: SignInWaiting[] = [];
    core.onSignInWaiting((w) => {
      waiting.push(w);
      if (w.browserError) void person.open(w.startUrl); // the person copies the URL into a browser
    });
    const view = await core.handlers['auth:sign-in']({ profile: 'local-demo' } as never);
    expect(view.state).toBe('signed-in');
    expect(waiting.at(-1)).toMatchObject({ profile: 'local-demo', browserError: { code: 'BROWSER_FAILED', message: 'The browser could not be opened.' } });
    expect(waiting.at(-1)!.browserError!.hint).toContain(waiting.at(-1)!.startUrl);
  });

  it('signs out, so no session is left in the keychain for the next test', async () => {
    expect((await core.handlers['auth:sign-out']({ profile: 'local-demo' } as never)).state).toBe('signed-out');
    expect(await core.secrets.vault.read('local-demo')).toBeNull();
  });
});
