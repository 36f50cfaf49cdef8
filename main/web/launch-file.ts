import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What `ui` hands the browser instead of the link itself: a page in a private directory (0700, the
 * file 0600) that forwards to the link. A browser's command line can be read by every process on
 * the machine; this file only by the person's own. Removed once the link was used, and at exit.
 */
export interface LaunchFile {
  url: string;
  remove(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export async function writeLaunchFile(launchUrl: string, dir: string = tmpdir()): Promise<LaunchFile> {
  const folder = await mkdtemp(join(dir, 'cognito-inspector-'));
  const file = join(folder, 'open.html');
  const href = escapeHtml(launchUrl);
  await writeFile(file, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Cognito Inspector</title><a href="${href}">Open Cognito Inspector</a>\n`, { mode: 0o600 });
  let removed: Promise<void> | undefined;
  return { url: pathToFileURL(file).href, remove: () => (removed ??= rm(folder, { recursive: true, force: true })) };
}
