import type { Io } from './output.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Spinner {
  /** Prints text on its own lines (the spinner line is cleared first and redrawn after). */
  note(text: string): void;
  stop(): void;
}

/** The spinner's words, longest first: the longest that fits the terminal is drawn. */
export function spinnerLine(frame: string, secondsLeft: number, columns: number): string {
  const mmss = `${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, '0')}`;
  const forms = [
    `${frame} waiting for the browser sign-in, ${mmss} left (Ctrl-C cancels)`,
    `${frame} waiting for the browser sign-in, ${mmss} left`,
    `${frame} waiting for sign-in, ${mmss} left`,
    `${frame} ${mmss}`,
  ];
  // One column spare: writing into the last column makes some terminals wrap (each redraw a new line).
  return forms.find((f) => [...f].length < columns) ?? forms.at(-1)!.slice(0, Math.max(1, columns - 1));
}

/**
 * Waiting for the browser, on stderr. On a terminal: one line redrawn in place, never wider than the
 * terminal (the URL is printed before it, once, on its own line, so it is never split or scrolled
 * away). Not a terminal: one line and no redraws.
 */
export function startSpinner(io: Io, deadline: number): Spinner {
  const secondsLeft = () => Math.max(0, Math.round((deadline - Date.now()) / 1000));
  if (io.stderrColumns?.() === undefined) {
    const s = secondsLeft();
    io.stderr(`waiting for the browser sign-in (gives up after ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}; Ctrl-C cancels)\n`);
    return { note: (text) => io.stderr(text), stop: () => undefined };
  }
  let i = 0;
  const draw = () => io.stderr(`\r${spinnerLine(FRAMES[i++ % FRAMES.length]!, secondsLeft(), io.stderrColumns?.() ?? 80)}\x1b[K`);
  draw();
  const timer = setInterval(draw, 100);
  return {
    note: (text) => {
      io.stderr(`\r\x1b[K${text}`);
      draw();
    },
    stop: () => {
      clearInterval(timer);
      io.stderr('\r\x1b[K');
    },
  };
}
