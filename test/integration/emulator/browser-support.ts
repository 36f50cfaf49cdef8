import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../support/browser.js';
import type { Emulator } from '../../../emulator/index.js';
import { CLIENT_ID, configWith, startCallbackServer, startEmulator } from './support.js';

/** An emulator whose demo client calls back to a real local server, plus a Chromium to drive it. */
export interface BrowserBed {
  e: Emulator;
  callback: string;
  signedOut: string;
  cbOrigin: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  stop(): Promise<void>;
}

export async function startBrowserBed(client: Parameters<typeof configWith>[0] = {}): Promise<BrowserBed> {
  const cb = await startCallbackServer();
  const callback = `${cb.origin}/callback`;
  const signedOut = `${cb.origin}/signed-out`;
  const e = await startEmulator({ config: configWith({ callbackUrls: [callback], logoutUrls: [signedOut], ...client }) });
  const browser = await launchChromium();
  const context = await browser.newContext();
  const page = await context.newPage();
  return {
    e,
    callback,
    signedOut,
    cbOrigin: cb.origin,
    browser,
    context,
    page,
    stop: async () => {
      await browser.close();
      await e.stop();
      await cb.stop();
    },
  };
}

export function authorizeUrl(bed: BrowserBed, params: Record<string, string> = {}): string {
  const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: bed.callback, response_type: 'code', scope: 'openid email profile', state: 'st-1', ...params });
  return `${bed.e.url}/oauth2/authorize?${q.toString()}`;
}

/** Navigates and waits for the app's callback; returns its URL. */
export async function untilCallback(page: Page, bed: BrowserBed, go: () => Promise<unknown>): Promise<URL> {
  const reached = page.waitForURL((u) => u.href.startsWith(bed.callback), { timeout: 15_000 });
  await go();
  await reached;
  return new URL(page.url());
}

export async function fillLogin(page: Page, username: string, password: string): Promise<void> {
  await page.fill('#signInFormUsername', username);
  await page.fill('#signInFormPassword', password);
  await page.click('button[name=signInSubmitButton]');
}

export function paths(e: Emulator): string[] {
  return e.requestLog.map((r) => `${r.method} ${r.path} ${r.status}`);
}
