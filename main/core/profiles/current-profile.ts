import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

/**
 * The current profile: the one commands use when given neither --profile nor ad-hoc flags. Set by
 * `profiles use NAME` and by every successful sign-in; a name only (non-secret), in the home.
 */
const file = (home: string) => join(home, 'current-profile.json');

export async function readCurrentProfile(home: string): Promise<string | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file(home), 'utf8')) as { profile?: unknown };
    return typeof parsed.profile === 'string' && parsed.profile ? parsed.profile : undefined;
  } catch {
    return undefined; // missing or unreadable: no current profile (it is a convenience, never a reason to fail)
  }
}

export async function writeCurrentProfile(home: string, name: string): Promise<void> {
  await writeFileAtomic(file(home), JSON.stringify({ profile: name }) + '\n');
}

export async function clearCurrentProfile(home: string, onlyIf?: string): Promise<void> {
  if (onlyIf !== undefined && (await readCurrentProfile(home)) !== onlyIf) return;
  await rm(file(home), { force: true });
}
