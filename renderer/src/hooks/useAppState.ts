import { useCallback, useEffect, useRef, useState } from 'react';
import type { Capabilities, CredentialsView, KeychainStatus, ProfileSummary, SessionView, SignInWaiting } from '../../../main/core/ipc/contract.js';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { bridge } from '../api.js';
import { bootstrapAnswer, bootstrapOnce, rememberedProfile, SELECTED_KEY } from '../lib/bootstrap.js';
import { decodePayload } from '../lib/jwt.js';
import { sameSession } from '../lib/token-diff.js';

/** The previous ID/access token payloads of a profile, kept across a refresh for the diff. */
export interface PreviousTokens {
  id?: Record<string, unknown>;
  access?: Record<string, unknown>;
}

/**
 * Everything the window shows, fed by the bridge's events: profiles, each profile's session and
 * AWS credentials, the sign-in waiting state, and what the shell can do.
 */
export function useAppState() {
  // The first answer when it came before the first render (main.tsx waits a moment for it).
  const [first] = useState(bootstrapAnswer);
  const b0 = first?.ok ? first.value : undefined;
  const [profiles, setProfiles] = useState<ProfileSummary[] | undefined>(() => (b0?.profiles.ok ? b0.profiles.value : undefined));
  const [profilesError, setProfilesError] = useState<ErrorInfo | undefined>(() => (first?.ok === false ? first.error : b0?.profiles.ok === false ? b0.profiles.error : undefined));
  const [selected, setSelectedState] = useState<string>(() => b0?.selected ?? rememberedProfile() ?? '');
  const [sessions, setSessions] = useState<Record<string, SessionView>>(() => (b0?.session ? { [b0.session.profile]: b0.session } : {}));
  const [credentials, setCredentials] = useState<Record<string, CredentialsView>>({});
  const [waiting, setWaiting] = useState<Record<string, SignInWaiting | undefined>>({});
  const [previous, setPrevious] = useState<Record<string, PreviousTokens>>({});
  const [caps, setCaps] = useState<Capabilities>(() => b0?.capabilities ?? { mainClipboard: false, nativeFilePicker: false, focusWindow: false });
  const [keychain, setKeychain] = useState<KeychainStatus | undefined>(b0?.keychain);
  const [status, setStatus] = useState(b0 ? 'Ready' : 'Starting…');
  const [booted, setBooted] = useState(Boolean(b0));
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
    // One round trip for the first render (asked already by main.tsx). What an event has delivered
    // meanwhile is newer than this answer, so the answer only fills what is still missing.
    void bootstrapOnce().then((r) => {
      if (!r.ok) {
        setProfilesError(r.error);
        setStatus(`Could not start: ${r.error.code}`);
        return;
      }
      const b = r.value;
      setCaps(b.capabilities);
      setKeychain(b.keychain);
      const listed = b.profiles;
      if (listed.ok) setProfiles((list) => list ?? listed.value);
      else setProfilesError(listed.error);
      if (b.selected) setSelectedState(b.selected);
      if (b.session && !sessionsRef.current[b.session.profile]) acceptSession(b.session);
      setBooted(true);
      setStatus('Ready');
    });
    return () => offs.forEach((off) => off());
  }, [acceptSession]);

  // Keep a valid selection: the remembered profile if it still exists, else the first one.
  useEffect(() => {
    if (!profiles?.length) return;
    if (!profiles.some((p) => p.name === selected)) setSelected(profiles[0]!.name);
  }, [profiles, selected, setSelected]);

  // Another profile shown, or the answer above came while sessions were still being restored: ask
  // for its session (session:get waits for the restore). Until it arrives the header shows it is loading.
  const asking = useRef(new Set<string>());
  useEffect(() => {
    if (!booted || !selected || sessions[selected] || asking.current.has(selected)) return;
    asking.current.add(selected);
    void bridge()
      .invoke('session:get', { profile: selected })
      .then((r) => acceptSession(r.ok ? r.value : { profile: selected, state: 'error', persisted: false, error: r.error }))
      .finally(() => asking.current.delete(selected));
  }, [booted, selected, sessions, acceptSession]);

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
    /** The first answer is in (the shell shows placeholders until then). */
    booted,
    keychain,
    status,
    setStatus,
    acceptSession,
    loadProfiles,
  };
}

export type AppState = ReturnType<typeof useAppState>;
