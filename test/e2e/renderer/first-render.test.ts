import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import { personSignsIn } from '../../support/hosted-ui.js';
import { ensureAppBuilt } from '../../integration/web/support.js';
import { expectAccessible, startWindow, type WindowHarness } from './window-support.js';

const TABS = ['Tokens', 'AWS', 'Inspect any token', 'Profile', 'Tester', 'Timeline'];

/** Runs in the page from its first DOM on: every state the session badge shows, and the signed-out tokens text if it ever appears. */
const RECORD_STATES = `
  const seen = (globalThis.seenStates = []);
  new MutationObserver(() => {
    const label = document.querySelector('[role="status"][aria-label^="Session state: "]')?.getAttribute('aria-label');
    if (label && label !== seen.at(-1)) seen.push(label);
    if (document.body?.textContent.includes('Sign in to see your tokens') && !seen.includes('tokens: signed-out text')) seen.push('tokens: signed-out text');
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
`;

/**
 * The window's first render: the shell (sidebar, session header, tabs) stands before the core has
 * answered, says what is loading, and never shows a guess ("Signed out", "No profiles yet") that
 * the answer then takes back. The first data comes in one `app:bootstrap` round trip.
 */
describe('the window’s first render', () => {
  let app: WindowHarness;
  let browser: Browser;
  let context: BrowserContext;

  const profiles = (page: Page) => page.getByRole('complementary', { name: 'Profiles' });
  const state = (page: Page, text: string) => page.getByRole('status', { name: `Session state: ${text}` });

  beforeAll(async () => {
    ensureAppBuilt();
    app = await startWindow({ signInTimeoutMs: 60_000 });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('draws the shell before the first data arrives, marked busy and accessible, then fills it from one round trip', async () => {
    const page = await context.newPage();
    const channels: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The core's first answer is held at the network until the shell has been checked.
    await page.route('**/api/invoke', async (route) => {
      const channel = (route.request().postDataJSON() as { channel: string }).channel;
      channels.push(channel);
      if (channel === 'app:bootstrap') await held;
      await route.continue();
    });
    await page.goto(app.shell.launchUrl('demo'));

    await state(page, 'Loading').waitFor();
    expect(await profiles(page).getByRole('list').getAttribute('aria-busy')).toBe('true');
    expect(await page.getByRole('region', { name: 'Session' }).getAttribute('aria-busy')).toBe('true');
    expect(await page.getByRole('tabpanel').getAttribute('aria-busy')).toBe('true');
    expect(await page.getByRole('tablist', { name: 'Views' }).getByRole('tab').allTextContents()).toEqual(TABS);
    expect(await profiles(page).getByRole('button', { name: 'Add profile' }).isDisabled()).toBe(true);
    // Nothing guessed while the answer is out.
    expect(await page.getByText(/Signed out|No profiles yet|Sign in to see/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(0);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectAccessible(page, `loading, ${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(channels).toEqual(['app:bootstrap']);

    release();
    await state(page, 'Signed out').waitFor();
    await expect.poll(() => profiles(page).getByRole('button', { name: /^demo\b/ }).getAttribute('aria-current')).toBe('true');
    await page.getByText('Sign in to see your tokens').waitFor();
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await profiles(page).getByRole('button', { name: 'Add profile' }).isDisabled()).toBe(false);
    // One round trip drew all of it: profiles and the session came with the first answer.
    expect(channels).toEqual(['app:bootstrap']);
    await page.close();
  });

  it('another profile’s session, not known yet, shows as loading (not "Signed out") until it arrives', async () => {
    const page = await context.newPage();
    await page.goto(app.shell.launchUrl('demo'));
    await state(page, 'Signed out').waitFor();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/invoke', async (route) => {
      if ((route.request().postDataJSON() as { channel: string }).channel === 'session:get') await held;
      await route.continue();
    });
    await profiles(page).getByRole('button', { name: /^short\b/ }).click();
    await state(page, 'Loading').waitFor();
    expect(await page.getByRole('region', { name: 'Session' }).getAttribute('aria-busy')).toBe('true');
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(0);
    expect(await page.getByText('Sign in to see your tokens').count()).toBe(0);
    release();
    await state(page, 'Signed out').waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.close();
  });

  it('a window opened while signed in shows "Signed in" (after "Loading" at most), never "Signed out" on the way', async () => {
    const page = await context.newPage();
    await page.goto(app.shell.launchUrl('demo'));
    await page.getByRole('group', { name: 'Session actions' }).getByRole('button', { name: 'Sign in', exact: true }).click();
    await personSignsIn(context, app.nextBrowserUrl());
    await state(page, 'Signed in').waitFor();

    await page.addInitScript({ content: RECORD_STATES });
    await page.reload();
    await state(page, 'Signed in').waitFor();
    await page.getByRole('article', { name: 'ID token' }).waitFor();
    // A quick first answer is drawn in the first render (no "Loading" at all); a slow one after "Loading".
    const seen = await page.evaluate(() => (globalThis as unknown as { seenStates: string[] }).seenStates);
    expect(seen.filter((s) => s !== 'Session state: Loading')).toEqual(['Session state: Signed in']);
    await page.getByRole('group', { name: 'Session actions' }).getByRole('button', { name: 'Sign out' }).click();
    await state(page, 'Signed out').waitFor();
    await page.close();
  });
});
