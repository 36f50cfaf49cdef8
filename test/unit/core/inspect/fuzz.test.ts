import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLAIM_CATALOG, decodeToken, explainClaims, formatInspectReport, inspectExitCode, inspectReportJson, warningsFor,
} from '../../../../main/core/inspect/index.js';
import { accessPayload, b64, idPayload, NOW, RS_HEADER } from './tokens.js';

// The inspector takes anything a user pastes, so it must never throw and never hang. This pushes
// 100,000+ generated and mutated inputs through everything `inspect` runs before verification.

const RUNS = { mutated: 60_000, generated: 25_000, random: 15_000 };
const LIMIT_MS = 100;
// What the test guards against is a hang or runaway backtracking (seconds on a 300-character input),
// not speed: inputs over LIMIT_MS are re-timed, and only a re-timed best of 3 over HANG_MS fails it.
// Normal inputs take well under 1 ms, so a real blowup is far above this; load stalls are not.
const HANG_MS = 1_000;
const ZONES = ['UTC', 'Europe/Paris', 'Asia/Kolkata', 'America/St_Johns', 'Not/AZone', undefined];

const SIG = 'x'.repeat(342);
const SEEDS = [
  `${b64(RS_HEADER)}.${b64(idPayload())}.${SIG}`,
  `${b64(RS_HEADER)}.${b64(accessPayload())}.${SIG}`,
  `${b64({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })}.${'k'.repeat(342)}.aXY.${'c'.repeat(800)}.dGFn`,
  `${b64({ alg: 'none' })}.${b64(idPayload({ exp: '1682794284', nbf: 1e300 }))}.`,
  `${b64({ alg: 'HS256', typ: 'JWT', crit: ['b64'], jku: 'http://x' })}.${b64('{"sub":"a","custom:x":3,"__proto__":1}')}.c2ln`,
  'Bearer "eyJ.eyJ.sig"',
  'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0',
];

/** Characters that matter to the decoder, plus arbitrary code points (lone surrogates included). */
const oddChar = fc.oneof(
  fc.constantFrom('.', '=', '+', '/', '-', '_', ' ', '\n', '"', "'", '\u0000', '\u001b', '\u202e', '\ud800', '\udfff', 'e', 'y', 'J', '{', '}'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const snippet = fc.string({ unit: oddChar, maxLength: 12 });

type Op = { kind: 'flip' | 'insert' | 'delete' | 'swap' | 'dup' | 'wrap' | 'huge'; at: number; len: number; text: string };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constantFrom<Op['kind']>('flip', 'insert', 'delete', 'swap', 'dup', 'wrap'), weight: 40 },
    { arbitrary: fc.constant<Op['kind']>('huge'), weight: 1 },
  ),
  at: fc.nat(),
  len: fc.nat({ max: 80_000 }),
  text: snippet,
});

function mutate(seed: string, ops: Op[]): string {
  let s = seed;
  for (const o of ops) {
    const i = o.at % (s.length + 1);
    const parts = s.split('.');
    switch (o.kind) {
      case 'flip':
        s = s.slice(0, i) + (o.text || '!') + s.slice(i + 1);
        break;
      case 'insert':
        s = s.slice(0, i) + o.text + s.slice(i);
        break;
      case 'delete':
        s = s.slice(0, i) + s.slice(i + (o.len % 64) + 1);
        break;
      case 'swap': {
        const a = o.at % parts.length;
        const b = o.len % parts.length;
        [parts[a], parts[b]] = [parts[b] ?? '', parts[a] ?? ''];
        s = parts.join('.');
        break;
      }
      case 'dup':
        parts.splice(o.at % parts.length, 0, parts[o.len % parts.length] ?? '');
        s = parts.join('.');
        break;
      case 'wrap':
        s = `${o.text} Bearer ${s}${o.text}`;
        break;
      case 'huge': {
        // One segment blown up to up to 80 KB: around and over the 64 KB cap.
        const k = o.at % parts.length;
        const part = parts[k] || 'eyJ';
        parts[k] = part.repeat(Math.ceil(o.len / part.length) + 1).slice(0, o.len);
        s = parts.join('.');
        break;
      }
    }
  }
  return s;
}

const mutated = fc.tuple(fc.constantFrom(...SEEDS), fc.array(op, { minLength: 1, maxLength: 5 })).map(([seed, ops]) => mutate(seed, ops));

/** Well-formed base64url JSON with hostile values under real claim names (times as strings, NaN-ish, deep). */
const claimName = fc.oneof(fc.constantFrom(...CLAIM_CATALOG.keys(), 'custom:tier', '__proto__', 'constructor'), fc.string({ maxLength: 10 }));
const claimValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.double(),
  fc.integer({ min: -9e15, max: 9e15 }),
  fc.constantFrom(1e300, -1e300, 8.64e9, 8.64e9 + 1, 1682794284000, 0, -1),
  fc.string({ unit: oddChar, maxLength: 40 }),
);
const jsonPart = fc.oneof(
  fc.dictionary(claimName, claimValue, { maxKeys: 20 }).map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.string({ unit: oddChar, maxLength: 30 }),
);
const generated = fc.tuple(jsonPart, jsonPart, fc.constantFrom('', 'c2ln', SIG, '!!'), fc.nat({ max: 4 })).map(([h, p, s, extra]) =>
  [b64(h), b64(p), s, ...Array.from({ length: extra === 4 ? 2 : 0 }, () => 'YQ')].join('.'),
);

const random = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: oddChar, maxLength: 300 }));

describe('inspect fuzz', () => {
  it('never throws and never hangs on any of 100,000 inputs (slow runs re-timed; printed as figures)', () => {
    let count = 0;
    let maxMs = 0;
    let slowest = '';
    // Inputs over the limit are timed again: a shared 2-core box can stall any single run, but a
    // genuinely slow input (quadratic work, a hang) is slow every time.
    const overLimit: [string, string | undefined][] = [];
    const started = performance.now();
    const pipeline = (input: string, zone: string | undefined): number => {
      const t0 = performance.now();
      const decoded = decodeToken(input);
      const claims = decoded.payload ? explainClaims(decoded.payload, { now: NOW, ...(zone ? { timeZone: zone } : {}) }) : [];
      const warnings = warningsFor(decoded, { now: NOW, expectedAudience: 'c', expectedTokenUse: 'id', expectedIssuer: 'https://i', jwksKids: ['k'] });
      const text = formatInspectReport({ decoded, claims, warnings }, { color: zone === 'UTC' });
      JSON.stringify(inspectReportJson({ decoded, claims, warnings }));
      inspectExitCode(decoded, undefined);
      const ms = performance.now() - t0;
      if (typeof text !== 'string') throw new Error('report is not a string');
      return ms;
    };
    const zone = fc.constantFrom(...ZONES);
    for (const [arb, numRuns] of [[mutated, RUNS.mutated], [generated, RUNS.generated], [random, RUNS.random]] as const) {
      fc.assert(
        fc.property(arb, zone, (input, z) => {
          const ms = pipeline(input, z);
          count += 1;
          if (ms > maxMs) {
            maxMs = ms;
            slowest = `${input.length} chars: ${JSON.stringify(input.slice(0, 40))}`;
          }
          if (ms >= LIMIT_MS && overLimit.length < 50) overLimit.push([input, z]);
        }),
        { numRuns, seed: 4242 + numRuns },
      );
    }
    const totalS = (performance.now() - started) / 1000;
    const confirmed = overLimit.map(([input, z]) => Math.min(pipeline(input, z), pipeline(input, z), pipeline(input, z)));
    const confirmedMax = Math.max(0, ...confirmed);
    console.log(
      `inspect fuzz: ${count} inputs in ${totalS.toFixed(1)} s; slowest single run ${maxMs.toFixed(2)} ms (${slowest}); ` +
        `${overLimit.length} run(s) over ${LIMIT_MS} ms, slowest of those when re-timed (best of 3): ${confirmedMax.toFixed(2)} ms`,
    );
    expect(count).toBeGreaterThanOrEqual(100_000);
    expect(confirmedMax).toBeLessThan(HANG_MS);
  }, 120_000);
});
