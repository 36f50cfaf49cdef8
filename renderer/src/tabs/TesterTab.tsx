import { useEffect, useMemo, useState } from 'react';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import type { InvokeResponses } from '../../../main/core/ipc/contract.js';
import { bridge } from '../api.js';
import { DoctorChecklist } from '../components/DoctorChecklist.js';
import { ScopePicker } from '../components/ScopePicker.js';
import { TryPanel, type TryParams } from '../components/TryPanel.js';

type Report = InvokeResponses['tester:doctor'];

/** "NAME=VALUE" lines → a map; lines without "=" are ignored. */
export function parseExtras(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

/**
 * The app-client tester: authorize parameters as a form with a live preview of the URL a sign-in
 * would open, "Try" (a real sign-in with them; the saved profile and session are not changed), and
 * "Check app client", which runs `doctor`.
 */
export function TesterTab({ profile, mainClipboard = false, now = Date.now() }: { profile: string; mainClipboard?: boolean; now?: number }) {
  const [scopes, setScopes] = useState<string[] | undefined>();
  const [profileScopes, setProfileScopes] = useState<string[]>([]);
  // The profile's own provider once known, so the field shows what a sign-in would do; '' sends none.
  const [idp, setIdp] = useState<string | undefined>();
  const [prompt, setPrompt] = useState('');
  const [loginHint, setLoginHint] = useState('');
  const [lang, setLang] = useState('');
  const [extras, setExtras] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [report, setReport] = useState<Report | undefined>();
  const [checking, setChecking] = useState(false);
  const [admin, setAdmin] = useState(false);

  useEffect(() => {
    setIdp(undefined);
    void bridge().invoke('profiles:get', { profile }).then((r) => setIdp(r.ok && typeof r.value.identityProvider === 'string' ? r.value.identityProvider : ''));
  }, [profile]);

  // One request for both the preview and Try, so the URL shown is the one a Try opens (except its state and PKCE).
  const request = useMemo<TryParams>(() => {
    const params: Record<string, string> = { ...parseExtras(extras) };
    if (prompt) params.prompt = prompt;
    if (loginHint) params.login_hint = loginHint;
    if (lang) params.lang = lang;
    return { params, ...(scopes?.length ? { scopes } : {}), ...(idp !== undefined ? { identityProvider: idp } : {}) };
  }, [scopes, idp, prompt, loginHint, lang, extras]);

  useEffect(() => {
    const timer = setTimeout(() => {
      void bridge()
        .invoke('tester:authorize-url', { profile, ...request })
        .then((r) => (r.ok ? (setUrl(r.value.url), setError(undefined)) : setError(r.error)));
    }, 250);
    return () => clearTimeout(timer);
  }, [profile, request]);

  async function check(): Promise<void> {
    setChecking(true);
    const r = await bridge().invoke('tester:doctor', { profile, ...(admin ? { admin: true } : {}) });
    setChecking(false);
    if (r.ok) setReport(r.value);
    else setError(r.error);
  }

  return (
    <section aria-labelledby="tester-heading">
      <h3 id="tester-heading">Tester</h3>
      <form className="tester" onSubmit={(e) => e.preventDefault()}>
        <ScopePicker key={profile} profile={profile} onChange={(list, fromProfile) => (setScopes(list), setProfileScopes(fromProfile))} />
        <label>Identity provider <input value={idp ?? ''} onChange={(e) => setIdp(e.target.value)} placeholder="none: the hosted UI offers its choice" /></label>
        <label>Prompt <select value={prompt} onChange={(e) => setPrompt(e.target.value)}><option value="">(none)</option><option>login</option><option>none</option><option>consent</option><option>select_account</option></select></label>
        <label>Login hint <input value={loginHint} onChange={(e) => setLoginHint(e.target.value)} /></label>
        <label>Language <input value={lang} onChange={(e) => setLang(e.target.value)} placeholder="ja" /></label>
        <label>Extra parameters (NAME=VALUE, one a line) <textarea value={extras} onChange={(e) => setExtras(e.target.value)} rows={3} /></label>
      </form>
      <h4>Authorize URL</h4>
      <pre aria-label="Authorize URL preview" className="url-preview">{url}</pre>
      {error ? <p role="alert">{error.code}: {error.message} — {error.hint}</p> : null}
      <TryPanel key={profile} profile={profile} request={request} profileScopes={profileScopes} mainClipboard={mainClipboard} now={now} />
      <p><button type="button" onClick={() => void check()} disabled={checking}>{checking ? 'Checking…' : 'Check app client'}</button>{' '}
        <label><input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> Also read the settings (needs AWS credentials)</label></p>
      {report ? <DoctorChecklist report={report} /> : null}
    </section>
  );
}
