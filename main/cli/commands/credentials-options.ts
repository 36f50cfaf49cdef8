import { AppError } from '../../core/errors/app-error.js';
import type { IdentityMode, TargetOverrides } from '../../core/aws/target.js';
import type { ProfileFlags } from '../profile-options.js';

/** Options shared by `credentials`, `credentials whoami` and `call --sigv4` (cheap to import). */
export interface CredentialFlags extends ProfileFlags {
  roleArn?: string;
  mode?: IdentityMode;
  duration?: string;
  cache?: boolean;
}

export function overridesFrom(flags: CredentialFlags): TargetOverrides {
  let durationSeconds: number | undefined;
  if (flags.duration !== undefined) {
    durationSeconds = Number(flags.duration);
    if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 43200) {
      throw new AppError('BAD_USAGE', `--duration must be a whole number of seconds from 900 to 43200, got "${flags.duration}"`, 'e.g. --duration 3600 (the basic flow only)');
    }
  }
  return {
    ...(flags.roleArn ? { roleArn: flags.roleArn } : {}),
    ...(flags.mode ? { mode: flags.mode } : {}),
    ...(durationSeconds ? { durationSeconds } : {}),
  };
}

/** True when only --profile (or nothing) names the profile, so profiles.json alone describes it. */
export function savedProfileOnly(flags: ProfileFlags): boolean {
  const { profile: _p, ...rest } = flags as Record<string, unknown>;
  const adHoc: (keyof ProfileFlags)[] = ['issuer', 'region', 'userPoolId', 'clientId', 'clientSecretEnv', 'scope', 'redirectUri', 'identityProvider', 'identityPoolId', 'identityEndpoint', 'apiBaseUrl', 'hostedUiDomain'];
  return adHoc.every((k) => rest[k] === undefined);
}
