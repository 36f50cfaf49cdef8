/** The app-client tester (its own issue fills this in): what a change in the pool does to the tokens. */
export function TesterTab({ profile }: { profile: string }) {
  return (
    <section className="empty" aria-labelledby="tester-heading">
      <h3 id="tester-heading">Tester</h3>
      <p>
        Try the authorize URL of profile <strong>{profile}</strong> with other scopes, callback URLs or providers, and see what the pool answers. Not built yet: use{' '}
        <code>cognito-inspector login --profile {profile}</code> with flags meanwhile.
      </p>
    </section>
  );
}
