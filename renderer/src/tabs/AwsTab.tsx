import { useState } from 'react';
import type { CallerIdentityView, CredentialsView, ProfileSummary, SessionView } from '../../../main/core/ipc/contract.js';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { bridge } from '../api.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { countdown, localClock, relative } from '../lib/format.js';
import { rolesOf } from '../lib/jwt.js';

const FLOW_TEXT = { enhanced: 'enhanced (GetCredentialsForIdentity)', basic: 'basic (GetOpenIdToken + AssumeRoleWithWebIdentity)', guest: 'guest (unauthenticated identity)' } as const;

/**
 * AWS credentials from the profile's identity pool. The window sees the access key id and the
 * facts around it; the secret key and session token stay in the main process, which copies them.
 */
export function AwsTab(props: {
  profile: ProfileSummary;
  session: SessionView | undefined;
  credentials: CredentialsView | undefined;
  onCredentials: (v: CredentialsView) => void;
  mainClipboard: boolean;
  onEditProfile: () => void;
  now: number;
}) {
  const { profile, credentials: c, now } = props;
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const [who, setWho] = useState<CallerIdentityView | undefined>();
  const [copied, setCopied] = useState('');
  const roles = rolesOf(props.session?.idToken);
  const [role, setRole] = useState('');
  const signedIn = Boolean(props.session?.idToken) && props.session?.state !== 'signed-out';

  if (!profile.hasIdentityPool) {
    return (
      <div className="empty">
        <p>This profile has no identity pool: add one to turn the ID token into AWS credentials.</p>
        <button type="button" onClick={props.onEditProfile}>
          Edit profile
        </button>
      </div>
    );
  }

  async function get(extra: { roleArn?: string; guest?: boolean; fresh?: boolean }) {
    setError(undefined);
    setWho(undefined);
    setBusy(true);
    try {
      const res = await bridge().invoke('credentials:get', { profile: profile.name, ...extra });
      if (res.ok) props.onCredentials(res.value);
      else setError(res.error);
    } finally {
      setBusy(false);
    }
  }

  async function copy(format: 'env' | 'ini' | 'process') {
    setCopied('');
    const res = await bridge().invoke('credentials:copy', { profile: profile.name, format });
    if (!res.ok) return setError(res.error);
    if (res.value.copied) return setCopied(`Copied ${res.value.what} to the clipboard (written by the app; the secret key never entered this window).`);
    // Browser shell: the text came back for this click only; it goes to the clipboard and is dropped.
    try {
      await navigator.clipboard.writeText(res.value.text);
      setCopied(`Copied ${res.value.what} to the clipboard.`);
    } catch {
      setCopied('The browser refused the clipboard: allow clipboard access for this page and try again.');
    }
  }

  const shownError = error ?? c?.error;
  return (
    <section className="aws" aria-labelledby="aws-heading">
      <h3 id="aws-heading">AWS credentials</h3>
      <div className="actions" role="group" aria-label="AWS actions">
        <button type="button" className="primary" data-shortcut="a" disabled={busy || !signedIn} onClick={() => void get({})} title={signedIn ? 'Alt+A' : 'Sign in first'}>
          Get credentials
        </button>
        <button type="button" disabled={busy} onClick={() => void get({ guest: true })}>
          Get guest credentials
        </button>
        {roles.length > 1 ? (
          <span className="role-chooser">
            <label htmlFor="role-select">Role</label>
            <select id="role-select" value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="">Let the pool decide (preferred role)</option>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r.split('/').pop()} — {r}
                </option>
              ))}
            </select>
            <button type="button" disabled={busy || !signedIn} onClick={() => void get(role ? { roleArn: role } : { fresh: true })}>
              Use this role
            </button>
          </span>
        ) : null}
      </div>
      {!signedIn && !c?.accessKeyId ? <p className="empty">Sign in to get credentials for your role, or get guest credentials if the pool allows guests.</p> : null}
      <ErrorNote error={shownError} label="AWS error" />
      {c?.accessKeyId ? (
        <>
          <dl className="facts aws-facts">
            <dt>Flow</dt>
            <dd>{c.flow ? FLOW_TEXT[c.flow] : '—'}</dd>
            <dt>Identity id</dt>
            <dd>
              <code>{c.identityId ?? '—'}</code>
            </dd>
            <dt>Role</dt>
            <dd>
              <code>{c.roleArn ?? 'chosen by the pool (not reported)'}</code>
            </dd>
            <dt>Why this role</dt>
            <dd>{c.roleReason ?? '—'}</dd>
            <dt>Access key id</dt>
            <dd>
              <code>{c.accessKeyId}</code>
            </dd>
            <dt>Expires</dt>
            <dd data-testid="aws-expiry">{c.expiration ? `${localClock(c.expiration)} (${c.expiration > now ? `in ${countdown(c.expiration, now)}` : 'expired'})` : '—'}</dd>
            <dt>Next renewal</dt>
            <dd>{c.renewsAt ? `${localClock(c.renewsAt)} (${relative(c.renewsAt, now)})` : '—'}</dd>
            <dt>Source</dt>
            <dd>{c.cached ? 'keychain cache (no request made)' : 'the identity pool'}</dd>
          </dl>
          <div className="actions" role="group" aria-label="Use the credentials">
            <button type="button" onClick={() => void bridge().invoke('credentials:whoami', { profile: profile.name }).then((r) => (r.ok ? setWho(r.value) : setError(r.error)))}>
              Who am I (STS)
            </button>
            <button type="button" onClick={() => void copy('env')}>
              Copy as env
            </button>
            <button type="button" onClick={() => void copy('ini')}>
              Copy as ini
            </button>
            <button type="button" onClick={() => void copy('process')}>
              Copy as credential_process
            </button>
          </div>
          <p className="muted" role="status">
            {copied}
          </p>
          {who ? (
            <dl className="facts" aria-label="Caller identity">
              <dt>Account</dt>
              <dd>
                <code>{who.account}</code>
              </dd>
              <dt>ARN</dt>
              <dd>
                <code>{who.arn}</code>
              </dd>
              <dt>User id</dt>
              <dd>
                <code>{who.userId}</code>
              </dd>
            </dl>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
