import { catalogEntry } from './claim-catalog.js';
import { claimTime, isNumericDate } from './times.js';
import type { ClaimExplanation, TokenUse } from './types.js';

export interface ExplainOptions {
  /** Milliseconds since the epoch. */
  now: number;
  tokenUse?: TokenUse;
  /** IANA zone for the "local" time; the process's zone when absent. */
  timeZone?: string;
}

/** A line for every claim, in the token's own order. Never throws. */
export function explainClaims(payload: Record<string, unknown>, opts: ExplainOptions): ClaimExplanation[] {
  if (payload === null || typeof payload !== 'object') return [];
  const tokenUse = opts.tokenUse ?? asTokenUse(payload['token_use']);
  const out: ClaimExplanation[] = [];
  for (const [name, value] of Object.entries(payload)) {
    const spec = catalogEntry(name);
    let explanation = 'not a standard claim';
    if (spec) {
      try {
        explanation = typeof spec.explain === 'string' ? spec.explain : spec.explain(value, tokenUse ? { tokenUse } : {});
      } catch {
        explanation = 'could not be explained';
      }
    }
    const entry: ClaimExplanation = { name, value, explanation };
    if (spec?.time) {
      if (isNumericDate(value)) entry.time = claimTime(spec.time, value, opts.now, opts.timeZone);
      else entry.explanation += ' (not a number of seconds, so not a valid time)';
    }
    out.push(entry);
  }
  return out;
}

function asTokenUse(v: unknown): TokenUse | undefined {
  return v === 'id' || v === 'access' ? v : undefined;
}
