import type { Exchange } from './types.js';

/**
 * `--trace`: one line per exchange, `POST https://…/oauth2/token 200 143 ms`. `--trace=full` adds
 * the (already redacted) headers and bodies, indented under the line.
 */
export function traceLine(e: Exchange): string {
  if (e.kind === 'browser' && e.status === undefined) return `${e.method} ${e.url} (opened in the browser)`;
  const outcome = e.status !== undefined ? String(e.status) : `failed (${e.error ?? 'no response'})`;
  const via = e.kind === 'browser' ? ' (browser)' : '';
  const op = operationOf(e);
  return `${e.method} ${e.url}${op ? ` ${op}` : ''} ${outcome} ${Math.round(e.durationMs)} ms${via}`;
}

/** AWS APIs share one URL: the operation (X-Amz-Target, or STS's Action) tells the lines apart. */
export function operationOf(e: Exchange): string | undefined {
  const target = e.request.headers.find(([k]) => k.toLowerCase() === 'x-amz-target')?.[1];
  if (target) return target.split('.').at(-1);
  return /(?:^|&)Action=(\w+)/.exec(e.request.body ?? '')?.[1];
}

export function traceFull(e: Exchange): string {
  const lines = [traceLine(e)];
  const section = (title: string, headers: Array<[string, string]>, body: string | undefined) => {
    if (!headers.length && body === undefined) return;
    lines.push(`  ${title}`);
    for (const [k, v] of headers) lines.push(`    ${k}: ${v}`);
    if (body !== undefined) lines.push(...body.split('\n').map((l) => `    | ${l}`));
  };
  section('> request', e.request.headers, e.request.body);
  if (e.response) section('< response', e.response.headers, e.response.body);
  return lines.join('\n');
}
