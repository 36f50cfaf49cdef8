import { describe, expect, it } from 'vitest';
import { marker, redactBody, redactHeader, redactUrl } from '../../../../main/core/trace/redact.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
const M = (v: string) => marker(v);

describe('marker', () => {
  it('is stable per value, differs between values, and shows 4 hex characters of a hash', () => {
    expect(marker('a')).toBe(marker('a'));
    expect(marker('a')).not.toBe(marker('b'));
    expect(marker('a')).toMatch(/^‹redacted:[0-9a-f]{4}›$/);
  });
});

describe('redactUrl', () => {
  it.each([
    ['callback code, state kept', 'http://localhost:53682/callback?code=abc123&state=xyz', `http://localhost:53682/callback?code=${M('abc123')}&state=xyz`],
    ['implicit fragment', 'myapp://cb#access_token=tok&token_type=bearer&id_token=idt', `myapp://cb#access_token=${M('tok')}&token_type=bearer&id_token=${M('idt')}`],
    ['authorize URL untouched', 'https://d/oauth2/authorize?client_id=c&code_challenge=ch&scope=openid%20email', 'https://d/oauth2/authorize?client_id=c&code_challenge=ch&scope=openid%20email'],
    ['a JWT in a path', `https://api/x/${JWT}/y`, `https://api/x/${M(JWT)}/y`],
    ['percent-encoded values hash decoded', 'https://d/logout?id_token_hint=a%2Bb', `https://d/logout?id_token_hint=${M('a+b')}`],
  ])('%s', (_label, url, want) => expect(redactUrl(url)).toBe(want));
});

describe('redactHeader', () => {
  it.each([
    ['Authorization', `Bearer ${JWT}`, `Bearer ${M(JWT)}`],
    ['authorization', 'Basic Y2xpZW50OnNlY3JldA==', `Basic ${M('Y2xpZW50OnNlY3JldA==')}`],
    ['Authorization', JWT, M(JWT)],
    ['Authorization', 'AWS4-HMAC-SHA256 Credential=ASIA/x, Signature=ab', `AWS4-HMAC-SHA256 ${M('Credential=ASIA/x, Signature=ab')}`],
    ['X-Amz-Security-Token', 'IQoJsessiontoken', M('IQoJsessiontoken')],
    ['Cookie', 'a=1; session=zzz', `a=${M('1')}; session=${M('zzz')}`],
    ['Set-Cookie', 'cognito=s3cr3t; Path=/; HttpOnly', `cognito=${M('s3cr3t')}; Path=/; HttpOnly`],
    ['Content-Type', 'application/json', 'application/json'],
  ])('%s: %s', (name, value, want) => expect(redactHeader(name, value)).toBe(want));
});

describe('redactBody', () => {
  it('token request form: code, verifier and secret go, the rest stays', () => {
    const body = 'grant_type=authorization_code&code=c0de&code_verifier=v3r&redirect_uri=http%3A%2F%2Flocalhost%3A53682%2Fcallback&client_secret=s3c';
    expect(redactBody(body, 'application/x-www-form-urlencoded')).toBe(
      `grant_type=authorization_code&code=${M('c0de')}&code_verifier=${M('v3r')}&redirect_uri=http%3A%2F%2Flocalhost%3A53682%2Fcallback&client_secret=${M('s3c')}`,
    );
  });

  it('token response JSON: every token', () => {
    const body = JSON.stringify({ access_token: 'a', id_token: 'i', refresh_token: 'r', token_type: 'Bearer', expires_in: 3600 });
    expect(JSON.parse(redactBody(body, 'application/json'))).toEqual({ access_token: M('a'), id_token: M('i'), refresh_token: M('r'), token_type: 'Bearer', expires_in: 3600 });
  });

  it('identity pool JSON 1.1: Logins values, SecretKey, SessionToken, Token; the key id stays', () => {
    const req = JSON.stringify({ IdentityId: 'us-east-1:1', Logins: { 'cognito-idp.us-east-1.amazonaws.com/p': 'idtok' } });
    expect(JSON.parse(redactBody(req, 'application/x-amz-json-1.1'))).toEqual({ IdentityId: 'us-east-1:1', Logins: { 'cognito-idp.us-east-1.amazonaws.com/p': M('idtok') } });
    const res = JSON.stringify({ Credentials: { AccessKeyId: 'ASIA1', SecretKey: 'sk', SessionToken: 'st', Expiration: 1 }, IdentityId: 'x' });
    expect(JSON.parse(redactBody(res, 'application/x-amz-json-1.1'))).toEqual({ Credentials: { AccessKeyId: 'ASIA1', SecretKey: M('sk'), SessionToken: M('st'), Expiration: 1 }, IdentityId: 'x' });
    expect(JSON.parse(redactBody(JSON.stringify({ IdentityId: 'x', Token: 'oidc' }), '')).Token).toBe(M('oidc'));
  });

  it('STS: the WebIdentityToken in the form request, secret key and session token in the XML answer', () => {
    expect(redactBody('Action=AssumeRoleWithWebIdentity&Version=2011-06-15&WebIdentityToken=wit&RoleArn=arn', 'application/x-www-form-urlencoded'))
      .toBe(`Action=AssumeRoleWithWebIdentity&Version=2011-06-15&WebIdentityToken=${M('wit')}&RoleArn=arn`);
    const xml = '<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIA2</AccessKeyId><SecretAccessKey>sak</SecretAccessKey><SessionToken>tok</SessionToken></Credentials></AssumeRoleWithWebIdentityResult>';
    expect(redactBody(xml, 'text/xml')).toBe(`<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIA2</AccessKeyId><SecretAccessKey>${M('sak')}</SecretAccessKey><SessionToken>${M('tok')}</SessionToken></Credentials></AssumeRoleWithWebIdentityResult>`);
  });

  it('any other text: JWTs only', () => {
    expect(redactBody(`hello ${JWT} world`, 'text/plain')).toBe(`hello ${M(JWT)} world`);
    expect(redactBody(JSON.stringify({ echoed: `Bearer ${JWT}` }))).toBe(JSON.stringify({ echoed: `Bearer ${M(JWT)}` }));
  });
});
