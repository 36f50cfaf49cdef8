import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronMock } from '../../../support/electron-mock.js';
import { loadWindowState, rememberWindowState } from '../../../../main/app/window-state.js';

function fakeWindow(bounds: { x: number; y: number; width: number; height: number }) {
  const listeners = new Map<string, () => void>();
  const applied: unknown[] = [];
  let current = bounds;
  return {
    listeners,
    applied,
    move(b: typeof bounds) {
      current = b;
    },
    win: {
      on: (e: string, l: () => void) => listeners.set(e, l),
      setBounds: (b: typeof bounds) => applied.push(b),
      maximize: () => applied.push('maximize'),
      isDestroyed: () => false,
      isMinimized: () => false,
      isMaximized: () => false,
      getNormalBounds: () => current,
    },
  };
}

describe('window state', () => {
  it('saves size and position on close and applies them at the next start', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ci-winstate-')), 'window-state.json');
    const first = fakeWindow({ x: 0, y: 0, width: 1180, height: 820 });
    rememberWindowState(first.win as never, path);
    expect(first.applied).toEqual([]); // nothing saved yet: the window keeps its default size
    first.move({ x: 200, y: 120, width: 1000, height: 700 });
    first.listeners.get('close')!();
    await vi.waitFor(async () => expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ x: 200, y: 120, width: 1000, height: 700, maximized: false }));

    const second = fakeWindow({ x: 0, y: 0, width: 1180, height: 820 });
    rememberWindowState(second.win as never, path);
    expect(second.applied).toEqual([{ x: 200, y: 120, width: 1000, height: 700 }]);
  });

  it('ignores a saved position on a screen that is no longer there, and a damaged file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-winstate-'));
    const path = join(dir, 'window-state.json');
    await writeFile(path, JSON.stringify({ x: 3000, y: 100, width: 1000, height: 700, maximized: false }));
    expect(electronMock.displays).toHaveLength(1);
    expect(loadWindowState(path)).toBeUndefined();
    await writeFile(path, '{"x": "left"}');
    expect(loadWindowState(path)).toBeUndefined();
    await writeFile(path, JSON.stringify({ x: 100, y: 100, width: 1000, height: 700 }));
    expect(loadWindowState(path)).toEqual({ x: 100, y: 100, width: 1000, height: 700, maximized: false });
  });
});
