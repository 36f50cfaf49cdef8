import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../main/cli/output.js';
import { readEventStream } from './event-stream-reader.js';
import { ensureAppBuilt, exchangeLaunch, rawRequest, startUi } from './support.js';

/** How `ui` starts, refuses to start, and ends on its own. */
describe('cognito-inspector ui lifecycle', () => {
  ensureAppBuilt();

  it('stops on its own once its last page has been closed for --idle-timeout, and says so', async () => {
    const ui = await startUi(['--no-browser', '--port', '0', '--idle-timeout', '1']);
    try {
      const cookie = await exchangeLaunch(ui);
      const page = readEventStream(ui, cookie);
      await page.until(/: connected/);
      page.close();
      expect(await ui.exited).toBe(0);
      expect(ui.stdout()).toMatch(/Stops with Ctrl-C, or 1 s after the last page is closed\.\n/);
      expect(ui.stdout()).toMatch(/Stopping \(no page has been open for 1 s\)\.\n/);
    } finally {
      await ui.stop();
    }
  });

  it('preselects --profile through the page address, and refuses a profile that does not exist', async () => {
    const ui = await startUi(['--no-browser', '--port', '0', '--profile', 'local-demo']);
    try {
      expect(new URL(ui.launchUrl).searchParams.get('profile')).toBe('local-demo');
      const launch = await rawRequest(ui.launchUrl);
      expect(launch.body).toContain('<meta http-equiv="refresh" content="0;url=/?profile=local-demo">');
    } finally {
      await ui.stop();
    }
    // exit status as the CLI's contract has it for this code
    await expect(startUi(['--no-browser', '--port', '0', '--profile', 'nope'])).rejects.toThrow(new RegExp(`exited \\(${exitCodeFor('PROFILE_NOT_FOUND')}\\)[\\s\\S]*error\\[PROFILE_NOT_FOUND\\]`));
  });

  it('refuses a --port that is taken (exit 1) or malformed (exit 2), with a hint', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as { port: number };
    try {
      await expect(startUi(['--no-browser', '--port', String(port)])).rejects.toThrow(/exited \(1\)[\s\S]*error\[PORT_IN_USE\]: port \d+ is in use\nhint: /);
    } finally {
      blocker.close();
    }
    await expect(startUi(['--no-browser', '--port', 'abc'])).rejects.toThrow(/exited \(2\)[\s\S]*error\[BAD_USAGE\]/);
  });
});
