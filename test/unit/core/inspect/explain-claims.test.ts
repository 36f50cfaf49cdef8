import { describe, expect, it } from 'vitest';
import { explainClaims } from '../../../../main/core/inspect/index.js';
import { accessPayload, idPayload, ISS, NOW, NOW_S } from './tokens.js';

const opts = { now: NOW, timeZone: 'Europe/Paris' };

describe('explainClaims', () => {
  it('explains every claim of a Cognito ID token, with times in UTC, local and relative', () => {
    expect(explainClaims(idPayload(), opts)).toEqual([
      { name: 'at_hash', value: '3KIhjUiWvVLZDFnLjBXhew', explanation: "Access token hash: left half of the access token's hash, binding this ID token to it" },
      { name: 'sub', value: '7ee5da75-2f0e-4f6c-9a55-2a6a5c1e3b77', explanation: 'Subject: the stable, unique id of the user (a UUID in Cognito); use it, not the username, as the key' },
      { name: 'cognito:groups', value: ['us-west-2_9EiQtYD6z_Google'], explanation: 'User pool groups the user belongs to (1 group)' },
      { name: 'email_verified', value: false, explanation: 'The email address has NOT been verified: do not trust it as an identity' },
      { name: 'iss', value: ISS, explanation: 'Issuer: who minted the token; for Cognito https://cognito-idp.<region>.amazonaws.com/<userPoolId>' },
      { name: 'cognito:username', value: 'google_102613502779525861182', explanation: 'Cognito user name (can change with aliases; for federated users <Provider>_<id>)' },
      { name: 'origin_jti', value: 'bc551b17-1e36-4f0a-9c1c-0b6d8a8c2a11', explanation: 'Id of the original sign-in; stays the same across refreshes and is used to revoke' },
      { name: 'aud', value: '2todpsba6aij4tlrqhein3trrm', explanation: 'Audience: the app client id the token was issued to; your app must check it equals its own' },
      { name: 'token_use', value: 'id', explanation: 'Cognito token type: "id" = ID token, for your app to learn who signed in' },
      {
        name: 'auth_time', value: NOW_S - 600, explanation: 'Authentication time: when the user actually signed in; stays the same across refreshes',
        time: { utc: '2023-04-29T17:50:00Z', local: '2023-04-29 19:50:00 GMT+2', relative: 'signed in 10 min ago' },
      },
      {
        name: 'exp', value: NOW_S + 2520, explanation: 'Expiration time: reject the token after this moment',
        time: { utc: '2023-04-29T18:42:00Z', local: '2023-04-29 20:42:00 GMT+2', relative: 'expires in 42 min' },
      },
      {
        name: 'iat', value: NOW_S - 600, explanation: 'Issued at: when this token was minted (refreshes mint new ones)',
        time: { utc: '2023-04-29T17:50:00Z', local: '2023-04-29 19:50:00 GMT+2', relative: 'issued 10 min ago' },
      },
      { name: 'jti', value: 'f681320a-7c4e-4a77-b1e7-7d8f6f3b1c2d', explanation: 'JWT id: unique id of this token; Cognito uses it to revoke tokens' },
      { name: 'email', value: 'ana@example.com', explanation: 'Email address of the user' },
    ]);
  });

  it('explains the access-token-only Cognito claims', () => {
    const byName = Object.fromEntries(explainClaims(accessPayload({ device_key: 'us-west-2_abc' }), opts).map((c) => [c.name, c.explanation]));
    expect({
      client_id: byName['client_id'], scope: byName['scope'], version: byName['version'], event_id: byName['event_id'],
      username: byName['username'], token_use: byName['token_use'], device_key: byName['device_key'],
    }).toEqual({
      client_id: 'App client id the access token was issued to (access tokens have this instead of aud)',
      scope: 'Scopes granted to this token (3, space-separated)',
      version: 'Cognito access token format version',
      event_id: 'Id of the Cognito authentication event that produced this token',
      username: 'Cognito user name (in access tokens)',
      token_use: 'Cognito token type: "access" = access token, for calling APIs',
      device_key: 'Key of the remembered device this session came from',
    });
  });

  it.each([
    { name: 'custom:tenant', value: 'acme', explanation: 'Custom user pool attribute "tenant"' },
    { name: 'custom:level', value: 3, explanation: 'Custom user pool attribute "level" (Cognito sends custom attributes as strings; this is not one)' },
    { name: 'cognito:roles', value: ['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'], explanation: "IAM role ARNs of the user's groups (2 roles)" },
    { name: 'cognito:preferred_role', value: 'arn:aws:iam::1:role/a', explanation: "IAM role of the user's group with the lowest precedence; an identity pool can map to it" },
    { name: 'identities', value: [{ providerName: 'Google' }], explanation: 'Federated identity providers linked to this user (Google, SAML, OIDC) (1 identity)' },
    { name: 'amr', value: ['pwd', 'mfa'], explanation: 'Authentication methods used to sign in (for example pwd, mfa, otp) (2 methods)' },
    { name: 'nonce', value: 'n-0S6', explanation: 'Nonce: the value the app sent in the authorize request; the app must check it matches to stop replay' },
    { name: 'favourite_colour', value: 'teal', explanation: 'not a standard claim' },
    { name: 'constructor', value: 1, explanation: 'not a standard claim' },
    { name: 'exp', value: '1682794284', explanation: 'Expiration time: reject the token after this moment (not a number of seconds, so not a valid time)' },
  ])('$name', ({ name, value, explanation }) => {
    expect(explainClaims({ [name]: value }, opts)).toEqual([{ name, value, explanation }]);
  });

  it.each([
    { claim: 'exp', offset: -3 * 3600, relative: 'expired 3 h ago' },
    { claim: 'exp', offset: 42 * 60 + 30, relative: 'expires in 42 min' },
    { claim: 'exp', offset: 20, relative: 'expires in 20 s' },
    { claim: 'exp', offset: 3 * 86400, relative: 'expires in 3 days' },
    { claim: 'iat', offset: -5 * 60, relative: 'issued 5 min ago' },
    { claim: 'iat', offset: 90, relative: 'issued 1 min in the future' },
    { claim: 'nbf', offset: 3 * 3600 + 5 * 60, relative: 'not valid until 3 h 5 min from now' },
    { claim: 'nbf', offset: -60, relative: 'valid since 1 min ago' },
  ])('$claim at now$offset s: "$relative"', ({ claim, offset, relative }) => {
    expect(explainClaims({ [claim]: NOW_S + offset }, opts)[0]?.time?.relative).toBe(relative);
  });

  it('uses the given time zone for local time, falling back to UTC for an unknown zone', () => {
    const t = (timeZone: string) => explainClaims({ exp: NOW_S }, { now: NOW, timeZone })[0]?.time?.local;
    expect([t('America/New_York'), t('Asia/Tokyo'), t('Not/AZone')]).toEqual(['2023-04-29 14:00:00 EDT', '2023-04-30 03:00:00 GMT+9', '2023-04-29 18:00:00 UTC']);
  });
});
