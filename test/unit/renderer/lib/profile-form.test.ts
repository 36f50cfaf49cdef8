import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../../../main/core/profiles/schema.js';
import { draftFromForm, emptyForm, fieldForIssue, formFromProfile } from '../../../../renderer/src/lib/profile-form.js';

describe('profile form', () => {
  it('turns the text fields into a draft the CLI schema accepts, and back', () => {
    const values = {
      ...emptyForm(),
      name: 'dev',
      issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc',
      clientId: 'abc123',
      scopes: 'openid  email',
      redirectUris: 'http://localhost:53682/callback\nhttp://localhost:53683/callback',
      identityProviders: 'Google, Facebook',
      refreshTokenLifetimeSeconds: '2592000',
      identityPoolId: 'us-east-1:1b2c3d4e-0000-4000-8000-000000000001',
    };
    const draft = draftFromForm(values);
    expect(draft).toEqual({
      name: 'dev',
      issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc',
      clientId: 'abc123',
      scopes: ['openid', 'email'],
      redirectUris: ['http://localhost:53682/callback', 'http://localhost:53683/callback'],
      identityProviders: ['Google', 'Facebook'],
      refreshTokenLifetimeSeconds: 2592000,
      identityPool: { id: 'us-east-1:1b2c3d4e-0000-4000-8000-000000000001', mode: 'enhanced' },
    });
    expect(profileSchema.safeParse(draft).success).toBe(true);
    expect(formFromProfile(draft)).toEqual({ ...values, scopes: 'openid email', identityProviders: 'Google, Facebook' });
  });

  it('keeps fields the form does not show, and drops ones the person emptied', () => {
    const base = { name: 'p', issuer: 'https://x', clientId: 'c', authorizeParams: { lang: 'fr' }, region: 'eu-west-1', identityPool: { id: 'eu-west-1:1', mode: 'basic', durationSeconds: 900 } };
    const draft = draftFromForm({ ...formFromProfile(base), region: '', identityPoolId: '' }, base);
    expect(draft).toEqual({ name: 'p', issuer: 'https://x', clientId: 'c', authorizeParams: { lang: 'fr' } });
  });

  it('maps schema issue paths onto the form fields', () => {
    expect(['issuer', 'scopes.0', 'identityPool.id', 'identityPool.mode', 'identityPool', 'adHoc', ''].map(fieldForIssue)).toEqual([
      'issuer',
      'scopes',
      'identityPoolId',
      'identityPoolMode',
      'identityPoolId',
      undefined,
      undefined,
    ]);
  });
});
