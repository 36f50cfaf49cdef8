import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../core/profiles/atomic-write.js';

const boundsSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(400), height: z.number().int().min(300), maximized: z.boolean().default(false) });
export type WindowState = z.infer<typeof boundsSchema>;

/** The saved bounds, if the file is ours and the window would land on a screen that exists now. */
export function loadWindowState(path: string): WindowState | undefined {
  let saved: WindowState;
  try {
    saved = boundsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
  const visible = screen.getAllDisplays().some(({ workArea: a }) => saved.x < a.x + a.width - 50 && saved.x + saved.width > a.x + 50 && saved.y >= a.y - 10 && saved.y < a.y + a.height - 50);
  return visible ? saved : undefined;
}

/**
 * Remembers the window's size and position across starts (window-state.json in the inspector home):
 * applied once the window exists, saved when it is moved, resized or closed.
 */
export function rememberWindowState(win: BrowserWindow, path: string): void {
  const saved = loadWindowState(path);
  if (saved) {
    win.setBounds({ x: saved.x, y: saved.y, width: saved.width, height: saved.height });
    if (saved.maximized) win.maximize();
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const b: Rectangle = win.getNormalBounds();
    void writeFileAtomic(path, JSON.stringify({ ...b, maximized: win.isMaximized() }) + '\n').catch(() => undefined);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
