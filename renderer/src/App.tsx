import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProfileDetail } from '../../main/core/ipc/contract.js';
import type { ErrorInfo } from '../../main/core/errors/app-error.js';
import { bridge } from './api.js';
import { ErrorNote } from './components/ErrorNote.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { ProfileForm } from './components/ProfileForm.js';
import { SessionHeader } from './components/SessionHeader.js';
import { Sidebar } from './components/Sidebar.js';
import { PanelSkeleton, SessionSkeleton } from './components/Skeleton.js';
import { WaitingPanel } from './components/WaitingPanel.js';
import { useAppState } from './hooks/useAppState.js';
import { useNow } from './hooks/useNow.js';
import { DEFAULT_SCOPES_TEXT, nextProfile } from './lib/app-helpers.js';
import { AwsTab } from './tabs/AwsTab.js';
import { InspectTab } from './tabs/InspectTab.js';
import { ProfileTab } from './tabs/ProfileTab.js';
import { TesterTab } from './tabs/TesterTab.js';
import { TimelineTab } from './tabs/TimelineTab.js';
import { TokensTab } from './tabs/TokensTab.js';

const TABS = ['Tokens', 'AWS', 'Inspect any token', 'Profile', 'Tester', 'Timeline'] as const;
type Tab = (typeof TABS)[number];

interface FormState {
  initial: Record<string, unknown>;
  original?: string;
  title: string;
  notes?: string[];
}

export function App() {
  const app = useAppState();
  const now = useNow();
  const [tab, setTab] = useState<Tab>('Tokens');
  const [form, setForm] = useState<FormState | undefined>();
  const [help, setHelp] = useState(false);
  const [keychainDismissed, setKeychainDismissed] = useState(false);
  const [importError, setImportError] = useState<ErrorInfo | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const profile = app.profiles?.find((p) => p.name === app.selected);

  const openAdd = useCallback(() => setForm({ initial: { scopes: DEFAULT_SCOPES_TEXT }, title: 'Add a profile' }), []);
  const openEdit = useCallback((detail: ProfileDetail) => setForm({ initial: detail, original: detail.name, title: `Edit profile ${detail.name}` }), []);

  async function importAmplify(file?: { name: string; text: string }) {
    setImportError(undefined);
    const res = await bridge().invoke('profiles:import-amplify', { name: 'amplify-app', ...(file ? { file } : {}) });
    if (!res.ok) return setImportError(res.error);
    if (res.value.cancelled || !res.value.draft) return;
    setForm({ initial: res.value.draft, title: `Import ${res.value.format ?? 'Amplify'} config`, notes: res.value.notes });
  }

  function startImport() {
    // The native picker when the shell has one (the core reads the file); else the page's file input.
    if (app.caps.nativeFilePicker) void importAmplify();
    else fileInput.current?.click();
  }

  // Keyboard shortcuts: Alt+letter clicks the button marked with data-shortcut, so a shortcut does
  // exactly what the visible control does (and nothing when that control is absent or disabled).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (e.key === '?' && !typing && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        setHelp(true);
        return;
      }
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) {
        document.querySelector<HTMLButtonElement>('[data-shortcut="Escape"]')?.click();
        return;
      }
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (/^[1-6]$/.test(e.key)) {
        e.preventDefault();
        const i = Number(e.key) - 1;
        setTab(TABS[i]!);
        tabRefs.current[i]?.focus();
        return;
      }
      if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && app.profiles) {
        e.preventDefault();
        const next = nextProfile(app.profiles.map((p) => p.name), app.selected, e.key === 'ArrowDown' ? 1 : -1);
        if (next) app.setSelected(next);
        return;
      }
      const key = e.code.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.key.toLowerCase();
      if (key === 'a' || key === 'e') setTab(key === 'a' ? 'AWS' : 'Profile');
      const button = document.querySelector<HTMLButtonElement>(`[data-shortcut="${key}"]`);
      if (button && !button.disabled) {
        e.preventDefault();
        button.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app]);

  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const j = (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    setTab(TABS[j]!);
    tabRefs.current[j]?.focus();
  };

  const keychainProblem = app.keychain && !app.keychain.available && !keychainDismissed;
  // Until the first answer is in, the shell (sidebar, header, tabs) stands with placeholders in it.
  const loading = !app.booted && !app.profilesError;
  const tabList = (
    <div className="tabs" role="tablist" aria-label="Views">
      {TABS.map((t, i) => (
        <button
          key={t}
          ref={(el) => {
            tabRefs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${i}`}
          aria-selected={tab === t}
          aria-controls="tab-panel"
          tabIndex={tab === t ? 0 : -1}
          onClick={() => setTab(t)}
          onKeyDown={(e) => onTabKey(e, i)}
        >
          {t}
        </button>
      ))}
    </div>
  );
  const tabPanel = (busy: boolean, children: React.ReactNode) => (
    <div className="tab-panel" role="tabpanel" id="tab-panel" aria-labelledby={`tab-${TABS.indexOf(tab)}`} aria-busy={busy || undefined}>
      {busy ? <PanelSkeleton /> : children}
    </div>
  );
  // The Tokens and AWS tabs show the session: until it is known they would guess "signed out".
  const sessionPending = !app.session && (tab === 'Tokens' || tab === 'AWS');
  return (
    <div className="app">
      {app.profiles || loading ? (
        <Sidebar profiles={app.profiles} selected={app.selected} sessions={{}} onSelect={app.setSelected} onAdd={openAdd} onImport={startImport}>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.js"
            className="sr-only"
            aria-label="Amplify config file"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.text().then((text) => importAmplify({ name: file.name, text }));
            }}
          />
        </Sidebar>
      ) : (
        <aside className="sidebar" aria-label="Profiles">
          <h1 className="brand">Cognito Inspector</h1>
        </aside>
      )}
      <main className="main">
        {keychainProblem ? (
          <div className="keychain-warning" role="alert" aria-label="Keychain unavailable">
            <p>
              <strong>The keychain is unavailable{app.keychain?.problem ? ` (${app.keychain.problem.code})` : ''}.</strong> Sessions live in memory only and end when the app quits.
              {app.keychain?.problem?.hint ? ` ${app.keychain.problem.hint}` : ''}
            </p>
            <button type="button" onClick={() => setKeychainDismissed(true)}>
              Dismiss
            </button>
          </div>
        ) : null}
        <ErrorNote error={app.profilesError ?? importError} label="Profiles error" />
        {profile ? (
          <>
            <SessionHeader profile={profile} session={app.session} now={now} onView={app.acceptSession} onStatus={app.setStatus} />
            {app.waiting && app.session?.state === 'signing-in' ? <WaitingPanel waiting={app.waiting} now={now} /> : null}
            {tabList}
            {tabPanel(
              sessionPending,
              <>
                {tab === 'Tokens' ? <TokensTab profile={profile.name} session={app.session} previous={app.previous} mainClipboard={app.caps.mainClipboard} now={now} /> : null}
                {tab === 'AWS' ? (
                  <AwsTab
                    profile={profile}
                    session={app.session}
                    credentials={app.credentials}
                    onCredentials={app.setCredentials}
                    mainClipboard={app.caps.mainClipboard}
                    onEditProfile={() => setTab('Profile')}
                    now={now}
                  />
                ) : null}
                {tab === 'Inspect any token' ? <InspectTab now={now} /> : null}
                {tab === 'Profile' ? <ProfileTab profile={profile} onEdit={openEdit} onRemoved={() => setTab('Tokens')} onStatus={app.setStatus} /> : null}
                {tab === 'Tester' ? <TesterTab profile={profile.name} mainClipboard={app.caps.mainClipboard} now={now} /> : null}
                {tab === 'Timeline' ? <TimelineTab profile={profile.name} /> : null}
              </>,
            )}
          </>
        ) : loading || app.profiles?.length ? (
          // Loading, or profiles listed but the selection not settled yet (never "No profiles yet").
          <>
            <SessionSkeleton />
            {tabList}
            {tabPanel(true, null)}
          </>
        ) : app.profiles ? (
          <div className="empty">
            <p>No profiles yet. Add one with the issuer and app client id of your user pool, or import an Amplify config.</p>
            <button type="button" className="primary" onClick={openAdd}>
              Add profile
            </button>
          </div>
        ) : null}
        <footer className="statusline">
          <span role="status" aria-live="polite">
            {app.status}
          </span>
          <button type="button" className="link" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts (?)">
            Shortcuts: ?
          </button>
        </footer>
      </main>
      {form ? (
        <ProfileForm
          key={form.title}
          initial={form.initial}
          title={form.title}
          {...(form.original ? { original: form.original } : {})}
          {...(form.notes ? { notes: form.notes } : {})}
          onDone={(saved) => {
            setForm(undefined);
            if (saved) {
              app.setStatus(`Saved profile ${saved}`);
              void app.loadProfiles().then(() => app.setSelected(saved));
            }
          }}
        />
      ) : null}
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
