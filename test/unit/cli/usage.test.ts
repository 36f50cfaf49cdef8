import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main.js';
import { captureIo } from './io.js';

/** Bad usage is exit 2 with the CLI's own error format, for commander's refusals and the CLI's. */
const run = async (args: string[]) => {
  const io = captureIo({ env: { COGNITO_INSPECTOR_HOME: '/nonexistent/cognito-inspector-usage-test' } });
  const code = await runCli(['node', 'cognito-inspector', ...args], io);
  return { code, out: io.out, err: io.err };
};

describe('bad usage exits 2 with error[BAD_USAGE] and a hint', () => {
  it.each([
    [['login', '--bogus'], "error[BAD_USAGE]: unknown option '--bogus'\nhint: run with --help for usage\n"],
    [['profiles', 'add'], "error[BAD_USAGE]: missing required argument 'name'\nhint: run with --help for usage\n"],
    [['token', '--type', 'refresh'], "error[BAD_USAGE]: option '--type <type>' argument 'refresh' is invalid. Allowed choices are id, access.\nhint: run with --help for usage\n"],
    [['bogus'], "error[BAD_USAGE]: unknown command 'bogus' (Did you mean logout?)\nhint: run with --help for usage\n"],
    [['login', '--issuer', 'http://127.0.0.1:9/pool', '--client-id', 'abc', '--timeout', 'abc'],
      'error[BAD_USAGE]: --timeout must be a positive whole number of seconds, got "abc"\nhint: e.g. --timeout 300\n'],
    [['login', '--issuer', 'http://127.0.0.1:9/pool'],
      'error[BAD_USAGE]: ad-hoc use needs both --issuer (or --region + --user-pool-id) and --client-id\nhint: give both, or use --profile NAME\n'],
    [['status', '--client-id', 'abc'],
      'error[BAD_USAGE]: ad-hoc use needs both --issuer (or --region + --user-pool-id) and --client-id\nhint: give both, or use --profile NAME\n'],
    [['login', '--user-pool-id', 'us-east-1_AbC', '--client-id', 'abc'], 'error[BAD_USAGE]: --user-pool-id needs --region\nhint: add --region, e.g. --region us-east-1\n'],
    [['logout', '--issuer', 'http://127.0.0.1:9/pool', '--client-id', 'abc', '--local', '--hosted'], 'error[BAD_USAGE]: --hosted and --local exclude each other\nhint: drop one of them\n'],
  ])('%j', async (args, stderr) => {
    expect(await run(args)).toEqual({ code: 2, out: '', err: stderr });
  });

  it('--help and --version exit 0 on stdout', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: '0.1.0\n', err: '' });
    const help = await run(['--help']);
    expect([help.code, help.err]).toEqual([0, '']);
    expect(help.out).toContain('Usage: cognito-inspector [options] [command]');
  });
});
