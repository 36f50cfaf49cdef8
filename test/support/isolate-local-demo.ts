import { beforeAll } from 'vitest';
import { LOCAL_PROFILE } from '../../main/core/desktop/local-pool.js';

/**
 * Every integration and e2e file shares one real keychain (the test script's gnome-keyring), and
 * the app restores the "local-demo" session it finds there. Each file starts the way a newcomer's
 * first start does, with no local-demo session stored, whichever file ran before it.
 */
beforeAll(async () => {
  if (!process.env.COGNITO_INSPECTOR_TEST_KEYRING) return;
  const { openSecrets } = await import('../../main/core/secrets/open-secrets.js');
  const secrets = await openSecrets();
  await secrets.vault.remove(LOCAL_PROFILE);
});
