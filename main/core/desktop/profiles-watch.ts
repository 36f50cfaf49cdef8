import { watch, type FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` when profiles.json changes, from this process or another (the CLI). The file is
 * replaced atomically (write + rename), so the folder is watched, not the file; bursts of events
 * are folded into one call.
 */
export async function watchProfilesFile(path: string, onChange: () => void, debounceMs = 80): Promise<() => void> {
  const dir = dirname(path);
  const name = basename(path);
  await mkdir(dir, { recursive: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { persistent: false }, (_event, file) => {
      if (file !== null && file !== name) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
    watcher.on('error', () => undefined);
  } catch {
    // No file watching on this system: the window still shows its own changes.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
