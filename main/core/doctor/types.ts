import type { Clock, Fetch } from '../ports.js';
import type { AdminApiFactory } from './admin/settings.js';
import type { Profile } from '../profiles/schema.js';

/**
 * `doctor`: a profile checked against the pool it points at. Every finding has a stable id (the
 * check's name), a status, the subject it is about (a URI, a scope, a provider) and, when it is
 * not a pass, what to change. A check that cannot run here is `skip`, never `fail`.
 */
export const CHECK_IDS = [
  'discovery', 'hosted-ui', 'client-id', 'redirect-uri', 'scope', 'code-grant', 'identity-provider',
  'client-secret', 'identity-pool', 'guest-access', 'session',
  // --admin: the settings themselves, read with AWS credentials (admin/)
  'admin-access', 'hosted-ui-domain', 'callback-urls', 'sign-out-urls', 'oauth-flows', 'oauth-scopes', 'identity-providers',
  'token-validity', 'token-revocation', 'refresh-rotation', 'identity-pool-provider', 'role-mapping',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export type Status = 'pass' | 'warn' | 'fail' | 'skip';

export interface Finding {
  id: CheckId;
  status: Status;
  subject: string;
  message: string;
  /** What to change: the console setting or the `aws cognito-idp …` command. Empty for a pass. */
  fix: string;
}

export interface DoctorReport {
  profile: string;
  checks: Finding[];
}

/** A signed-in session, when there is one: the doctor refreshes it through the caller's manager. */
export interface DoctorSession {
  idToken?: string;
  accessToken: string;
  refreshToken?: string;
  /** Refreshes (saving the result as any refresh does) and returns the new tokens. */
  refresh(): Promise<{ idToken?: string; accessToken: string; refreshToken?: string }>;
}

export interface DoctorInput {
  profile: Profile;
  /** The client secret from the keychain, when the profile has one. */
  clientSecret?: string;
  session?: DoctorSession;
  /** Also read the settings themselves with AWS credentials (`doctor --admin`). */
  admin?: boolean;
}

export interface DoctorDeps {
  fetch: Fetch;
  clock: Clock;
  /** The AWS API reader --admin uses (the SDK clients: main/core/aws/admin-api.ts). */
  adminApi?: AdminApiFactory;
}

export const finding = (id: CheckId, status: Status, subject: string, message: string, fix = ''): Finding => ({ id, status, subject, message, fix });
