import type { Io } from '../../../main/cli/output.js';

/** An in-memory Io for running the CLI in-process: what it printed, and stdin from a string. */
export interface CapturedIo extends Io {
  out: string;
  err: string;
}

export function captureIo(opts: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    readStdin: () => Promise.resolve(opts.stdin ?? ''),
    isTTY: false,
    env: opts.env ?? {},
  };
  return io;
}
