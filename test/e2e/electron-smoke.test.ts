import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

/**
 * The real app in a real Electron, driven by Playwright. No Electron binary can be downloaded on
 * these machines, so this runs only where one exists (node_modules/electron/path.txt after
 * `npx install-electron`, or $ELECTRON_PATH) and is reported as SKIPPED, loudly, everywhere else.
 */
function electronBinary(): string | undefined {
  if (process.env.ELECTRON_PATH && existsSync(process.env.ELECTRON_PATH)) return process.env.ELECTRON_PATH;
  const pathTxt = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return undefined;
  const bin = join('node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : undefined;
}

const bin = electronBinary();
if (!bin) {
  process.stderr.write('\n*** SKIPPED: Electron smoke test: no Electron binary on this machine (set ELECTRON_PATH or run `npx install-electron`). ***\n\n');
}

describe.skipIf(!bin)('Electron app (real binary)', () => {
  it('opens a sandboxed window that lists the local demo pool and shows the bridge only', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ci-electron-'));
    const app = await electron.launch({ executablePath: bin!, args: ['.'], env: { ...process.env, COGNITO_INSPECTOR_HOME: home } });
    try {
      const win = await app.firstWindow();
      // served from the privileged app:// scheme (not file://): the React module script must run there
      expect(win.url()).toBe('app://app/index.html');
      const profiles = win.getByRole('complementary', { name: 'Profiles' });
      await profiles.getByRole('button', { name: /local-demo/ }).waitFor();
      expect(await profiles.getByRole('button', { name: /local-demo/ }).textContent()).toContain('Local pool (demo)');
      expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => Object.keys((globalThis as unknown as { cognitoInspector: object }).cognitoInspector).sort())).toEqual(['invoke', 'on']);
    } finally {
      await app.close();
    }
  }, 60_000);
});
