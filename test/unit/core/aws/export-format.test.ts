import { describe, expect, it } from 'vitest';
import { envLines, iniBlock, jsonDocument, processJson } from '../../../../main/core/aws/export-format.js';

const creds = {
  accessKeyId: 'ASIAEXAMPLE000000000',
  secretAccessKey: "se/cr+et'key",
  sessionToken: 'IQoJtoken==',
  expiration: Date.UTC(2026, 0, 2, 3, 4, 5, 600),
  identityId: 'us-east-1:abc',
  roleArn: 'arn:aws:iam::123456789012:role/R',
};

describe('credential export formats', () => {
  it('process: the credential_process contract (Version 1, RFC 3339 Expiration)', () => {
    expect(JSON.parse(processJson(creds))).toEqual({
      Version: 1,
      AccessKeyId: 'ASIAEXAMPLE000000000',
      SecretAccessKey: "se/cr+et'key",
      SessionToken: 'IQoJtoken==',
      Expiration: '2026-01-02T03:04:05.600Z',
    });
  });

  it.each([
    ['sh', `export AWS_ACCESS_KEY_ID='ASIAEXAMPLE000000000'\nexport AWS_SECRET_ACCESS_KEY='se/cr+et'\\''key'\nexport AWS_SESSION_TOKEN='IQoJtoken=='\nexport AWS_CREDENTIAL_EXPIRATION='2026-01-02T03:04:05.600Z'\n`],
    ['fish', `set -gx AWS_ACCESS_KEY_ID 'ASIAEXAMPLE000000000';\nset -gx AWS_SECRET_ACCESS_KEY 'se/cr+et\\'key';\nset -gx AWS_SESSION_TOKEN 'IQoJtoken==';\nset -gx AWS_CREDENTIAL_EXPIRATION '2026-01-02T03:04:05.600Z';\n`],
    ['powershell', `$env:AWS_ACCESS_KEY_ID = 'ASIAEXAMPLE000000000'\n$env:AWS_SECRET_ACCESS_KEY = 'se/cr+et''key'\n$env:AWS_SESSION_TOKEN = 'IQoJtoken=='\n$env:AWS_CREDENTIAL_EXPIRATION = '2026-01-02T03:04:05.600Z'\n`],
  ] as const)('env for %s, quoted so a secret with quotes survives', (shell, expected) => {
    expect(envLines(creds, shell)).toBe(expected);
  });

  it('ini: a ~/.aws/credentials block under the given section', () => {
    expect(iniBlock(creds, 'dev')).toBe(
      "[dev]\naws_access_key_id = ASIAEXAMPLE000000000\naws_secret_access_key = se/cr+et'key\naws_session_token = IQoJtoken==\n# expires 2026-01-02T03:04:05.600Z\n",
    );
  });

  it('json: every field, with the expiration as ISO text', () => {
    expect(jsonDocument(creds, true)).toEqual({
      accessKeyId: 'ASIAEXAMPLE000000000',
      secretAccessKey: "se/cr+et'key",
      sessionToken: 'IQoJtoken==',
      expiration: '2026-01-02T03:04:05.600Z',
      identityId: 'us-east-1:abc',
      roleArn: 'arn:aws:iam::123456789012:role/R',
      cached: true,
    });
  });
});
