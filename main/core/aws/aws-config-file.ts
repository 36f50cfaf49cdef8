import { copyFile, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../profiles/atomic-write.js';

/**
 * Writes a `credential_process` profile into the AWS config file (AWS_CONFIG_FILE, else
 * ~/.aws/config). The file holds a command, never a secret. A backup of the previous file is kept
 * next to it; a block with the same name is replaced, everything else is left as it was.
 */
export function awsConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config');
}

export interface AwsProfileWrite {
  path: string;
  backup?: string;
  replaced: boolean;
}

export async function writeCredentialProcessProfile(path: string, name: string, command: string): Promise<AwsProfileWrite> {
  let current = '';
  try {
    current = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  let backup: string | undefined;
  if (current) {
    backup = `${path}.bak`;
    await copyFile(path, backup);
  }
  const header = name === 'default' ? '[default]' : `[profile ${name}]`;
  const block = `${header}\ncredential_process = ${command}\n`;
  const { text, replaced } = replaceSection(current, header, block);
  await writeFileAtomic(path, text, 0o600);
  return { path, ...(backup ? { backup } : {}), replaced };
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
