import { resolve } from 'node:path';
import { AppError } from '../core/errors/app-error.js';
import { systemClock } from '../core/ports.js';
import { writeFileAtomic } from '../core/profiles/atomic-write.js';
import { toHar } from '../core/trace/har.js';
import { traceFull, traceLine } from '../core/trace/format.js';
import { createRecorder } from '../core/trace/recorder.js';
import type { Io } from './output.js';
import { cleanBlock } from '../core/text/clean.js';

/**
 * The global --trace[=full] and --har FILE: a recorder for this invocation, its lines on stderr
 * as exchanges complete, and the HAR file written (atomically, mode 0600) when the command ends,
 * whether it succeeded or not: a failed sign-in is what one most wants to look at.
 */
export interface TraceFlags {
  trace?: 'lines' | 'full';
  har?: string;
}

/** `--trace` alone means lines; commander would otherwise take the next word as its value. */
export function normalizeTraceArgs(argv: string[]): string[] {
  return argv.map((a) => (a === '--trace' ? '--trace=lines' : a));
}

export function startTrace(io: Io, flags: TraceFlags): { io: Io; finish(): Promise<void> } | undefined {
  if (!flags.trace && !flags.har) return undefined;
  const recorder = createRecorder({ clock: systemClock, limit: 10_000 });
  const print = flags.trace === 'full' ? traceFull : flags.trace ? traceLine : undefined;
  // Traced bodies and headers are the servers' words: no terminal control sequences from them.
  if (print) recorder.subscribe((e) => io.stderr(`${cleanBlock(print(e))}\n`));
  return {
    io: { ...io, trace: recorder },
    async finish() {
      if (!flags.har) return;
      const path = resolve(flags.har);
      const har = toHar(recorder.list(), process.env.npm_package_version ?? '0.1.0');
      try {
        await writeFileAtomic(path, JSON.stringify(har, null, 2) + '\n', 0o600);
      } catch (cause) {
        throw new AppError('INVALID_INPUT', `could not write the HAR file ${path}: ${(cause as Error).message}`, 'give --har a path in a writable directory', { cause });
      }
    },
  };
}
