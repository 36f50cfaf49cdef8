import type { BrowserContext } from 'playwright-core';

/**
 * The person in the browser the core opened (a new page of `context` at `url`): signs in on the
 * local pool's hosted UI form, or picks the simulated Google account, and waits for the "you can
 * close this tab" page. The hosted UI's one-hour session cookie may sign them in without a form.
 */
export async function personSignsIn(context: BrowserContext, url: string | Promise<string>, as: { user?: string; google?: boolean } = {}): Promise<void> {
  const hosted = await context.newPage();
  await hosted.goto(await url);
  if (/\/done/.test(hosted.url())) return void (await hosted.close());
  if (as.google) await hosted.getByRole('button', { name: /demo\.user@gmail\.com/ }).click();
  else if (!(await hosted.locator('input[name="username"]').count())) {
    await hosted.waitForURL(/\/done/);
  } else {
    await hosted.fill('input[name="username"]', as.user ?? 'alice');
    await hosted.fill('input[name="password"]', 'Passw0rd!');
    await hosted.click('button[type="submit"]');
  }
  await hosted.waitForURL(/\/done/);
  await hosted.close();
}
