import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../main/core/ports.js';
import type { EmulatorConfig } from '../config-schema.js';
import type { CodeGrant, HostedSession, RefreshGrant } from './grants.js';
import { UserDirectory, type PoolUser } from './users.js';

/** Codes are single-use and "valid for five minutes". */
export const CODE_TTL_MS = 5 * 60 * 1000;
/** The hosted-UI session cookie lasts one hour, whatever the token lifetimes. */
export const SESSION_TTL_MS = 60 * 60 * 1000;

/** A pending `identity_provider=Google` round trip: the authorize query to resume at /oauth2/idpresponse. */
export interface PendingFederation {
  query: string;
  expiresAt: number;
}

/** A refresh-token record as kept across restarts: the grant, under the token's SHA-256 only. */
export interface StoredRefreshGrant extends RefreshGrant {
  /** base64url SHA-256 of the token: a stolen state file holds no usable token. */
  hash: string;
}

/** The part of the store that outlives a restart with `--state` (state/pool-state.ts). */
export interface DurableState {
  users: PoolUser[];
  refreshTokens: StoredRefreshGrant[];
  revokedOrigins: string[];
}

/**
 * All mutable emulator state, in memory; maps are swept lazily on lookup. With `--state`, the
 * durable part (added users, refresh-token records, revocations) is written out after each change
 * through `onChange`; codes and hosted-UI sessions are never kept, as they are short-lived.
 */
export class Store {
  readonly users: UserDirectory;
  private readonly codes = new Map<string, CodeGrant>();
  /** Keyed by the token's hash, as a real server would keep them. */
  private readonly refresh = new Map<string, RefreshGrant>();
  private readonly sessions = new Map<string, HostedSession>();
  private readonly revokedOrigins = new Set<string>();
  private readonly pending = new Map<string, PendingFederation>();
  /** Simulated Google: its own session (account sub) and its authorization codes. */
  private readonly googleSessions = new Map<string, string>();
  private readonly googleCodes = new Map<string, { sub: string; expiresAt: number }>();

  /** Told after every change to the durable part. */
  onChange: () => void = () => undefined;

  constructor(
    config: EmulatorConfig,
    private readonly clock: Clock,
  ) {
    this.users = new UserDirectory(config, () => this.onChange());
  }

  /** The durable part, without expired records. */
  durable(): DurableState {
    const now = this.clock.now();
    const refreshTokens: StoredRefreshGrant[] = [];
    for (const [hash, grant] of this.refresh) {
      if (grant.expiresAt > now && (grant.retiredUntil === undefined || grant.retiredUntil > now)) refreshTokens.push({ ...grant, hash });
    }
    return { users: this.users.added(), refreshTokens, revokedOrigins: [...this.revokedOrigins] };
  }

  /** Loads a durable part saved by an earlier run (before any request is served). */
  restore(state: DurableState): void {
    for (const user of state.users) if (this.users.get(user.username) === undefined) this.users.add(user, { silent: true });
    for (const { hash, ...grant } of state.refreshTokens) this.refresh.set(hash, grant);
    for (const origin of state.revokedOrigins) this.revokedOrigins.add(origin);
  }

  issueCode(grant: Omit<CodeGrant, 'expiresAt'>): string {
    const code = randomUUID();
    this.codes.set(code, { ...grant, expiresAt: this.clock.now() + CODE_TTL_MS });
    return code;
  }

  /** Returns the grant and forgets it: a second use of the same code finds nothing. */
  consumeCode(code: string): CodeGrant | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (grant === undefined || grant.expiresAt <= this.clock.now()) return undefined;
    return grant;
  }

  issueRefreshToken(grant: RefreshGrant): string {
    const token = opaqueRefreshToken();
    this.refresh.set(tokenHash(token), grant);
    this.onChange();
    return token;
  }

  /** The live grant behind a refresh token, or undefined when unknown, expired, revoked or retired. */
  findRefreshToken(token: string): RefreshGrant | undefined {
    const key = tokenHash(token);
    const grant = this.refresh.get(key);
    if (grant === undefined) return undefined;
    const now = this.clock.now();
    if (grant.expiresAt <= now || this.revokedOrigins.has(grant.originJti)) {
      this.refresh.delete(key);
      return undefined;
    }
    if (grant.retiredUntil !== undefined && grant.retiredUntil <= now) {
      this.refresh.delete(key);
      return undefined;
    }
    return grant;
  }

  peekRefreshToken(token: string): RefreshGrant | undefined {
    return this.refresh.get(tokenHash(token));
  }

  /** Rotation: the old token lives on for the grace period only (0 = gone at once). */
  retireRefreshToken(token: string, graceSeconds: number): void {
    const key = tokenHash(token);
    const grant = this.refresh.get(key);
    if (grant === undefined) return;
    const until = this.clock.now() + graceSeconds * 1000;
    if (graceSeconds === 0) this.refresh.delete(key);
    else if (grant.retiredUntil === undefined) grant.retiredUntil = until;
    this.onChange();
  }

  revokeOrigin(originJti: string): void {
    this.revokedOrigins.add(originJti);
    this.onChange();
  }

  isRevoked(originJti: string): boolean {
    return this.revokedOrigins.has(originJti);
  }

  createSession(username: string, authTime: number): string {
    const id = randomBytes(24).toString('base64url');
    this.sessions.set(id, { username, authTime, expiresAt: this.clock.now() + SESSION_TTL_MS });
    return id;
  }

  findSession(id: string | undefined): HostedSession | undefined {
    if (id === undefined) return undefined;
    const s = this.sessions.get(id);
    if (s === undefined) return undefined;
    if (s.expiresAt <= this.clock.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return s;
  }

  endSession(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  startFederation(query: string): string {
    const key = randomBytes(24).toString('base64url');
    this.pending.set(key, { query, expiresAt: this.clock.now() + CODE_TTL_MS * 2 });
    return key;
  }

  takeFederation(key: string): PendingFederation | undefined {
    const p = this.pending.get(key);
    this.pending.delete(key);
    return p !== undefined && p.expiresAt > this.clock.now() ? p : undefined;
  }

  googleSignIn(sub: string): string {
    const id = randomBytes(24).toString('base64url');
    this.googleSessions.set(id, sub);
    return id;
  }

  googleSession(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.googleSessions.get(id);
  }

  issueGoogleCode(sub: string): string {
    const code = `4/0${randomBytes(32).toString('base64url')}`;
    this.googleCodes.set(code, { sub, expiresAt: this.clock.now() + CODE_TTL_MS });
    return code;
  }

  consumeGoogleCode(code: string): string | undefined {
    const g = this.googleCodes.get(code);
    this.googleCodes.delete(code);
    return g !== undefined && g.expiresAt > this.clock.now() ? g.sub : undefined;
  }
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Cognito refresh tokens are ~1.7 KB compact JWEs (RSA-OAEP + A256GCM) that only Cognito can read.
 * This one has the same shape and size but is a random handle into the store.
 */
function opaqueRefreshToken(): string {
  const header = Buffer.from('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}').toString('base64url');
  const part = (n: number): string => randomBytes(n).toString('base64url');
  return [header, part(256), part(12), part(900), part(16)].join('.');
}
