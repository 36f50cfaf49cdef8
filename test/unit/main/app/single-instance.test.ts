import { describe, expect, it } from 'vitest';
import '../../../support/electron-mock.js';
import { claimSingleInstance } from '../../../../main/app/single-instance.js';

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, () => void>();
  return { listeners, app: { requestSingleInstanceLock: () => gotLock, on: (e: string, l: () => void) => listeners.set(e, l) } };
}

describe('single instance', () => {
  it('tells a second process to quit, without listening for anything', () => {
    const { app, listeners } = fakeApp(false);
    expect(claimSingleInstance(app as never, () => undefined)).toBe(false);
    expect(listeners.size).toBe(0);
  });

  it('brings the first instance’s window to the front when the app is started again', () => {
    const { app, listeners } = fakeApp(true);
    const calls: string[] = [];
    const win = { isMinimized: () => true, restore: () => calls.push('restore'), show: () => calls.push('show'), focus: () => calls.push('focus') };
    expect(claimSingleInstance(app as never, () => win as never)).toBe(true);
    listeners.get('second-instance')!();
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });
});
