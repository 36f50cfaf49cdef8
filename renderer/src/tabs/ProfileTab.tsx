import { useEffect, useState } from 'react';
import type { ProfileDetail, ProfileSummary } from '../../../main/core/ipc/contract.js';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { bridge } from '../api.js';
import { ErrorNote } from '../components/ErrorNote.js';

/** The selected profile's settings, and edit / duplicate / remove. */
export function ProfileTab(props: { profile: ProfileSummary; onEdit: (detail: ProfileDetail) => void; onRemoved: () => void; onStatus: (s: string) => void }) {
  const { profile } = props;
  const [detail, setDetail] = useState<ProfileDetail | undefined>();
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [copyName, setCopyName] = useState(`${profile.name}-copy`);

  useEffect(() => {
    setConfirming(false);
    setCopyName(`${profile.name}-copy`);
    void bridge()
      .invoke('profiles:get', { profile: profile.name })
      .then((r) => (r.ok ? (setDetail(r.value), setError(undefined)) : setError(r.error)));
  }, [profile]);

  async function duplicate(e: React.FormEvent) {
    e.preventDefault();
    const r = await bridge().invoke('profiles:duplicate', { profile: profile.name, as: copyName.trim() });
    if (r.ok) props.onStatus(`Duplicated ${profile.name} as ${r.value.name}`);
    else setError(r.error);
  }

  async function remove() {
    const r = await bridge().invoke('profiles:remove', { profile: profile.name });
    if (!r.ok) return setError(r.error);
    props.onStatus(`Removed profile ${profile.name} and its keychain entry`);
    props.onRemoved();
  }

  const rows = detail ? Object.entries(detail).filter(([k]) => k !== 'name') : [];
  return (
    <section className="profile-tab" aria-labelledby="profile-heading">
      <h3 id="profile-heading">Profile {profile.name}</h3>
      <ErrorNote error={error} label="Profile error" />
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k} className="fact-row">
            <dt>{k}</dt>
            <dd>
              <code>{typeof v === 'string' ? v : JSON.stringify(v)}</code>
            </dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" className="primary" data-shortcut="e" disabled={!detail} onClick={() => detail && props.onEdit(detail)}>
          Edit profile
        </button>
        <form className="inline-form" onSubmit={(e) => void duplicate(e)}>
          <label htmlFor="copy-name">Copy name</label>
          <input id="copy-name" value={copyName} onChange={(e) => setCopyName(e.target.value)} />
          <button type="submit">Duplicate</button>
        </form>
        {confirming ? (
          <span className="confirm" role="alertdialog" aria-label="Confirm removal">
            Remove {profile.name} and its keychain entry (session, cached AWS credentials)?{' '}
            <button type="button" className="danger" onClick={() => void remove()}>
              Yes, remove
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Remove profile…
          </button>
        )}
      </div>
    </section>
  );
}
