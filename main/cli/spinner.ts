import type { Io } from './output.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** On a terminal: a spinner with the URL and the time left, on stderr. Elsewhere: one line. */
export function startSpinner(io: Io, url: string, deadline: number): { stop(): void } {
  if (!io.isTTY) {
    io.stderr(`waiting for the browser sign-in (${url})\n`);
    return { stop: () => undefined };
  }
  let i = 0;
  const draw = () => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    const mmss = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    io.stderr(`\r${FRAMES[i++ % FRAMES.length]} waiting for the browser sign-in, ${mmss} left (Ctrl-C cancels)  ${url}\x1b[K`);
  };
  draw();
  const timer = setInterval(draw, 100);
  return {
    stop: () => {
      clearInterval(timer);
      io.stderr('\r\x1b[K');
    },
  };
}
