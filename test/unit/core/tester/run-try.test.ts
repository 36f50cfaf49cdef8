import { describe, expect, it } from 'vitest';
import { tryConfig, type TryRequest } from '../../../../main/core/tester/run-try.js';
import { profileSchema } from '../../../../main/core/profiles/schema.js';
import { isAppError } from '../../../../main/core/errors/app-error.js';

const profile = profileSchema.parse({
  name: 'p', issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X', clientId: 'c',
  scopes: ['openid', 'email'], identityProvider: 'Google', authorizeParams: { lang: 'fr', prompt: 'login' },
});

describe('tryConfig: the profile with the tester\'s edits over it', () => {
  it.each<{ name: string; req: TryRequest; want: object }>([
    { name: 'no edits: the profile as it is', req: { params: {} }, want: { scopes: ['openid', 'email'], identityProvider: 'Google', extraParams: { lang: 'fr', prompt: 'login' } } },
    { name: 'scopes replace; params go over the profile\'s', req: { scopes: ['openid', 'phone'], params: { lang: 'ja', login_hint: 'bob' } }, want: { scopes: ['openid', 'phone'], identityProvider: 'Google', extraParams: { lang: 'ja', prompt: 'login', login_hint: 'bob' } } },
    { name: 'an empty identity provider asks for none; empty scopes mean the profile\'s', req: { scopes: [], identityProvider: '', params: {} }, want: { scopes: ['openid', 'email'], extraParams: { lang: 'fr', prompt: 'login' } } },
  ])('$name', ({ req, want }) => {
    expect(tryConfig(profile, req, 'shh')).toEqual({ issuer: profile.issuer, clientId: 'c', clientSecret: 'shh', redirectUris: profile.redirectUris, ...want });
  });

  it('refuses protocol parameters in the extras, as login --param does', () => {
    const err = (() => {
      try {
        tryConfig(profile, { params: { scope: 'openid', state: 'x' } });
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(err) && err.toInfo()).toEqual({
      code: 'INVALID_INPUT', message: 'a Try sets scope, state itself and checks it', hint: 'put scopes in the Scopes field, not in the extra parameters', details: { params: ['scope', 'state'] },
    });
  });
});
