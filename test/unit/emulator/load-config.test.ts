import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors/app-error.js';
import { DEFAULT_CONFIG } from '../../../emulator/default-config.js';
import { loadEmulatorConfig, parseEmulatorConfig } from '../../../emulator/load-config.js';

async function fileWith(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'emu-config-'));
  const path = join(dir, 'config.json');
  await writeFile(path, text);
  return path;
}

function withPool(patch: Record<string, unknown>): unknown {
  return { ...DEFAULT_CONFIG, userPool: { ...DEFAULT_CONFIG.userPool, ...patch } };
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a failure');
}

describe('loadEmulatorConfig', () => {
  it('loads the default config from a file unchanged', async () => {
    const path = await fileWith(JSON.stringify(DEFAULT_CONFIG));
    const config = await loadEmulatorConfig(path);
    expect(config.userPool.id).toBe('us-east-1_LocalDemo');
    expect(config.userPool.clients.map((c) => c.clientId)).toEqual(['localdemoclient0000000000']);
  });

  it.each<[string, unknown, string]>([
    ['a bad pool id', withPool({ id: 'LocalDemo' }), 'userPool.id: expected a user pool id such as us-east-1_LocalDemo'],
    [
      'a bad client id',
      withPool({ clients: [{ clientId: 'has space' }] }),
      'userPool.clients[0].clientId: expected letters, digits, + and _ only, as Cognito client ids',
    ],
    ['a wrong type', withPool({ showDemoCredentials: 'yes' }), 'userPool.showDemoCredentials: expected boolean, received string'],
    ['no clients', withPool({ clients: [] }), 'userPool.clients: expected at least one app client'],
    [
      'an undefined group',
      withPool({ users: [{ username: 'x', password: 'p', groups: ['ghosts'] }] }),
      'userPool.users[0].groups[0]: expected one of the groups in userPool.groups (admins, developers), got "ghosts"',
    ],
    [
      'a grace period over 60 s',
      withPool({ clients: [{ clientId: 'abc', refreshTokenRotation: { enabled: true, gracePeriodSeconds: 90 } }] }),
      'userPool.clients[0].refreshTokenRotation.gracePeriodSeconds: expected a value <= 60, got more',
    ],
  ])('refuses %s with INVALID_CONFIG naming the field', async (_n, config, expected) => {
    const path = await fileWith(JSON.stringify(config));
    expect(await failure(loadEmulatorConfig(path))).toEqual({ code: 'INVALID_CONFIG', message: `${path}: ${expected}` });
  });

  it('refuses a file that is not JSON, and a missing file', async () => {
    const path = await fileWith('{ "userPool": ');
    const bad = await failure(loadEmulatorConfig(path));
    expect(bad.code).toBe('INVALID_CONFIG');
    expect(bad.message).toMatch(new RegExp(`^${path}: not valid JSON`));
    expect(await failure(loadEmulatorConfig('/nonexistent/emu.json'))).toEqual({
      code: 'INVALID_CONFIG',
      message: 'Cannot read emulator config /nonexistent/emu.json (ENOENT)',
    });
  });

  it('parseEmulatorConfig applies Cognito defaults to a minimal client', () => {
    const c = parseEmulatorConfig({ userPool: { id: 'eu-west-1_Test', clients: [{ clientId: 'abc' }] } }).userPool.clients[0];
    expect(c).toMatchObject({
      allowedFlows: ['code'],
      identityProviders: ['COGNITO'],
      idTokenValiditySeconds: 3600,
      accessTokenValiditySeconds: 3600,
      refreshTokenValiditySeconds: 30 * 24 * 3600,
      refreshTokenRotation: { enabled: false, gracePeriodSeconds: 0 },
      enableTokenRevocation: true,
    });
  });
});
