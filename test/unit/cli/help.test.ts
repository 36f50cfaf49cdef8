import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../../main/cli/program.js';
import { runCli } from '../../../main/cli/main.js';
import { captureIo } from './io.js';

/** Every command's --help shows examples (the contract), read from the command tree itself. */
function leafPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => [[...prefix, c.name()], ...leafPaths(c, [...prefix, c.name()])]);
}
const paths = leafPaths(buildProgram(async () => undefined));

describe('--help', () => {
  it('covers the commands of the issue', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining([
      'login', 'status', 'token', 'inspect', 'logout', 'profiles', 'profiles list', 'profiles show', 'profiles add',
      'profiles edit', 'profiles remove', 'profiles import', 'emulator',
    ]));
  });

  it.each(paths.map((p) => [p.join(' '), p]))('%s --help has Examples: and exits 0', async (_name, path) => {
    const io = captureIo();
    const code = await runCli(['node', 'cognito-inspector', ...path, '--help'], io);
    expect([code, io.err]).toEqual([0, '']);
    expect(io.out).toMatch(/\nExamples:\n {2}\$ .*cognito-inspector /);
  });

  it.each([['status'], ['token'], ['logout']])('%s --help lists no sign-in-only flags (--prompt, --login-hint, --lang)', async (command) => {
    const io = captureIo();
    await runCli(['node', 'cognito-inspector', command, '--help'], io);
    expect(io.out).not.toMatch(/--prompt|--login-hint|--lang/);
  });

  it('login --help shows the --timeout default as a number, not a quoted string', async () => {
    const io = captureIo();
    await runCli(['node', 'cognito-inspector', 'login', '--help'], io);
    expect(io.out.replace(/\s+/g, ' ')).toContain('(default: 300)');
    expect(io.out).not.toContain('"300"');
  });
});

describe('inspect --client-id', () => {
  it('is accepted and compared like --audience', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const io = captureIo();
    await runCli(['node', 'cognito-inspector', 'inspect', '--offline', '--client-id', 'other', `${b64({ alg: 'RS256' })}.${b64({ aud: 'abc', exp: 9999999999 })}.sig`], io);
    expect(io.err).not.toContain('BAD_USAGE');
    expect(io.out).toContain('AUDIENCE_MISMATCH: aud is "abc", expected "other"');
  });
});
