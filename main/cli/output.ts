import { AppError, isAppError, type ErrorInfo } from '../core/errors/app-error.js';
import { isInputErrorCode, type ErrorCode } from '../core/errors/codes.js';
import { clean } from '../core/text/clean.js';
import type { Recorder } from '../core/trace/recorder.js';

/** Where the CLI writes. Injected so tests run commands in-process and read what they printed. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Where HTTP exchanges are written when --trace or --har asked for them. */
  trace?: Recorder;
  /** The width of the terminal stderr writes to; undefined when stderr is not a terminal (no redraws then). */
  stderrColumns?(): number | undefined;
  /** The width of the terminal stdout writes to; undefined when stdout is not a terminal (a pipe: no wrapping). */
  stdoutColumns?(): number | undefined;
  /** Whether stdin is a terminal (a person typing, not a pipe). */
  stdinIsTTY?: boolean;
}

/** The fetch commands hand to core: the recorder's when tracing, else the global one. */
export function fetchFor(io: Io, profile?: string): typeof fetch {
  return io.trace ? io.trace.wrap(globalThis.fetch, profile !== undefined ? { profile } : {}) : globalThis.fetch;
}

export const processIo: Io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  stderrColumns: () => (process.stderr.isTTY ? process.stderr.columns || 80 : undefined),
  stdoutColumns: () => (process.stdout.isTTY ? process.stdout.columns || 80 : undefined),
  stdinIsTTY: Boolean(process.stdin.isTTY),
};

/** Exit codes are a contract: 0 success, 1 a failure the user can act on, 2 bad usage or input. */
export function exitCodeFor(code: ErrorCode): 1 | 2 {
  return isInputErrorCode(code) ? 2 : 1;
}

/** One line `error[CODE]: message`, then `hint: ...`. A stack only with --debug. */
export function printError(io: Io, err: unknown, debug: boolean): 1 | 2 {
  const info: ErrorInfo = isAppError(err)
    ? err.toInfo()
    : { code: 'INTERNAL', message: 'unexpected failure', hint: 'run again with --debug and report it' };
  printDiagnostic(io, 'error', info.code, info.message, info.hint);
  if (debug && err instanceof Error) io.stderr(`${err.stack ?? ''}\n${err.cause instanceof Error ? `cause: ${err.cause.stack}\n` : ''}`);
  return exitCodeFor(info.code);
}

/** `warning[CODE]: message`, then `hint: ...` when there is one: wrapped on a terminal like an error. */
export function printWarning(io: Io, code: string, message: string, hint?: string): void {
  printDiagnostic(io, 'warning', code, message, hint);
}

/** `KIND[CODE]: message` and `hint: ...` on stderr, each one line, broken between words on a terminal. */
function printDiagnostic(io: Io, kind: 'error' | 'warning', code: string, message: string, hint?: string): void {
  const columns = io.stderrColumns?.();
  const fit = (line: string) => (columns ? wrapWords(line, columns) : line);
  io.stderr(`${fit(`${kind}[${code}]: ${oneLine(message)}`)}\n${hint !== undefined ? `${fit(`hint: ${oneLine(hint)}`)}\n` : ''}`);
}

/** Messages can carry a server's words (error_description): one line, no terminal control sequences. */
const oneLine = (s: string) => clean(s.replace(/\s*\n\s*/g, ' '));

/** On a terminal, breaks a line between words so the terminal does not split one (continuations indented). */
export function wrapWords(line: string, columns: number): string {
  const width = Math.max(20, columns - 1);
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && [...candidate].length > width) {
      out.push(current);
      current = `  ${word}`;
    } else current = candidate;
  }
  out.push(current);
  return out.join('\n');
}

/**
 * Breaks `text` between words to fit `columns`, the first line after `first` and every further one
 * after `indent` spaces (a hanging indent), never reaching the last column. A single word longer than
 * the room (a URL, an ARN) keeps its line whole rather than being cut where it could not be copied.
 */
export function wrapHanging(first: string, text: string, indent: number, columns: number): string[] {
  const out: string[] = [];
  const room = (prefix: string) => Math.max(20, columns - 1 - [...prefix].length);
  let prefix = first;
  let current = '';
  for (const word of text.split(/ +/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && [...candidate].length > room(prefix)) {
      out.push(prefix + current);
      prefix = ' '.repeat(indent);
      current = word;
    } else current = candidate;
  }
  out.push(prefix + current);
  return out;
}

export function printJson(io: Io, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}

export function usage(message: string, hint: string): AppError {
  return new AppError('BAD_USAGE', message, hint);
}
