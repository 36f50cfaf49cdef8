import { z } from 'zod';
import type { ErrorInfo, Result } from '../errors/app-error.js';
import type { Exchange } from '../trace/types.js';
import type { DoctorReport } from '../doctor/types.js';
import type { TryOutcome } from '../tester/run-try.js';

export type { Exchange } from '../trace/types.js';
import type { InspectReportJson } from '../inspect/report.js';

/**
 * The one IPC contract: channel → payload schema and response type. main registers handlers
 * from it, preload exposes exactly these channels, the renderer's API type is derived from it.
 * Payloads arrive as `unknown` and are parsed with these schemas before any handler runs.
 */

const profileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
const keyUrl = z.string().min(1).max(2048);

/**
 * How `inspect:token` may check a signature. Absent: decode and explain only, with no network at all
 * (a pasted token must not make the app contact whatever its `iss` names). Each variant names the
 * one place keys come from, so the window can say which it contacted:
 * - `profile`: that saved profile's issuer (pinned: a token passing every check is `valid`);
 * - `issuer` / `jwksUrl`: a URL the person typed (pinned);
 * - `tokenIssuer`: the issuer the token names; `unpinned` at best, unless a saved profile has that
 *   issuer. Send it only when the person asks to check against the issuer shown.
 * Plain http is fetched only from loopback hosts, whichever variant.
 */
export const inspectVerifySchema = z.union([
  z.object({ profile: profileName }).strict(),
  z.object({ issuer: keyUrl }).strict(),
  z.object({ jwksUrl: keyUrl }).strict(),
  z.object({ tokenIssuer: z.literal(true) }).strict(),
]);
export type InspectVerify = z.infer<typeof inspectVerifySchema>;
const roleArn = z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/);
/** A profile as the edit form sends it: checked field by field by the core with the CLI's own schema. */
const profileDraft = z.record(z.string().max(64), z.unknown());

export const invokeSchemas = {
  /**
   * The window's first render in one round trip: capabilities, keychain, profiles and the session
   * of the profile it will show. `profile` is the one it remembers (or was opened for); a name that
   * is not a profile is no error, the first profile is shown instead.
   */
  'app:bootstrap': z.object({ profile: z.string().max(256).optional() }).strict(),
  'app:capabilities': z.object({}).strict(),
  'profiles:list': z.object({}).strict(),
  'session:get': z.object({ profile: profileName }).strict(),
  'profiles:get': z.object({ profile: profileName }).strict(),
  /** Validates (dryRun) or saves a profile; `original` renames/replaces that profile. */
  'profiles:save': z.object({ profile: profileDraft, original: profileName.optional(), dryRun: z.boolean().default(false) }).strict(),
  'profiles:duplicate': z.object({ profile: profileName, as: profileName }).strict(),
  /** Removes the profile and its keychain entry (session, cached AWS credentials, client secret). */
  'profiles:remove': z.object({ profile: profileName }).strict(),
  /** Parses an Amplify config into a draft: from the native picker (no file) or the content the page read. */
  'profiles:import-amplify': z
    .object({ name: profileName, file: z.object({ name: z.string().max(255), text: z.string().max(1_000_000) }).strict().optional() })
    .strict(),
  'app:keychain': z.object({}).strict(),
  /** Writes non-secret text the window shows (a token, a curl line) with the main-process clipboard. */
  'app:copy-text': z.object({ text: z.string().max(70_000) }).strict(),
  'auth:sign-in': z
    .object({ profile: profileName, prompt: z.enum(['login']).optional(), identityProvider: z.string().regex(/^[\w.-]{1,64}$/).optional() })
    .strict(),
  'auth:refresh': z.object({ profile: profileName }).strict(),
  'auth:cancel': z.object({ profile: profileName }).strict(),
  'auth:sign-out': z.object({ profile: profileName, hosted: z.boolean().default(false) }).strict(),
  'inspect:token': z.object({ token: z.string().max(65536), audience: z.string().max(256).optional(), verify: inspectVerifySchema.optional() }).strict(),
  'credentials:get': z
    .object({ profile: profileName, fresh: z.boolean().default(false), roleArn: roleArn.optional(), guest: z.boolean().default(false) })
    .strict(),
  'credentials:whoami': z.object({ profile: profileName }).strict(),
  /**
   * Credentials in a shape other tools read. With a main-process clipboard the core writes it and
   * returns `{ copied: true }`: the secret key never reaches the renderer. Without one (browser
   * shell) the text comes back for this one explicit click.
   */
  'credentials:copy': z.object({ profile: profileName, format: z.enum(['env', 'ini', 'process']) }).strict(),
  'timeline:list': z.object({ profile: profileName }).strict(),
  'timeline:har': z.object({ profile: profileName }).strict(),
  'tester:authorize-url': z.object({
    profile: profileName,
    scopes: z.array(z.string().min(1).max(256)).max(50).optional(),
    identityProvider: z.string().max(128).optional(),
    params: z.record(z.string().regex(/^[A-Za-z_][\w.:-]{0,99}$/), z.string().max(2048)).default({}),
  }).strict(),
  /** admin: also read the settings with AWS credentials from the standard chain (doctor --admin). */
  'tester:doctor': z.object({ profile: profileName, admin: z.boolean().optional() }).strict(),
  /** A real sign-in with the tester's parameters; the saved profile and its session stay as they are. */
  'tester:try': z.object({
    profile: profileName,
    scopes: z.array(z.string().regex(/^\S{1,256}$/)).max(50).optional(),
    identityProvider: z.string().max(128).optional(),
    params: z.record(z.string().regex(/^[A-Za-z_][\w.:-]{0,99}$/), z.string().max(2048)).default({}),
  }).strict(),
  'tester:try-cancel': z.object({ profile: profileName }).strict(),
  'tester:try-last': z.object({ profile: profileName }).strict(),
  'tester:scopes': z.object({ profile: profileName }).strict(),
} as const;

export type InvokeChannel = keyof typeof invokeSchemas;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeSchemas)[C]>;

export interface ProfileSummary {
  name: string;
  issuer: string;
  clientId: string;
  local: boolean;
  /** Identity providers the app client offers besides the user pool (e.g. Google): drives the buttons. */
  identityProviders: string[];
  hasIdentityPool: boolean;
}

/** The non-secret profile fields, as the edit form shows them. */
export type ProfileDetail = Record<string, unknown> & { name: string };

export interface FieldIssue {
  /** The field path, dot-joined ("identityPool.id"); "" for the whole profile. */
  field: string;
  message: string;
}

export type ProfileSaveResult = { saved: boolean; issues: FieldIssue[]; profile?: ProfileDetail };

export interface LastRefresh {
  at: number;
  result: 'refreshed' | 'rotated' | 'retrying' | 'failed' | 'rejected';
  error?: ErrorInfo;
}

export type SessionState = 'signed-out' | 'signing-in' | 'signed-in' | 'refreshing' | 'expired' | 'error';

/** What the renderer may see of a session: tokens (the user's own, for inspection) but never the refresh token. */
export interface SessionView {
  profile: string;
  state: SessionState;
  idToken?: string;
  accessToken?: string;
  accessTokenExpiresAt?: number;
  persisted: boolean;
  error?: ErrorInfo;
  /** When the next silent refresh is scheduled. */
  nextRefreshAt?: number;
  /** A refresh token is held (the token itself never crosses to the window). */
  hasRefreshToken?: boolean;
  /** Where it is held. */
  refreshTokenStorage?: 'keychain' | 'memory';
  /** First sign-in of this session: the refresh token's lifetime counts from here. */
  signedInAt?: number;
  /** Estimated refresh-token expiry, when the profile states the client's refresh lifetime. */
  refreshTokenExpiresAbout?: number;
  lastRefresh?: LastRefresh;
  /** A refresh in this session returned a new refresh token. */
  rotationSeen?: boolean;
}

/** AWS credentials as the renderer sees them: never the secret key or the session token. */
export interface CredentialsView {
  profile: string;
  accessKeyId?: string;
  expiration?: number;
  identityId?: string;
  roleArn?: string;
  cached?: boolean;
  renewsAt?: number;
  error?: ErrorInfo;
  flow?: 'enhanced' | 'basic' | 'guest';
  /** Why this role: the chosen one, the profile's, the token's preferred role, or the pool's decision. */
  roleReason?: string;
}

export interface CallerIdentityView {
  profile: string;
  account: string;
  arn: string;
  userId: string;
}

export interface KeychainStatus {
  available: boolean;
  problem?: ErrorInfo;
}

export type CopyResult = { copied: true; what: string } | { copied: false; text: string; what: string };

export interface ImportDraft {
  cancelled: boolean;
  draft?: ProfileDetail;
  notes: string[];
  format?: string;
}

/**
 * What the shell hosting the window can do. The renderer asks this instead of checking which shell
 * it is in: the Electron shell writes the clipboard from the main process (so secrets never cross
 * to the renderer) and has a native file picker; the browser shell has neither, and the renderer
 * falls back to the browser's own clipboard (for what it was given) and file input.
 */
export interface Capabilities {
  mainClipboard: boolean;
  nativeFilePicker: boolean;
  focusWindow: boolean;
}

/** What `app:bootstrap` answers: the window renders from it, then follows the events. */
export interface Bootstrap {
  capabilities: Capabilities;
  keychain: KeychainStatus;
  /** The saved profiles, or why they could not be read (the window still starts and shows it). */
  profiles: Result<ProfileSummary[]>;
  /** The profile to show: the one asked for when it exists, else the first; absent when there is none. */
  selected?: string;
  /** Its session; absent while saved sessions are still being restored (then `session:get` waits for it). */
  session?: SessionView;
}

export interface InvokeResponses {
  'app:bootstrap': Bootstrap;
  'app:capabilities': Capabilities;
  'profiles:list': ProfileSummary[];
  'profiles:get': ProfileDetail;
  'profiles:save': ProfileSaveResult;
  'profiles:duplicate': ProfileSummary;
  'profiles:remove': { removed: boolean };
  'profiles:import-amplify': ImportDraft;
  'app:keychain': KeychainStatus;
  'app:copy-text': { copied: boolean };
  'session:get': SessionView;
  'auth:sign-in': SessionView;
  'auth:refresh': SessionView;
  'auth:cancel': { cancelled: boolean };
  'auth:sign-out': SessionView;
  'inspect:token': InspectReportJson;
  'credentials:get': CredentialsView;
  'credentials:whoami': CallerIdentityView;
  'credentials:copy': CopyResult;
  /** The profile's recorded HTTP exchanges, newest first, already redacted. */
  'timeline:list': Exchange[];
  /** The same as a HAR 1.2 document (JSON text), for the renderer to save. */
  'timeline:har': { fileName: string; content: string };
  /** The authorize URL for the tester's parameters (a preview; nothing listens). */
  'tester:authorize-url': { url: string; params: Record<string, string> };
  'tester:doctor': DoctorReport;
  /** A refusal is an outcome too (its `error` and Cognito's raw `cognito`); only bad input fails the call. */
  'tester:try': TryOutcome;
  'tester:try-cancel': { cancelled: boolean };
  /** The profile's last Try in this run of the app (memory only). */
  'tester:try-last': { last?: TryOutcome };
  /** Scopes to offer: the profile's and discovery's scopes_supported. */
  'tester:scopes': { profile: string[]; supported: string[] };
}

/** A sign-in is waiting for the browser: the URL works in any browser on this machine. */
export interface SignInWaiting {
  profile: string;
  startUrl: string;
  /** ms epoch when the sign-in gives up */
  deadline: number;
  /** Set when the system browser could not be started: the user opens startUrl. */
  browserError?: ErrorInfo;
}

export interface EventPayloads {
  'session:changed': SessionView;
  'credentials:changed': CredentialsView;
  'auth:waiting': SignInWaiting;
  /** profiles.json changed (the window, or the CLI in another process). */
  'profiles:changed': ProfileSummary[];
  /** A Tester "Try" is waiting for the browser (same shape as a sign-in's). */
  'tester:waiting': SignInWaiting;
}
export type EventChannel = keyof EventPayloads;
export const EVENT_CHANNELS: readonly EventChannel[] = ['session:changed', 'credentials:changed', 'auth:waiting', 'profiles:changed', 'tester:waiting'];

/** The API the preload exposes on `window.cognitoInspector`. */
export type RendererApi = {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<Result<InvokeResponses[C]>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

export const INVOKE_CHANNELS = Object.keys(invokeSchemas) as InvokeChannel[];
