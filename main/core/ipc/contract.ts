import { z } from 'zod';
import type { ErrorInfo, Result } from '../errors/app-error.js';
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

export const invokeSchemas = {
  'app:capabilities': z.object({}).strict(),
  'profiles:list': z.object({}).strict(),
  'session:get': z.object({ profile: profileName }).strict(),
  'auth:sign-in': z.object({ profile: profileName, prompt: z.enum(['login']).optional() }).strict(),
  'auth:cancel': z.object({ profile: profileName }).strict(),
  'auth:sign-out': z.object({ profile: profileName, hosted: z.boolean().default(false) }).strict(),
  'inspect:token': z.object({ token: z.string().max(65536), audience: z.string().max(256).optional(), verify: inspectVerifySchema.optional() }).strict(),
  'credentials:get': z.object({ profile: profileName, fresh: z.boolean().default(false) }).strict(),
} as const;

export type InvokeChannel = keyof typeof invokeSchemas;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeSchemas)[C]>;

export interface ProfileSummary {
  name: string;
  issuer: string;
  clientId: string;
  local: boolean;
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

export interface InvokeResponses {
  'app:capabilities': Capabilities;
  'profiles:list': ProfileSummary[];
  'session:get': SessionView;
  'auth:sign-in': SessionView;
  'auth:cancel': { cancelled: boolean };
  'auth:sign-out': SessionView;
  'inspect:token': InspectReportJson;
  'credentials:get': CredentialsView;
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
}
export type EventChannel = keyof EventPayloads;
export const EVENT_CHANNELS: readonly EventChannel[] = ['session:changed', 'credentials:changed', 'auth:waiting'];

/** The API the preload exposes on `window.cognitoInspector`. */
export type RendererApi = {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<Result<InvokeResponses[C]>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

export const INVOKE_CHANNELS = Object.keys(invokeSchemas) as InvokeChannel[];
