import { clean } from '../text/clean.js';
import type { InspectReportInput } from './types.js';

export interface FormatOptions {
  color: boolean;
  /** Accepted for symmetry with explainClaims; times arrive already formatted in the claims. */
  timeZone?: string;
}

const MAX_VALUE_CHARS = 120;
const MAX_ITEMS_PER_SECTION = 500;

/**
 * Human text for `inspect`. Token content is attacker-controlled, so every string from it has its
 * control characters escaped (no terminal escape sequences) and is capped in length.
 */
export function formatInspectReport(r: InspectReportInput, opts: FormatOptions): string {
  const c = palette(opts.color);
  const lines: string[] = [];
  const { decoded } = r;
  const unsigned = decoded.kind === 'jwt' && (!decoded.signaturePresent || String(decoded.header?.alg).toLowerCase() === 'none');
  lines.push(c.bold(`Token: ${kindLabel(decoded.kind)}`) + `, ${decoded.raw.length} characters${decoded.kind === 'jwt' ? (unsigned ? ', unsigned' : ', with a signature') : ''}`);
  for (const n of decoded.notes) lines.push(`  note: ${clean(n, 300)}`);
  if (decoded.problems.length) {
    lines.push('', c.bold('Problems'));
    for (const p of cap(decoded.problems)) lines.push(`  ${c.red('✗')} ${p.part}: ${clean(p.message, 300)}`);
    more(decoded.problems, lines);
  }
  if (decoded.header || decoded.headerText !== undefined) {
    lines.push('', c.bold('Header'));
    if (decoded.header) {
      const entries = Object.entries(decoded.header);
      for (const [k, v] of cap(entries)) lines.push(`  ${clean(k, 40).padEnd(8)} ${valueText(v)}`);
      more(entries, lines);
    } else lines.push(`  (not JSON) ${clean(decoded.headerText ?? '', 300)}`);
  }
  if (decoded.payload || decoded.payloadText !== undefined) {
    lines.push('', c.bold('Claims'));
    if (decoded.payloadText !== undefined && !decoded.payload) lines.push(`  (not JSON) ${clean(decoded.payloadText, 300)}`);
    const width = Math.min(24, cap(r.claims).reduce((w, cl) => Math.max(w, clean(cl.name, 40).length), 6));
    for (const cl of cap(r.claims)) {
      lines.push(`  ${c.cyan(clean(cl.name, 40).padEnd(width))} ${valueText(cl.value)}`);
      lines.push(`  ${' '.repeat(width)} ${c.dim(clean(cl.explanation, 300))}`);
      if (cl.time) lines.push(`  ${' '.repeat(width)} ${cl.time.utc} | ${cl.time.local} | ${cl.time.relative}`);
    }
    more(r.claims, lines);
  }
  if (r.warnings.length) {
    lines.push('', c.bold('Warnings'));
    for (const w of cap(r.warnings)) lines.push(`  ${c.yellow('!')} ${clean(w.code, 40)}: ${clean(w.message, 300)}`);
    more(r.warnings, lines);
  }
  lines.push('', verificationText(r, c));
  return lines.join('\n') + '\n';
}

function verificationText(r: InspectReportInput, c: Palette): string {
  const v = r.verification;
  if (!v) return c.bold('Verification: not attempted') + ' (decoding is not verification: anyone can write these claims)';
  const status = v.status === 'valid' ? c.green('VALID') : v.status === 'invalid' ? c.red('INVALID')
    : v.status === 'unpinned' ? c.yellow('SIGNED BY THE ISSUER IT NAMES (issuer not pinned)') : c.yellow('UNVERIFIED');
  const lines = [`${c.bold('Verification:')} ${status}${v.keySource ? ` (keys: ${clean(v.keySource, 300)})` : ''}`];
  if (v.pinnedBy) lines.push(`  keys pinned by ${clean(v.pinnedBy, 200)}`);
  for (const ch of v.checks) lines.push(`  ${ch.skipped ? c.dim('-') : ch.warning ? c.yellow('!') : ch.ok ? c.green('✓') : c.red('✗')} ${ch.name.padEnd(9)} ${clean(ch.detail, 300)}`);
  lines.push(`  clock tolerance ${v.clockToleranceSeconds} s`);
  if (v.error) {
    lines.push(`  error[${v.error.code}]: ${clean(v.error.message, 300)}`);
    lines.push(`  hint: ${clean(v.error.hint, 300)}`);
  }
  return lines.join('\n');
}

function kindLabel(kind: string): string {
  return kind === 'jwt' ? 'JWT (JWS)' : kind === 'jwe' ? 'JWE (encrypted)' : kind === 'opaque' ? 'opaque (not a JWT)' : 'not a JWT';
}

function valueText(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    s = '[unprintable]';
  }
  return clean(s, MAX_VALUE_CHARS);
}

function cap<T>(items: T[]): T[] {
  return items.length > MAX_ITEMS_PER_SECTION ? items.slice(0, MAX_ITEMS_PER_SECTION) : items;
}

function more(items: unknown[], lines: string[]): void {
  if (items.length > MAX_ITEMS_PER_SECTION) lines.push(`  … ${items.length - MAX_ITEMS_PER_SECTION} more not shown (use --json)`);
}

type Palette = Record<'bold' | 'red' | 'green' | 'yellow' | 'cyan' | 'dim', (s: string) => string>;

function palette(color: boolean): Palette {
  const wrap = (code: number, reset: number) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[${reset}m` : s);
  return { bold: wrap(1, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22) };
}
