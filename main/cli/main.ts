import { CommanderError, type Command } from 'commander';
import { buildProgram } from './program.js';
import { printError, processIo, type Io } from './output.js';
import { normalizeTraceArgs, startTrace, type TraceFlags } from './trace-output.js';

/** Runs the CLI and returns the exit code (0 ok, 1 actionable failure, 2 bad usage or input). */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const program = buildProgram(async (mod, opts, args) => {
    const { default: action } = await mod;
    const traced = startTrace(io, opts as TraceFlags);
    try {
      exitCode = (await action(traced?.io ?? io, opts, args)) ?? 0;
    } finally {
      await traced?.finish();
    }
  });
  // Subcommands copy these settings only when created, so apply them to the whole tree: without
  // this, commander calls process.exit(1) itself for a bad flag on a subcommand (exit 2 expected).
  const configure = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // The CLI's error format: `error[BAD_USAGE]: ...`; the hint line follows (showHelpAfterError).
      outputError: (s, write) => write(`error[BAD_USAGE]: ${s.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`),
    });
    cmd.commands.forEach(configure);
  };
  configure(program);
  try {
    await program.parseAsync(normalizeTraceArgs(argv));
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; anything commander refuses is bad usage.
      return err.exitCode === 0 ? 0 : 2;
    }
    return printError(io, err, debug);
  }
  return exitCode;
}

export async function main(argv: string[]): Promise<void> {
  // `cognito-inspector ... | head` closes the pipe early: the reader's choice, not a failure.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
  process.exitCode = await runCli(argv);
}
