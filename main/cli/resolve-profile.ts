import { dirname } from 'node:path';
import { checkIssuerUrl } from '../core/auth/issuer-policy.js';
import { AppError } from '../core/errors/app-error.js';
import { readCurrentProfile } from '../core/profiles/current-profile.js';
import { adHocProfileName } from '../core/profiles/ad-hoc.js';
import { cognitoIssuer } from '../core/profiles/cognito-issuer.js';
import { profileSchema, savedProfileSchema, type Profile, type ProfileInput } from '../core/profiles/schema.js';
import type { ProfileStore } from '../core/profiles/store.js';
import { parseOrThrow } from '../core/profiles/validate.js';
import type { ProfileFlags } from './profile-options.js';

/** Turns flags into a profile input (for `profiles add` and ad-hoc use). Only fields that were given. */
export function flagsToProfileInput(flags: ProfileFlags): Partial<ProfileInput> {
  const out: Partial<ProfileInput> = {};
  const issuer = flags.issuer ?? (flags.region && flags.userPoolId ? cognitoIssuer(flags.region, flags.userPoolId) : undefined);
  if (flags.userPoolId && !flags.region && !flags.issuer) {
    throw new AppError('BAD_USAGE', '--user-pool-id needs --region', 'add --region, e.g. --region us-east-1');
  }
  // cognito-idp.us-east-1.amazonaws.com/us-east-1_X copied without its scheme: say what to add.
  if (flags.issuer && !/^[a-z][a-z0-9+.-]*:/i.test(flags.issuer) && /^[^\s/]+\.[^\s/]+/.test(flags.issuer)) {
    throw new AppError('INVALID_INPUT', `--issuer ${flags.issuer} has no scheme`, `add https://: --issuer https://${flags.issuer}`);
  }
  // http://example.com/... typed by the person: bad input (exit 2), refused before anything is saved or sent.
  if (flags.issuer && /^http:/i.test(flags.issuer) && URL.canParse(flags.issuer)) checkIssuerUrl(flags.issuer);
  // A pool id starts with its region: a different --region builds an issuer that does not exist.
  const poolRegion = flags.userPoolId?.match(/^([a-z]{2}(?:-[a-z]+)+-\d+)_/)?.[1];
  if (flags.region && poolRegion && poolRegion !== flags.region && !flags.issuer) {
    throw new AppError('INVALID_INPUT', `--region ${flags.region} does not match --user-pool-id ${flags.userPoolId} (a pool in ${poolRegion})`,
      `pass --region ${poolRegion}, or check --user-pool-id: a user pool id starts with its region`);
  }
  if (issuer) out.issuer = issuer.replace(/\/+$/, '');
  if (flags.region) out.region = flags.region;
  if (flags.clientId) out.clientId = flags.clientId;
  if (flags.clientSecretEnv) out.hasClientSecret = true;
  if (flags.scope) out.scopes = flags.scope.split(/[\s,]+/).filter(Boolean);
  if (flags.redirectUri?.length) out.redirectUris = flags.redirectUri;
  if (flags.identityProvider) out.identityProvider = flags.identityProvider;
  if (flags.identityPoolId) out.identityPool = { id: flags.identityPoolId, ...(flags.identityEndpoint ? { endpoint: flags.identityEndpoint } : {}) };
  const params: Record<string, string> = {};
  if (flags.prompt) params.prompt = flags.prompt;
  if (flags.loginHint) params.login_hint = flags.loginHint;
  if (flags.lang) params.lang = flags.lang;
  if (Object.keys(params).length) out.authorizeParams = params;
  if (flags.logoutUri) out.logoutUri = flags.logoutUri;
  if (flags.apiBaseUrl) out.apiBaseUrl = flags.apiBaseUrl;
  if (flags.hostedUiDomain) out.hostedUiDomain = flags.hostedUiDomain;
  return out;
}

/**
 * The profile a command acts on: --profile NAME (flags override its fields for this run), or
 * ad-hoc flags (remembered under a name derived from issuer + client id), or the current profile
 * (`profiles use NAME`, else the last one signed in), or the only saved one.
 */
export async function resolveProfile(store: ProfileStore, flags: ProfileFlags): Promise<Profile> {
  const given = flagsToProfileInput(flags);
  if (flags.profile) {
    const saved = await store.get(flags.profile);
    return parseOrThrow(savedProfileSchema, mergeProfile(saved, given), 'the profile');
  }
  if (given.issuer || given.clientId) {
    if (!given.issuer || !given.clientId) {
      throw new AppError('BAD_USAGE', 'ad-hoc use needs both --issuer (or --region + --user-pool-id) and --client-id', 'give both, or use --profile NAME');
    }
    const name = adHocProfileName(given.issuer, given.clientId);
    const saved = await store.find(name);
    return parseOrThrow(profileSchema, mergeProfile(saved ?? { name, adHoc: true }, { ...given, name }), 'the ad-hoc flags');
  }
  // Neither --profile nor ad-hoc flags: the current profile (`profiles use`, or the last signed in).
  const current = await readCurrentProfile(dirname(store.path));
  const currentProfile = current ? await store.find(current) : undefined;
  if (currentProfile) return parseOrThrow(savedProfileSchema, mergeProfile(currentProfile, given), 'the profile');
  const all = await store.list();
  const only = all.filter((p) => !p.adHoc);
  if (only.length === 1) return parseOrThrow(savedProfileSchema, mergeProfile(only[0]!, given), 'the profile');
  const adHoc = all.filter((p) => p.adHoc).map((p) => p.name);
  const choose = (names: string[]) => `add --profile NAME (one of: ${names.join(', ')}), or make one current: cognito-inspector profiles use NAME`;
  throw new AppError(
    'BAD_USAGE',
    only.length ? 'several profiles exist and none is current; say which one' : 'no profile given',
    only.length
      ? choose(only.map((p) => p.name))
      : adHoc.length
        ? `${choose(adHoc)} (remembered from ad-hoc flags)`
        : 'add --profile NAME, or --issuer URL --client-id ID; `cognito-inspector emulator` starts a local pool to try',
  );
}

function mergeProfile(base: Partial<ProfileInput>, over: Partial<ProfileInput>): Partial<ProfileInput> {
  return {
    ...base,
    ...over,
    authorizeParams: { ...(base.authorizeParams ?? {}), ...(over.authorizeParams ?? {}) },
    ...(base.identityPool || over.identityPool ? { identityPool: { ...base.identityPool, ...over.identityPool } as ProfileInput['identityPool'] } : {}),
  };
}
