import type { ProfileSummary, SessionView } from '../../../main/core/ipc/contract.js';

/**
 * Every profile, the selected one marked; the profile actions that do not need one selected. While
 * the profiles are loading (`profiles` undefined) the list is a placeholder and the actions wait.
 */
export function Sidebar(props: {
  profiles: ProfileSummary[] | undefined;
  selected: string;
  sessions: Record<string, SessionView | undefined>;
  onSelect: (name: string) => void;
  onAdd: () => void;
  onImport: () => void;
  children?: React.ReactNode;
}) {
  return (
    <aside className="sidebar" aria-label="Profiles">
      <h1 className="brand">Cognito Inspector</h1>
      <h2 className="sidebar-title" id="profiles-heading">
        Profiles
      </h2>
      <ul aria-labelledby="profiles-heading" aria-busy={props.profiles ? undefined : true}>
        {props.profiles ? null : (
          <li>
            <span className="sr-only">Loading profiles…</span>
            <span className="skeleton" aria-hidden="true" />
          </li>
        )}
        {props.profiles?.map((p) => (
          <li key={p.name}>
            <button
              type="button"
              className="profile-item"
              aria-current={p.name === props.selected ? 'true' : undefined}
              onClick={() => props.onSelect(p.name)}
            >
              <span className="profile-name">{p.name}</span>{' '}
              <span className="profile-sub">{p.local ? 'Local pool (demo)' : hostOf(p.issuer)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-actions">
        <button type="button" data-shortcut="n" onClick={props.onAdd} title="Alt+N" disabled={!props.profiles}>
          Add profile
        </button>
        <button type="button" onClick={props.onImport} disabled={!props.profiles}>
          Import Amplify config…
        </button>
        {props.children}
      </div>
    </aside>
  );
}

function hostOf(issuer: string): string {
  try {
    const u = new URL(issuer);
    return `${u.host}${u.pathname}`.replace(/\/$/, '');
  } catch {
    return issuer;
  }
}
