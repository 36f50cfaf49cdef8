import { hostname } from 'node:os';
import type { AppError } from '../core/errors/app-error.js';
import type { Io } from './output.js';

/** What `login` prints before it waits: the URL once, on its own line, and how to reach it. */
export function announceStart(io: Io, info: { port: number; startUrl: string }, openBrowser: boolean): void {
  if (openBrowser) {
    io.stderr(`opening your browser at\n  ${info.startUrl}\n`);
    return;
  }
  io.stderr(`open this URL in a browser that can reach this machine:\n  ${info.startUrl}\n${sshHint(io.env, info.port)}\n`);
}

/**
 * --no-browser over SSH: the URL names localhost, which on the person's own machine is not this one
 * until the port is forwarded. The host is the address they connected to, when SSH says so.
 */
export function sshHint(env: NodeJS.ProcessEnv, port: number): string {
  const server = env.SSH_CONNECTION?.trim().split(/\s+/)[2];
  const host = `${env.USER ? `${env.USER}@` : ''}${server ?? hostname()}`;
  const where = server ? 'this is an SSH session: on your own machine' : 'from another machine';
  return `${where}, forward the port first, then open the URL there:\n  ssh -N -L ${port}:localhost:${port} ${host}`;
}

/** The browser did not start: say so at once, with the URL to open by hand. */
export function browserFailedText(err: AppError, startUrl: string): string {
  const reason = typeof err.details?.reason === 'string' ? err.details.reason : err.message.replace(/\.$/, '');
  return `warning[${err.code}]: ${reason}\nopen this URL in a browser on this machine:\n  ${startUrl}\n` +
    'hint: pass --browser-command CMD to use another browser; over SSH use --no-browser\n';
}
