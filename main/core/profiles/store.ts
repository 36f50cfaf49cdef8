import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import { writeFileAtomic } from './atomic-write.js';
import { profileSchema, profilesFileSchema, type Profile, type ProfileInput, type ProfilesFile } from './schema.js';
import { parseOrThrow } from './validate.js';

/**
 * profiles.json in the inspector home: non-secret settings only. Every write is atomic, and a file
 * that fails validation is reported, never overwritten.
 */
export interface ProfileStore {
  readonly path: string;
  list(): Promise<Profile[]>;
  get(name: string): Promise<Profile>;
  find(name: string): Promise<Profile | undefined>;
  add(input: Partial<ProfileInput> & { name: string }, opts?: { replace?: boolean }): Promise<Profile>;
  edit(name: string, changes: Partial<ProfileInput>): Promise<Profile>;
  remove(name: string): Promise<boolean>;
}

export function createProfileStore(home: string): ProfileStore {
  const path = join(home, 'profiles.json');

  async function load(): Promise<ProfilesFile> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, profiles: {} };
      throw err;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new AppError('INVALID_CONFIG', `${path} is not valid JSON`, `fix or remove ${path}`, { cause: err });
    }
    return parseOrThrow(profilesFileSchema, json, path, 'INVALID_CONFIG');
  }

  const save = (file: ProfilesFile) => writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n');

  const notFound = (name: string, known: string[]) =>
    new AppError(
      'PROFILE_NOT_FOUND',
      `no profile named "${name}"`,
      known.length ? `known profiles: ${known.join(', ')}` : 'add one with `cognito-inspector profiles add NAME --issuer URL --client-id ID`',
    );

  return {
    path,
    async list() {
      return Object.values((await load()).profiles).sort((a, b) => a.name.localeCompare(b.name));
    },
    async find(name) {
      return (await load()).profiles[name];
    },
    async get(name) {
      const file = await load();
      const p = file.profiles[name];
      if (!p) throw notFound(name, Object.keys(file.profiles));
      return p;
    },
    async add(input, opts) {
      const profile = parseOrThrow(profileSchema, input, 'the profile');
      const file = await load();
      if (file.profiles[profile.name] && !opts?.replace) {
        throw new AppError('PROFILE_EXISTS', `a profile named "${profile.name}" exists`, 'pick another name, add --replace to overwrite it, or change fields with `profiles edit`');
      }
      file.profiles[profile.name] = profile;
      await save(file);
      return profile;
    },
    async edit(name, changes) {
      const file = await load();
      const current = file.profiles[name];
      if (!current) throw notFound(name, Object.keys(file.profiles));
      const next = parseOrThrow(profileSchema, { ...current, ...changes, name }, 'the profile');
      file.profiles[name] = next;
      await save(file);
      return next;
    },
    async remove(name) {
      const file = await load();
      if (!file.profiles[name]) return false;
      delete file.profiles[name];
      await save(file);
      return true;
    },
  };
}
