import { useCallback, useEffect, useRef, useState } from 'react';
import type { Capabilities, CredentialsView, KeychainStatus, ProfileSummary, SessionView, SignInWaiting } from '../../../main/core/ipc/contract.js';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { bridge, initialProfile } from '../api.js';
import { decodePayload } from '../lib/jwt.js';
import { sameSession } from '../lib/token-diff.js';

/** The previous ID/access token payloads of a profile, kept across a refresh for the diff. */
export interface PreviousTokens {
  id?: Record<string, unknown>;
  access?: Record<string, unknown>;
}

const SELECTED_KEY = 'cognito-inspector:selected-profile';

/**
 * Everything the window shows, fed by the bridge's events: profiles, each profile's session and
 * AWS credentials, the sign-in waiting state, and what the shell can do.
 */
export function useAppState() {
  const [profiles, setProfiles] = useState<ProfileSummary[] | undefined>();
  const [profilesError, setProfilesError] = useState<ErrorInfo | undefined>();
  const [selected, setSelectedState] = useState<string>(() => initialProfile() ?? localStorage.getItem(SELECTED_KEY) ?? '');
  const [sessions, setSessions] = useState<Record<string, SessionView>>({});
  const [credentials, setCredentials] = useState<Record<string, CredentialsView>>({});
  const [waiting, setWaiting] = useState<Record<string, SignInWaiting | undefined>>({});
  const [previous, setPrevious] = useState<Record<string, PreviousTokens>>({});
  const [caps, setCaps] = useState<Capabilities>({ mainClipboard: false, nativeFilePicker: false, focusWindow: false });
  const [keychain, setKeychain] = useState<KeychainStatus | undefined>();
  const [status, setStatus] = useState('Starting…');
  const sessionsRef = useRef(sessions);
  sessionsRef.current = sessions;

  const setSelected = useCallback((name: string) => {
    localStorage.setItem(SELECTED_KEY, name);
    setSelectedState(name);
  }, []);

  const acceptSession = useCallback((view: SessionView) => {
    const before = sessionsRef.current[view.profile];
    // A refresh of the same sign-in: remember the old payloads so the inspector can show what changed.
    const oldId = decodePayload(before?.idToken);
    const oldAccess = decodePayload(before?.accessToken);
    const newId = decodePayload(view.idToken);
    const newAccess = decodePayload(view.accessToken);
    if (before && (view.idToken !== before.idToken || view.accessToken !== before.accessToken)) {
      const keep = sameSession(oldId ?? oldAccess, newId ?? newAccess);
      setPrevious((p) => {
        if (!keep) return { ...p, [view.profile]: {} };
        const kept: PreviousTokens = { ...p[view.profile] };
        if (oldId && view.idToken !== before.idToken) kept.id = oldId;
        if (oldAccess && view.accessToken !== before.accessToken) kept.access = oldAccess;
        return { ...p, [view.profile]: kept };
      });
    }
    if (view.state !== 'signing-in') setWaiting((w) => ({ ...w, [view.profile]: undefined }));
    setSessions((s) => ({ ...s, [view.profile]: view }));
  }, []);

  const loadProfiles = useCallback(async () => {
    const res = await bridge().invoke('profiles:list', {});
    if (!res.ok) {
      setProfilesError(res.error);
      return;
    }
    setProfilesError(undefined);
    setProfiles(res.value);
  }, []);

  useEffect(() => {
    const api = bridge();
    const offs = [
      api.on('session:changed', acceptSession),
      api.on('credentials:changed', (v) => setCredentials((c) => ({ ...c, [v.profile]: v }))),
      api.on('auth:waiting', (w) => setWaiting((all) => ({ ...all, [w.profile]: w }))),
      api.on('profiles:changed', (list) => {
        setProfiles(list);
        setStatus('Profiles updated from profiles.json');
      }),
    ];
    void api.invoke('app:capabilities', {}).then((r) => r.ok && setCaps(r.value));
    void api.invoke('app:keychain', {}).then((r) => r.ok && setKeychain(r.value));
    void loadProfiles().then(() => setStatus('Ready'));
    return () => offs.forEach((off) => off());
  }, [acceptSession, loadProfiles]);

  // Keep a valid selection: the remembered profile if it still exists, else the first one.
  useEffect(() => {
    if (!profiles?.length) return;
    if (!profiles.some((p) => p.name === selected)) setSelected(profiles[0]!.name);
  }, [profiles, selected, setSelected]);

  useEffect(() => {
    if (!selected || sessions[selected]) return;
    void bridge()
      .invoke('session:get', { profile: selected })
      .then((r) => r.ok && acceptSession(r.value));
  }, [selected, sessions, acceptSession]);

  return {
    profiles,
    profilesError,
    selected,
    setSelected,
    session: sessions[selected],
    credentials: credentials[selected],
    setCredentials: (v: CredentialsView) => setCredentials((c) => ({ ...c, [v.profile]: v })),
    waiting: waiting[selected],
    previous: previous[selected] ?? {},
    caps,
    keychain,
    status,
    setStatus,
    acceptSession,
    loadProfiles,
  };
}

export type AppState = ReturnType<typeof useAppState>;
