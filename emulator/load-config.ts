import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { AppError } from '../main/core/errors/app-error.js';
import { emulatorConfigSchema, type EmulatorConfig } from './config-schema.js';

/**
 * Parses a config object, failing with INVALID_CONFIG whose message names the field path and
 * the expected value (e.g. `userPool.clients[0].clientId: expected letters, digits ...`).
 */
export function parseEmulatorConfig(input: unknown, source = 'emulator config'): EmulatorConfig {
  const parsed = emulatorConfigSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined ? '(root)' : fieldPath(first.path);
    const expected = first === undefined ? 'a valid emulator config' : expectation(first);
    throw new AppError('INVALID_CONFIG', `${source}: ${where}: expected ${expected}`, `Fix \`${where}\` in ${source}; see emulator/README.md for the format.`, {
      details: { field: where, issues: parsed.error.issues.map((i) => `${fieldPath(i.path)}: ${i.message}`) },
    });
  }
  const config = parsed.data;
  crossCheck(config, source);
  return config;
}

/** Reads and parses a JSON config file. */
export async function loadEmulatorConfig(path: string): Promise<EmulatorConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'read failed';
    throw new AppError('INVALID_CONFIG', `Cannot read emulator config ${path} (${code})`, 'Pass --config with the path of an existing JSON file.', { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError('INVALID_CONFIG', `${path}: not valid JSON (${(err as Error).message})`, 'The emulator config must be a JSON document; check for trailing commas and quotes.', {
      cause: err,
    });
  }
  return parseEmulatorConfig(json, path);
}

function fieldPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Zod's message already says what was expected ("Invalid input: expected string, received number"). */
function expectation(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big' && issue.message.startsWith('Too big')) return `a value ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}, got more`;
  if (issue.code === 'too_small' && issue.message.startsWith('Too small')) return `a value ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}, got less`;
  const msg = issue.message.replace(/^Invalid input: /, '');
  return msg.startsWith('expected ') ? msg.slice('expected '.length) : msg;
}

function fail(source: string, field: string, expected: string): never {
  throw new AppError('INVALID_CONFIG', `${source}: ${field}: expected ${expected}`, `Fix \`${field}\` in ${source}.`, { details: { field } });
}

/** Checks zod cannot express: references between users, groups and clients. */
function crossCheck(config: EmulatorConfig, source: string): void {
  const pool = config.userPool;
  const groups = new Set(pool.groups.map((g) => g.name));
  pool.users.forEach((u, i) =>
    u.groups.forEach((g, j) => {
      if (!groups.has(g)) fail(source, `userPool.users[${i}].groups[${j}]`, `one of the groups in userPool.groups (${[...groups].join(', ') || 'none defined'}), got "${g}"`);
    }),
  );
  const seen = new Set<string>();
  pool.users.forEach((u, i) => {
    const key = u.username.toLowerCase();
    if (seen.has(key)) fail(source, `userPool.users[${i}].username`, `a unique username, "${u.username}" is used twice`);
    seen.add(key);
  });
  const ids = new Set<string>();
  pool.clients.forEach((c, i) => {
    if (ids.has(c.clientId)) fail(source, `userPool.clients[${i}].clientId`, `a unique client id, "${c.clientId}" is used twice`);
    ids.add(c.clientId);
    if (c.allowedFlows.includes('client_credentials') && c.secret === undefined) {
      fail(source, `userPool.clients[${i}].secret`, 'a client secret, because allowedFlows has client_credentials');
    }
  });
}
