/** The request timeline (its own issue fills this in): every exchange of this profile, redacted. */
export function TimelineTab({ profile }: { profile: string }) {
  return (
    <section className="empty" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">Timeline</h3>
      <p>
        Every request profile <strong>{profile}</strong> makes (sign-in, refresh, identity pool) will be listed here, with secrets redacted. Not built yet.
      </p>
    </section>
  );
}
