import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../../../main/core/profiles/schema.js';
import { createProfileStore } from '../../../../main/core/profiles/store.js';
import { parseOrThrow } from '../../../../main/core/profiles/validate.js';

/** URLs that receive secrets follow the egress rule when a profile is saved: https, or http on loopback. */
const base = { name: 'p', issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC', clientId: 'c' };
const RULE = 'must be https (plain http only to this machine: localhost, 127.0.0.1, [::1])';

describe('profileSchema: secret-receiving URLs', () => {
  it.each([
    ['identityPool.endpoint', { identityPool: { id: 'us-east-1:1234', endpoint: 'http://identity.example.test/' } }, 'it receives the ID token and answers with AWS secret keys'],
    ['apiBaseUrl', { apiBaseUrl: 'http://api.example.test/prod' }, '`call` sends tokens and SigV4 signatures there'],
    ['hostedUiDomain', { hostedUiDomain: 'http://auth.example.test' }, 'it receives the authorization code, the PKCE verifier and any client secret'],
  ])('refuses plain http off this machine in %s, naming the field', (field, extra, why) => {
    expect(() => parseOrThrow(profileSchema, { ...base, ...extra }, 'the profile')).toThrow(expect.objectContaining({
      code: 'INVALID_INPUT',
      message: `the profile is invalid: ${field}: ${RULE}: ${why}`,
      hint: `fix the field "${field}"`,
    }));
  });

  it('accepts https and loopback http', () => {
    const p = parseOrThrow(profileSchema, {
      ...base, apiBaseUrl: 'https://api.example.com/prod', hostedUiDomain: 'http://localhost:4610',
      identityPool: { id: 'us-east-1:1234', endpoint: 'http://127.0.0.1:4610/' },
    }, 'the profile');
    expect([p.apiBaseUrl, p.hostedUiDomain, p.identityPool?.endpoint]).toEqual(['https://api.example.com/prod', 'http://localhost:4610', 'http://127.0.0.1:4610/']);
  });

  it('a profiles.json saved before the rule stays readable; the old profile is refused on its next save', async () => {
    const home = await mkdtemp(join(tmpdir(), 'ci-schema-'));
    await writeFile(join(home, 'profiles.json'), JSON.stringify({ version: 1, profiles: {
      old: { ...base, name: 'old', apiBaseUrl: 'http://api.example.test/prod' },
      good: { ...base, name: 'good' },
    } }));
    const store = createProfileStore(home);
    expect((await store.list()).map((p) => p.name)).toEqual(['good', 'old']);
    await expect(store.edit('old', { clientId: 'd' })).rejects.toMatchObject({ code: 'INVALID_INPUT', hint: 'fix the field "apiBaseUrl"' });
    await expect(store.add({ ...base, name: 'new', identityPool: { id: 'us-east-1:1234', endpoint: 'http://identity.example.test/' } }))
      .rejects.toMatchObject({ hint: 'fix the field "identityPool.endpoint"' });
  });
});
