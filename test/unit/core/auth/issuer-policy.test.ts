import { describe, expect, it } from 'vitest';
import { checkIssuerUrl, isCognitoIssuer } from '../../../../main/core/auth/issuer-policy.js';
import type { AppError } from '../../../../main/core/errors/app-error.js';

describe('checkIssuerUrl', () => {
  it.each([
    ['https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab', 'secure'],
    ['http://localhost:9229/us-east-1_Local', 'insecure'],
    ['http://127.0.0.1:4000/pool', 'insecure'],
    ['http://[::1]:4000/pool', 'insecure'],
    ['http://idp.example.com/pool', 'INSECURE_ISSUER'],
    ['http://192.168.1.5/pool', 'INSECURE_ISSUER'],
    ['http://localhost.evil.com/pool', 'INSECURE_ISSUER'],
    ['ftp://localhost/pool', 'INSECURE_ISSUER'],
    ['not a url', 'INVALID_CONFIG'],
  ])('%s → %s', (issuer, expected) => {
    let got: string;
    try { got = checkIssuerUrl(issuer).insecure ? 'insecure' : 'secure'; } catch (e) { got = (e as AppError).code; }
    expect(got).toBe(expected);
  });
});

describe('isCognitoIssuer', () => {
  it.each([
    ['https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123', true],
    ['http://127.0.0.1:9229/us-east-1_LocalDemo', true],
    ['https://accounts.google.com', false],
    ['https://login.example.com/realms/main', false],
  ])('%s → %s', (issuer, expected) => {
    expect(isCognitoIssuer(issuer)).toBe(expected);
  });
});
