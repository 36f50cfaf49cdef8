import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkRoleArn, credentialProcessLine, quoteArg } from '../../../../main/core/aws/credential-process-line.js';

describe('credential_process quoting', () => {
  it.each([
    ['plain words stay bare', '/usr/bin/node', '/usr/bin/node'],
    ['a space', '/opt/my tools/ci.js', "'/opt/my tools/ci.js'"],
    ['shell syntax', '$(touch x);`id`|&', "'$(touch x);`id`|&'"],
    ['a single quote', "it's", "'it'\\''s'"],
  ])('POSIX: %s', (_label, arg, quoted) => {
    expect(quoteArg(arg, 'linux')).toBe(quoted);
    // /bin/sh (what the JS SDK's exec uses) gives back exactly the original word.
    expect(execFileSync('/bin/sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' })).toBe(arg);
  });

  it('Windows: double quotes; " and % refused', () => {
    expect(quoteArg('C:\\Program Files\\nodejs\\node.exe', 'win32')).toBe('"C:\\Program Files\\nodejs\\node.exe"');
    expect(() => quoteArg('50%', 'win32')).toThrow(/cmd\.exe/);
    expect(() => quoteArg('a"b', 'win32')).toThrow(/cmd\.exe/);
  });

  it('refuses CR and LF in any argument', () => {
    expect(() => credentialProcessLine(['node'], ['--profile', 'a\nb'], 'linux')).toThrow(/line break/);
    expect(() => credentialProcessLine(['node\r'], [], 'linux')).toThrow(/line break/);
  });

  it('role ARNs: IAM roles only', () => {
    expect(() => checkRoleArn('arn:aws:iam::123456789012:role/path/Readers')).not.toThrow();
    expect(() => checkRoleArn('arn:aws-cn:iam::123456789012:role/R')).not.toThrow();
    for (const bad of ['arn:aws:iam::123456789012:user/U', 'arn:aws:iam::12345:role/R', 'arn:aws:iam::123456789012:role/R x', 'arn:aws:iam::123456789012:role/R\n']) {
      expect(() => checkRoleArn(bad), bad).toThrow();
    }
  });
});
