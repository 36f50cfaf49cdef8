import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEmulatorCommand } from '../../../emulator/cli-entry.js';
import { DEFAULT_CONFIG } from '../../../emulator/index.js';
import { createMemoryStore } from '../../../main/core/secrets/memory-store.js';

describe('runEmulatorCommand', () => {
  it('prints the start-up lines, then one line per request', async () => {
    const lines: string[] = [];
    const e = await runEmulatorCommand({ port: 0, stdout: (s) => lines.push(s) });
    try {
      expect(lines).toContain(`issuer: ${e.issuer}`);
      expect(lines).toContain('client: localdemoclient0000000000 (Cognito Inspector (public))');
      expect(lines).toContain(`identity-pool: us-east-1:00000000-0000-4000-8000-000000000001 endpoint: ${e.url}/`);
      expect(lines).toContain('user: alice / Passw0rd!');
      await fetch(`${e.issuer}/.well-known/jwks.json`);
      expect(lines.at(-1)).toMatch(/^GET \/us-east-1_LocalDemo\/\.well-known\/jwks\.json 200 [\d.]+ms$/);
    } finally {
      await e.stop();
    }
  });

  it('--state DIR: says where the pool is kept, and a second start publishes the same keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emu-state-'));
    const keys = createMemoryStore();
    const lines: string[] = [];
    const jwks = async () => {
      const e = await runEmulatorCommand({ port: 0, stdout: (s) => lines.push(s), logRequests: false, state: { dir, keys } });
      try {
        return await (await fetch(`${e.issuer}/.well-known/jwks.json`)).json();
      } finally {
        await e.stop();
      }
    };
    const first = await jwks();
    expect(await jwks()).toEqual(first);
    expect(lines.filter((l) => l.startsWith('state: '))).toEqual([`state: ${dir} (kept across restarts; signing keys in the keychain)`, `state: ${dir} (kept across restarts; signing keys in the keychain)`]);
  });

  it('starts from a --config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emu-cli-'));
    const path = join(dir, 'pool.json');
    await writeFile(path, JSON.stringify({ ...DEFAULT_CONFIG, userPool: { ...DEFAULT_CONFIG.userPool, id: 'eu-west-1_FromFile' } }));
    const lines: string[] = [];
    const e = await runEmulatorCommand({ port: 0, config: path, stdout: (s) => lines.push(s) });
    await e.stop();
    expect(lines[0]).toBe(`issuer: ${e.url}/eu-west-1_FromFile`);
  });

  it('fails with INVALID_CONFIG naming the field for a bad config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emu-cli-'));
    const path = join(dir, 'pool.json');
    await writeFile(path, JSON.stringify({ userPool: { id: 'us-east-1_X', clients: [{ clientId: 'ok', idTokenValiditySeconds: -5 }] } }));
    await expect(runEmulatorCommand({ port: 0, config: path, stdout: () => {} })).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      message: `${path}: userPool.clients[0].idTokenValiditySeconds: expected a value > 0, got less`,
    });
  });

  it('fails with PORT_IN_USE when the port is taken', async () => {
    const first = await runEmulatorCommand({ port: 0, stdout: () => {} });
    try {
      await expect(runEmulatorCommand({ port: first.port, stdout: () => {} })).rejects.toMatchObject({ code: 'PORT_IN_USE' });
    } finally {
      await first.stop();
    }
  });
});
