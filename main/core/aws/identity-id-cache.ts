import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../profiles/atomic-write.js';

/**
 * IdentityIds are not secret and stable per user and pool, so they live in identity-ids.json in the
 * inspector home (not the keychain): GetId is skipped on later runs. Keyed by profile, pool and the
 * user's sub ("guest" for an unauthenticated identity), so a different user never reuses an id.
 */
export interface IdentityIdCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, identityId: string): Promise<void>;
  remove(key: string): Promise<void>;
}

export { identityIdKey } from './credentials-cache.js';

interface FileShape {
  version: 1;
  ids: Record<string, string>;
}

export function fileIdentityIdCache(home: string): IdentityIdCache {
  const path = join(home, 'identity-ids.json');
  async function load(): Promise<FileShape> {
    try {
      const json = JSON.parse(await readFile(path, 'utf8')) as Partial<FileShape>;
      if (json && typeof json.ids === 'object' && json.ids !== null) return { version: 1, ids: { ...json.ids } };
    } catch {
      // absent or damaged: a cache, so start empty (GetId again)
    }
    return { version: 1, ids: {} };
  }
  const save = (file: FileShape) => writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n');
  return {
    async get(key) {
      const id = (await load()).ids[key];
      return typeof id === 'string' ? id : undefined;
    },
    async set(key, identityId) {
      const file = await load();
      if (file.ids[key] === identityId) return;
      file.ids[key] = identityId;
      await save(file);
    },
    async remove(key) {
      const file = await load();
      if (!(key in file.ids)) return;
      delete file.ids[key];
      await save(file);
    },
  };
}

export function memoryIdentityIdCache(): IdentityIdCache {
  const ids = new Map<string, string>();
  return {
    get: async (key) => ids.get(key),
    set: async (key, id) => void ids.set(key, id),
    remove: async (key) => void ids.delete(key),
  };
}
