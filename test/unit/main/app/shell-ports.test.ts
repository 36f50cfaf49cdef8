import { describe, expect, it } from 'vitest';
import { electronMock } from '../../../support/electron-mock.js';
import { electronShellPorts } from '../../../../main/app/shell-ports.js';

/** A window as far as focusWindow touches it. */
function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  return {
    calls,
    win: {
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    },
  };
}

describe('Electron shell ports', () => {
  it('writes the clipboard from the main process', async () => {
    await electronShellPorts(() => undefined).writeClipboard!('export AWS_SECRET_ACCESS_KEY=x');
    expect(electronMock.clipboard.at(-1)).toBe('export AWS_SECRET_ACCESS_KEY=x');
  });

  it('shows the native picker attached to the window, and reports a cancel as undefined', async () => {
    const { win } = fakeWindow(false);
    const ports = electronShellPorts(() => win as never);
    electronMock.dialogResult = { canceled: false, filePaths: ['/home/me/amplify_outputs.json'] };
    expect(await ports.pickFile!({ title: 'Import an Amplify config', extensions: ['json', 'js'] })).toBe('/home/me/amplify_outputs.json');
    expect(electronMock.dialogCalls.at(-1)).toEqual({
      parent: win,
      options: { title: 'Import an Amplify config', properties: ['openFile'], filters: [{ name: 'Import an Amplify config', extensions: ['json', 'js'] }] },
    });
    electronMock.dialogResult = { canceled: true, filePaths: [] };
    expect(await ports.pickFile!({ title: 't', extensions: ['json'] })).toBeUndefined();
  });

  it('brings a minimized window back to the front, and does nothing without a window', () => {
    const { win, calls } = fakeWindow(true);
    electronShellPorts(() => win as never).focusWindow!();
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(() => electronShellPorts(() => undefined).focusWindow!()).not.toThrow();
  });
});
