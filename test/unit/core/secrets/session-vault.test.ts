import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors/app-error.js';
import type { SecretStore } from '../../../../main/core/ports.js';
import { createChunkedStore } from '../../../../main/core/secrets/chunked-store.js';
import { createMemoryStore, type MemoryStore } from '../../../../main/core/secrets/memory-store.js';
import { createSessionVault, type VaultEntryInput } from '../../../../main/core/secrets/session-vault.js';

const clock = { now: () => 1_700_000_000_000 };

/** Counts the writes that reach the backend. */
function counting(backend: SecretStore): SecretStore & { sets: number } {
  const wrapped = {
    sets: 0,
    get: (a: string) => backend.get(a),
    delete: (a: string) => backend.delete(a),
    set: async (a: string, v: string) => {
      wrapped.sets += 1;
      await backend.set(a, v);
    },
  };
  return wrapped;
}

const token = (prefix: string, length: number): string => (prefix + '.').padEnd(length, 'x');

/** About what a Cognito session holds: a ~1.8 KB refresh token, ~1 KB tokens, AWS credentials. */
const session: VaultEntryInput = {
  refreshToken: token('eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ', 1800),
  clientSecret: token('secret', 52),
  idToken: token('eyJraWQiOiJpZCJ9', 1100),
  accessToken: token('eyJraWQiOiJhY2Nlc3MifQ', 1000),
  tokenType: 'Bearer',
  scope: 'openid email profile',
  expiresAt: 1_700_003_600_000,
  issuedAt: 1_700_000_000_000,
  signedInAt: 1_699_000_000_000,
  awsCredentials: {
    accessKeyId: 'ASIAEXAMPLEEXAMPLE00',
    secretAccessKey: token('aws', 40),
    sessionToken: token('IQoJb3JpZ2luX2Vj', 4000),
    expiration: 1_700_003_600_000,
    identityId: 'us-east-1:00000000-0000-0000-0000-000000000001',
  },
};

function windowsVault(onCorrupt?: (profileId: string, error: AppError) => void) {
  const backend = createMemoryStore({ maxValueLength: 1280 });
  const counted = counting(backend);
  const vault = createSessionVault(createChunkedStore(counted), { clock, ...(onCorrupt ? { onCorrupt } : {}) });
  return { backend, counted, vault };
}

describe('session vault', () => {
  it('round-trips a whole 8 KB session through a store limited to 1,280 characters', async () => {
    const { vault } = windowsVault();
    expect(JSON.stringify(session).length).toBeGreaterThan(8192);
    expect(await vault.write('dev', session)).toEqual({ written: true });
    expect(await vault.read('dev')).toEqual({ ...session, updatedAt: clock.now() });
    expect(await vault.read('other')).toBeNull();
  });

  it('writes only when a value changed', async () => {
    const { vault, counted } = windowsVault();
    await vault.write('dev', session);
    const afterFirst = counted.sets;
    expect(afterFirst).toBeGreaterThan(1);

    const reordered = Object.fromEntries(Object.entries(session).reverse()) as VaultEntryInput;
    expect(await vault.write('dev', reordered)).toEqual({ written: false });
    expect(await vault.write('dev', { ...session, updatedAt: 42 })).toEqual({ written: false });
    expect(counted.sets).toBe(afterFirst);

    expect(await vault.write('dev', { ...session, refreshToken: token('rotated', 1800) })).toEqual({ written: true });
    expect(counted.sets).toBeGreaterThan(afterFirst);
    expect((await vault.read('dev'))?.refreshToken).toBe(token('rotated', 1800));
  });

  it('remove deletes every item of the entry', async () => {
    const { vault, backend } = windowsVault();
    await vault.write('dev', session);
    await vault.write('prod', { refreshToken: 'r' });
    await vault.remove('dev');
    expect(await vault.read('dev')).toBeNull();
    expect(backend.accounts()).toEqual(['profile:prod']);
  });

  it.each([
    ['not JSON', (b: MemoryStore) => b.set('profile:dev', JSON.stringify({ v: 1, data: '{"refreshToken":' }))],
    ['JSON of the wrong shape', (b: MemoryStore) => b.set('profile:dev', JSON.stringify({ v: 1, data: '{"refreshToken":42}' }))],
    ['a damaged chunk', (b: MemoryStore) => b.set('profile:dev#0.2', 'garbage')],
  ])('reads an entry that is %s as absent and reports it', async (_name, damage) => {
    const reports: Array<[string, ReturnType<AppError['toInfo']>]> = [];
    const { vault, backend } = windowsVault((profileId, error) => reports.push([profileId, error.toInfo()]));
    await vault.write('dev', session);
    await damage(backend);
    expect(await vault.read('dev')).toBeNull();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.[0]).toBe('dev');
    expect(reports[0]?.[1]).toMatchObject({ code: 'KEYCHAIN_ERROR', details: { reason: 'corrupt' } });
    // A damaged entry is replaced by the next save.
    expect(await vault.write('dev', session)).toEqual({ written: true });
    expect(await vault.read('dev')).toEqual({ ...session, updatedAt: clock.now() });
  });

  it('passes an unavailable keychain through, so the caller can keep the session in memory', async () => {
    const unavailable = new AppError('KEYCHAIN_UNAVAILABLE', 'No keychain is available, so the session could not be read.', 'hint');
    const broken: SecretStore = { get: () => Promise.reject(unavailable), set: () => Promise.reject(unavailable), delete: () => Promise.reject(unavailable) };
    const vault = createSessionVault(broken);
    await expect(vault.read('dev')).rejects.toBe(unavailable);
    await expect(vault.write('dev', session)).rejects.toBe(unavailable);
  });

  it('keeps profile ids apart, whatever characters they hold', async () => {
    const { vault } = windowsVault();
    await vault.write('a#0.1', { refreshToken: 'one' });
    await vault.write('a', { refreshToken: 'two' });
    expect((await vault.read('a#0.1'))?.refreshToken).toBe('one');
    expect((await vault.read('a'))?.refreshToken).toBe('two');
  });
});

describe('session vault update', () => {
  it('reads once, keeps the other fields, and writes only when the change changes something', async () => {
    const backend = counting(createMemoryStore());
    let gets = 0;
    const store = { ...backend, get: (a: string) => (gets++, backend.get(a)) };
    const vault = createSessionVault(store, { clock });
    await vault.write('p', session);
    gets = 0;
    backend.sets = 0;

    expect(await vault.update('p', (e) => ({ ...e, scope: 'openid' }))).toEqual({ written: true });
    expect([gets, backend.sets]).toEqual([1, 1]);
    expect(await vault.read('p')).toEqual({ ...session, scope: 'openid', updatedAt: clock.now() });

    expect(await vault.update('p', (e) => ({ ...e, scope: 'openid' }))).toEqual({ written: false });
    expect(backend.sets).toBe(1);
  });
});
