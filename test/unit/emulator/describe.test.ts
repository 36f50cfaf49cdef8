import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../emulator/default-config.js';
import { describeEmulator } from '../../../emulator/describe.js';
import { parseEmulatorConfig } from '../../../emulator/load-config.js';

describe('describeEmulator', () => {
  it('prints one greppable fact per line for the default pool', () => {
    const url = 'http://127.0.0.1:4610';
    expect(describeEmulator({ url, issuer: `${url}/us-east-1_LocalDemo`, config: parseEmulatorConfig(DEFAULT_CONFIG) })).toEqual([
      'issuer: http://127.0.0.1:4610/us-east-1_LocalDemo',
      'hosted-ui: http://127.0.0.1:4610',
      'discovery: http://127.0.0.1:4610/us-east-1_LocalDemo/.well-known/openid-configuration',
      'client: localdemoclient0000000000 (Cognito Inspector (public))',
      'identity-pool: us-east-1:00000000-0000-4000-8000-000000000001 endpoint: http://127.0.0.1:4610/',
      'user: alice / Passw0rd!',
      'user: bob / Passw0rd!',
      'google-account: demo.user@gmail.com (sub 102613502779525861182)',
    ]);
  });
});
