import { spawn } from '@lydell/node-pty';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/index.js';
import { EMULATOR_CLIENT, freshHome, ROOT, runCli } from './support.js';

/**
 * `doctor` in a real 80-column pseudo-terminal, as a person reads it: findings and their fixes
 * (long `aws cognito-idp …` commands and console paths) wrap between words with a hanging indent
 * under their own column, and no line reaches the last column (where the terminal would break it
 * mid-word itself). Piped, the same report keeps one line per finding and fix, for grep.
 */
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => emulator?.stop());

/** A callback URL the client lacks: a failure whose fix is a long console path and `aws` command. */
const ARGS = () => ['doctor', '--issuer', emulator.issuer, '--client-id', EMULATOR_CLIENT, '--redirect-uri', 'http://localhost:53999/callback', '--scope', 'openid offline_access aws.cognito.signin.user.admin'];

function inTerminal(args: string[], home: string, cols: number): Promise<{ output: string; exitCode: number }> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), COGNITO_INSPECTOR_HOME: home, NO_COLOR: '1' };
  const pty = spawn(process.execPath, [join(ROOT, 'bin/cognito-inspector.js'), ...args], { cols, rows: 60, cwd: ROOT, env, name: 'xterm' });
  let output = '';
  pty.onData((d) => (output += d));
  return new Promise((resolve) => pty.onExit(({ exitCode }) => resolve({ output, exitCode })));
}

describe('doctor on a terminal', () => {
  it('at 80 columns: every line narrower than the terminal, fixes wrapped with a hanging indent under "fix:"', async () => {
    const home = await freshHome();
    const { output, exitCode } = await inTerminal(ARGS(), home, 80);
    expect(exitCode).toBe(1);
    const lines = output.split(/\r?\n/).filter((l) => l !== '');
    // Narrower than the terminal, unless the line holds one word that no line could (a long URL: kept
    // whole so it can still be copied).
    for (const l of lines) if ([...l].length >= 80) expect(l, l).toMatch(/^ {2}(pass|warn|FAIL|skip) +\S+ +\S{50,}$/);
    expect(lines.filter((l) => [...l].length >= 80).length).toBeLessThanOrEqual(1);

    const piped = await runCli(ARGS(), { home: await freshHome() });
    expect(piped.code).toBe(1);
    const pipedLines = piped.stdout.split('\n').filter((l) => l !== '');
    // The terminal shows the same words as the pipe, only broken differently.
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(pipedLines.join(' ').replace(/\s+/g, ' '));
    expect(Math.max(...pipedLines.map((l) => l.length))).toBeGreaterThan(80); // so the wrapping was needed

    // Each fix: "fix:" at the subject's column, its continuation lines indented past "fix: ".
    const fixAt = lines.findIndex((l) => /^ +fix: /.test(l) && pipedLines.some((p) => p.startsWith(l) && p.length > l.length));
    expect(fixAt).toBeGreaterThan(0);
    const column = lines[fixAt]!.indexOf('fix: ');
    expect(column).toBe(27); // under the subject: 2 + 4 + 2 + "identity-provider".length + 2
    expect(lines[fixAt + 1]).toMatch(new RegExp(`^ {${column + 'fix: '.length}}\\S`));
    // Findings continue under the subject column, fixes under the text after "fix: ", never at the margin.
    const findings = lines.slice(lines.findIndex((l) => /^ {2}(pass|warn|FAIL|skip) /.test(l)), -1);
    for (const l of findings) expect(l).toMatch(/^ {2}(pass|warn|FAIL|skip) {2}\S|^ {27}\S|^ {32}\S/);
  });
});
