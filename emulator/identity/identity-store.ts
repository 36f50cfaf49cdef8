import { randomUUID } from 'node:crypto';

export interface IdentityRecord {
  identityId: string;
  poolId: string;
  /** Set once a user pool login is linked: the Logins key and the user's sub. */
  login?: { providerName: string; sub: string };
}

/**
 * Identity ids per pool: stable for a (pool, provider, sub), fresh for each guest GetId. Ids are
 * `<region>:<uuid>`, the region being the pool id's prefix, as Cognito's are.
 */
export class IdentityStore {
  private readonly byId = new Map<string, IdentityRecord>();
  private readonly byUser = new Map<string, string>();
  /** Told after every change, so a kept state (--state) can be written out. */
  onChange: () => void = () => undefined;

  /** Every identity, for a kept state. */
  all(): IdentityRecord[] {
    return [...this.byId.values()].map((r) => ({ ...r, ...(r.login ? { login: { ...r.login } } : {}) }));
  }

  /** Loads the identities of an earlier run (before any request is served). */
  restore(records: IdentityRecord[]): void {
    for (const r of records) this.add({ ...r }, { silent: true });
  }

  forUser(poolId: string, providerName: string, sub: string): IdentityRecord {
    const existing = this.byUser.get(userKey(poolId, providerName, sub));
    const record = existing ? this.byId.get(existing) : undefined;
    return record ?? this.add({ identityId: newIdentityId(poolId), poolId, login: { providerName, sub } });
  }

  newGuest(poolId: string): IdentityRecord {
    return this.add({ identityId: newIdentityId(poolId), poolId });
  }

  get(identityId: string): IdentityRecord | undefined {
    return this.byId.get(identityId);
  }

  /** Links a first login to a guest identity (Cognito upgrades the guest rather than making a new one). */
  linkGuest(record: IdentityRecord, providerName: string, sub: string): boolean {
    const key = userKey(record.poolId, providerName, sub);
    if (record.login || this.byUser.has(key)) return false;
    record.login = { providerName, sub };
    this.byUser.set(key, record.identityId);
    this.onChange();
    return true;
  }

  private add(record: IdentityRecord, opts: { silent?: boolean } = {}): IdentityRecord {
    this.byId.set(record.identityId, record);
    if (record.login) this.byUser.set(userKey(record.poolId, record.login.providerName, record.login.sub), record.identityId);
    if (!opts.silent) this.onChange();
    return record;
  }
}

const userKey = (poolId: string, providerName: string, sub: string): string => `${poolId}\n${providerName}\n${sub}`;

function newIdentityId(poolId: string): string {
  const region = poolId.split(':')[0] ?? 'us-east-1';
  return `${region}:${randomUUID()}`;
}
