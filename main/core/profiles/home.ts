import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where non-secret config and caches live: $COGNITO_INSPECTOR_HOME, else the platform's config dir. */
export function inspectorHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.COGNITO_INSPECTOR_HOME) return env.COGNITO_INSPECTOR_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'cognito-inspector');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'cognito-inspector');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'cognito-inspector');
}
