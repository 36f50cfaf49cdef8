import { describe, expect, it } from 'vitest';
import { scopeDiff } from '../../../../renderer/src/lib/scope-diff.js';

describe('scopeDiff', () => {
  const profile = ['openid', 'email'];
  it.each([
    {
      name: 'all granted, one added for the Try',
      asked: ['openid', 'email', 'phone'],
      granted: { accessToken: ['openid', 'email', 'phone'] },
      want: {
        rows: [
          { scope: 'openid', asked: true, granted: true, inProfile: true },
          { scope: 'email', asked: true, granted: true, inProfile: true },
          { scope: 'phone', asked: true, granted: true, inProfile: false },
        ],
        notGranted: [],
        notAsked: [],
        source: 'access token',
      },
    },
    {
      name: 'asked but not granted, and granted but not asked',
      asked: ['openid', 'email'],
      granted: { accessToken: ['openid', 'aws.cognito.signin.user.admin'] },
      want: {
        rows: [
          { scope: 'openid', asked: true, granted: true, inProfile: true },
          { scope: 'email', asked: true, granted: false, inProfile: true },
          { scope: 'aws.cognito.signin.user.admin', asked: false, granted: true, inProfile: false },
        ],
        notGranted: ['email'],
        notAsked: ['aws.cognito.signin.user.admin'],
        source: 'access token',
      },
    },
    {
      name: "the access token's claim wins over the response's scope",
      asked: ['openid'],
      granted: { accessToken: ['openid'], response: ['openid', 'email'] },
      want: { rows: [{ scope: 'openid', asked: true, granted: true, inProfile: true }], notGranted: [], notAsked: [], source: 'access token' },
    },
    {
      name: 'only the response says (an opaque access token)',
      asked: ['openid', 'email'],
      granted: { response: ['openid'] },
      want: {
        rows: [
          { scope: 'openid', asked: true, granted: true, inProfile: true },
          { scope: 'email', asked: true, granted: false, inProfile: true },
        ],
        notGranted: ['email'],
        notAsked: [],
        source: 'token response',
      },
    },
    {
      name: 'nothing says: granted unknown, no differences claimed',
      asked: ['openid'],
      granted: {},
      want: { rows: [{ scope: 'openid', asked: true, granted: undefined, inProfile: true }], notGranted: [], notAsked: [], source: undefined },
    },
  ])('$name', ({ asked, granted, want }) => {
    expect(scopeDiff(asked, granted, profile)).toEqual(want);
  });
});
