import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { EmulatorConfig, UserConfig } from '../config-schema.js';

/** A Google identity linked to a federated user, as Cognito's `identities` attribute holds it. */
export interface LinkedIdentity {
  userId: string;
  providerName: string;
  providerType: string;
  dateCreated: number;
}

/** A user of the pool: seeded from the config, created at /signup, or federated from Google. */
export interface PoolUser {
  username: string;
  /** Seeded users' configured password (the config shows it anyway). */
  password?: string;
  /** Users created at /signup: `scrypt$<salt>$<hash>`, so a kept state file holds no password. */
  passwordHash?: string;
  sub: string;
  email?: string;
  emailVerified: boolean;
  groups: string[];
  attributes: Record<string, string>;
  identities?: LinkedIdentity[];
  status: 'CONFIRMED' | 'UNCONFIRMED' | 'EXTERNAL_PROVIDER';
}

/** A stable UUID-shaped sub for a user without one, so tokens keep their subject across restarts. */
export function derivedSub(poolId: string, username: string): string {
  const h = createHash('sha256').update(`${poolId}/${username}`).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Federated users have neither a password nor a hash: they cannot sign in with a password. */
export function passwordMatches(user: PoolUser, password: string): boolean {
  if (user.password !== undefined) return user.password === password;
  const [scheme, salt, hash] = (user.passwordHash ?? '').split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(password, Buffer.from(salt, 'base64url'), expected.length);
  return expected.length > 0 && timingSafeEqual(expected, actual);
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(password, salt, 32).toString('base64url')}`;
}

/** Usernames are case-insensitive, as in pools created with the current Cognito defaults. */
export class UserDirectory {
  private readonly users = new Map<string, PoolUser>();
  /** Users not from the config (sign-ups, federated): the ones a kept state has to remember. */
  private readonly addedNames = new Set<string>();

  constructor(
    private readonly config: EmulatorConfig,
    private readonly onChange: () => void = () => undefined,
  ) {
    for (const u of config.userPool.users) this.users.set(u.username.toLowerCase(), fromConfig(config.userPool.id, u));
  }

  get(username: string): PoolUser | undefined {
    return this.users.get(username.toLowerCase());
  }

  add(user: PoolUser, opts: { silent?: boolean } = {}): PoolUser {
    const key = user.username.toLowerCase();
    this.users.set(key, user);
    this.addedNames.add(key);
    if (!opts.silent) this.onChange();
    return user;
  }

  added(): PoolUser[] {
    return [...this.addedNames].map((k) => this.users.get(k)).filter((u): u is PoolUser => u !== undefined);
  }

  /** Finds or creates the federated user `Google_<sub>` in the pool's `<poolId>_Google` group. */
  federatedGoogle(account: { sub: string; email: string; name: string }, nowMs: number): PoolUser {
    const username = `Google_${account.sub}`;
    const existing = this.get(username);
    if (existing !== undefined) return existing;
    const poolId = this.config.userPool.id;
    return this.add({
      username,
      sub: derivedSub(poolId, username),
      email: account.email,
      // Cognito leaves email_verified false for Google users unless an attribute mapping sets it.
      emailVerified: false,
      groups: [`${poolId}_Google`],
      attributes: account.name === '' ? {} : { name: account.name },
      identities: [{ userId: account.sub, providerName: 'Google', providerType: 'Google', dateCreated: nowMs }],
      status: 'EXTERNAL_PROVIDER',
    });
  }
}

function fromConfig(poolId: string, u: UserConfig): PoolUser {
  const user: PoolUser = {
    username: u.username,
    password: u.password,
    sub: u.sub ?? derivedSub(poolId, u.username),
    emailVerified: u.emailVerified,
    groups: [...u.groups],
    attributes: { ...u.attributes },
    status: 'CONFIRMED',
  };
  if (u.email !== undefined) user.email = u.email;
  return user;
}
