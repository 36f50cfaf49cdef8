import { spawn } from '@lydell/node-pty';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { EMULATOR_CLIENT, errorOf, freshHome, isFree, ROOT, runCli } from './support.js';

/**
 * `login` in a real pseudo-terminal, as a person sees it: the URL printed once on its own line, a
 * spinner that never reaches the terminal's last column (so a redraw never adds a line), error
 * text broken between words; and no redraws at all when stderr is a pipe.
 */
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => emulator?.stop());

/** Runs the CLI in a pty of `cols` columns until it exits; everything the terminal received. */
function inTerminal(args: string[], home: string, cols: number): Promise<{ output: string; exitCode: number }> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), COGNITO_INSPECTOR_HOME: home, NO_COLOR: '1' };
  delete env.BROWSER;
  const pty = spawn(process.execPath, [join(ROOT, 'bin/cognito-inspector.js'), ...args], { cols, rows: 30, cwd: ROOT, env, name: 'xterm' });
  let output = '';
  pty.onData((d) => (output += d));
  return new Promise((resolve) => pty.onExit(({ exitCode }) => resolve({ output, exitCode })));
}

/** What each redraw leaves visible: the text between carriage returns, escape sequences removed. */
const CSI = new RegExp(String.raw`\u001b\[[0-9;?]*[A-Za-z]`, 'g');
const segments = (output: string) => output.split(/\r\n|\n/).flatMap((line) => line.split('\r')).map((s) => s.replace(CSI, ''));

describe('login on a terminal', () => {
  it.each([80, 60])('at %i columns: the URL once on its own line, every spinner frame narrower than the terminal', async (cols) => {
    const home = await freshHome();
    const { output, exitCode } = await inTerminal(['login', '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT, '--browser-command', '/bin/true', '--timeout', '2'], home, cols);
    expect(exitCode).toBe(1);
    const lines = segments(output);
    const frames = lines.filter((l) => /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /.test(l));
    expect(frames.length).toBeGreaterThan(5); // it did redraw
    for (const f of [...lines]) expect([...f].length, f).toBeLessThan(cols);
    expect(frames[0]).toMatch(/^⠋ waiting for the browser sign-in, 0:0[12] left/);
    // The URL: exactly once, alone on its line, never inside a spinner frame.
    expect(output.match(/http:\/\/localhost:\d+\/start\//g)).toHaveLength(1);
    expect(lines).toContain('opening your browser at');
    expect(lines.some((l) => /^ {2}http:\/\/localhost:\d+\/start\/[\w-]{22}$/.test(l))).toBe(true);
    // The error, broken between words (each piece is whole words of the message).
    const errorLines = lines.slice(lines.findIndex((l) => l.startsWith('error[LOGIN_TIMEOUT]')));
    expect(errorLines.join(' ').replace(/\s+/g, ' ')).toContain('Finish signing in within the time limit (--timeout SECONDS), or use --no-browser');
    for (const l of errorLines.filter(Boolean)) expect(l).toMatch(/^(error\[|hint: | {2}\S)/);
    expect(await isFree(53682)).toBe(true);
  });

  it('stderr not a terminal: no carriage returns, no redraws, one waiting line', async () => {
    const home = await freshHome();
    const r = await runCli(['login', '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT, '--browser-command', '/bin/true', '--timeout', '2'], { home });
    expect({ exit: r.code, code: errorOf(r.stderr).code }).toEqual({ exit: 1, code: 'LOGIN_TIMEOUT' });
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr.match(/^waiting for the browser sign-in/gm)).toEqual(['waiting for the browser sign-in']);
    expect(r.stderr).toMatch(/^opening your browser at\n {2}http:\/\/localhost:\d+\/start\/[\w-]{22}\n/m);
  });
});
