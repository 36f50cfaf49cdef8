import { copyFile, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../profiles/atomic-write.js';
import { refuseControlCharacters } from './credential-process-line.js';

/**
 * Writes a `credential_process` profile into the AWS config file (AWS_CONFIG_FILE, else
 * ~/.aws/config). The file holds a command, never a secret. The file as it was before the first
 * run is kept next to it (`config.bak`, never overwritten by later runs); a block with the same
 * name is replaced, everything else is left as it was.
 */
export function awsConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config');
}

export interface AwsProfileWrite {
  path: string;
  /** The backup of the file as it was before the first run (made now or by an earlier run). */
  backup?: string;
  /** True when this run made the backup. */
  backupCreated: boolean;
  replaced: boolean;
}

export async function writeCredentialProcessProfile(path: string, name: string, settings: Record<string, string>): Promise<AwsProfileWrite> {
  for (const [key, value] of Object.entries(settings)) refuseControlCharacters(value, key);
  refuseControlCharacters(name, 'the AWS profile name');
  let current = '';
  try {
    current = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  let backup: string | undefined;
  let backupCreated = false;
  if (current) {
    backup = `${path}.bak`;
    try {
      await copyFile(path, backup, 1 /* COPYFILE_EXCL: the first backup is the one worth keeping */);
      backupCreated = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const header = name === 'default' ? '[default]' : `[profile ${name}]`;
  const block = `${header}\n${Object.entries(settings).map(([k, v]) => `${k} = ${v}\n`).join('')}`;
  const { text, replaced } = replaceSection(current, header, block);
  await writeFileAtomic(path, text, 0o600);
  return { path, ...(backup ? { backup } : {}), backupCreated, replaced };
}

/** Replaces the section whose header line is `header` (up to the next section) or appends it. */
export function replaceSection(text: string, header: string, block: string): { text: string; replaced: boolean } {
  const lines = text.split(/\r?\n/);
  const norm = (l: string) => l.trim().replace(/\s+/g, ' ');
  const start = lines.findIndex((l) => norm(l) === header);
  if (start < 0) {
    const sep = text === '' ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return { text: `${text}${sep}${block}`, replaced: false };
  }
  let end = start + 1;
  while (end < lines.length && !/^\s*\[/.test(lines[end] ?? '')) end++;
  const after = lines.slice(end).join('\n');
  const before = lines.slice(0, start).join('\n');
  return { text: `${before ? `${before}\n` : ''}${block}${after ? `\n${after}` : ''}`, replaced: true };
}
