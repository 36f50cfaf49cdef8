import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { printError, processIo, type Io } from './output.js';

/** Runs the CLI and returns the exit code (0 ok, 1 actionable failure, 2 bad usage or input). */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const program = buildProgram(async (mod, opts, args) => {
    const { default: action } = await mod;
    exitCode = (await action(io, opts, args)) ?? 0;
  });
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  try {
    await program.parseAsync(argv);
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
  process.exitCode = await runCli(argv);
}
