import { inspectorHome } from '../core/profiles/home.js';
import { createProfileStore, type ProfileStore } from '../core/profiles/store.js';
import type { Io } from './output.js';

/** The CLI's composition root for cheap dependencies; heavier ones are imported where used. */
export interface CliContext {
  home: string;
  profiles: ProfileStore;
}

export function cliContext(io: Io): CliContext {
  const home = inspectorHome(io.env);
  return { home, profiles: createProfileStore(home) };
}
