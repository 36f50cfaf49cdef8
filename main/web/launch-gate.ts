import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may use the browser shell: whoever opened the one printed URL first. That URL carries a
 * per-launch secret (256 bits) which is exchanged, once, for a session cookie with another random
 * value; the secret is then spent, so a URL found later in a shell history or a screenshot opens
 * nothing. Comparisons are constant-time (over hashes, so lengths never leak either).
 */
export interface LaunchGate {
  /** Only for building the printed URL; never logged. */
  readonly secret: string;
  /** The session value for the cookie on the first correct secret; undefined otherwise (and for every reuse). */
  exchange(candidate: string | null | undefined): string | undefined;
  /** Whether a cookie value is the session this launch handed out. */
  isSession(candidate: string | undefined): boolean;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

export function createLaunchGate(random: (bytes: number) => Buffer = randomBytes): LaunchGate {
  const secret = random(32).toString('base64url');
  let spent = false;
  let session: string | undefined;
  return {
    secret,
    exchange(candidate) {
      if (spent || typeof candidate !== 'string' || !sameSecret(candidate, secret)) return undefined;
      spent = true;
      session = random(32).toString('base64url');
      return session;
    },
    isSession(candidate) {
      return session !== undefined && typeof candidate === 'string' && sameSecret(candidate, session);
    },
  };
}
