import './skeleton.css';

/**
 * Placeholders for what is still on its way from the core. They keep the layout's shape, say
 * "loading" to assistive technology (aria-busy on the region that holds them, text for screen
 * readers), and fade in only after a moment (skeleton.css), so a fast answer shows no flash at all.
 */
// Widths come from skeleton.css (nth-child): the CSP allows no inline styles.
export function SkeletonLines({ count }: { count: number }) {
  return (
    <span className="skeleton-lines" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <span key={i} className="skeleton" />
      ))}
    </span>
  );
}

/**
 * The session header's frame while the session is not known yet (never a guessed "Signed out").
 * When the profile is known its name and subtitle stand where the signed-out header has them.
 */
export function SessionSkeleton({ profile }: { profile?: { name: string; subtitle: string } }) {
  return (
    <section className="session" aria-label="Session" aria-busy="true">
      <div className="who">
        <div className="avatar" aria-hidden="true">
          {profile ? <span>{profile.name.slice(0, 1).toUpperCase()}</span> : null}
        </div>
        <div className="grow">
          {profile ? (
            <>
              <h2 className="user-name">{profile.name}</h2>
              <p className="muted">{profile.subtitle}</p>
            </>
          ) : (
            <SkeletonLines count={2} />
          )}
        </div>
        <span className="badge" data-state="loading" role="status" aria-label="Session state: Loading">
          <span className="skeleton-text">Loading…</span>
        </span>
      </div>
      <div className="actions" role="group" aria-label="Session actions">
        <span className="skeleton skeleton-button" aria-hidden="true" />
      </div>
    </section>
  );
}

/** A tab panel's content while what it shows is loading. */
export function PanelSkeleton() {
  return (
    <div className="panel-skeleton">
      <span className="sr-only">Loading…</span>
      <SkeletonLines count={4} />
    </div>
  );
}
