import { useEffect, useRef, useState } from 'react';
import type { FieldIssue } from '../../../main/core/ipc/contract.js';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { bridge } from '../api.js';
import { draftFromForm, fieldForIssue, formFromProfile, type FormField, type FormValues } from '../lib/profile-form.js';
import { ErrorNote } from './ErrorNote.js';

const FIELDS: { field: FormField; label: string; help?: string; multiline?: boolean; select?: string[] }[] = [
  { field: 'name', label: 'Name' },
  { field: 'issuer', label: 'Issuer URL', help: 'https://cognito-idp.<region>.amazonaws.com/<userPoolId>' },
  { field: 'clientId', label: 'App client id' },
  { field: 'region', label: 'Region', help: 'optional, e.g. us-east-1' },
  { field: 'scopes', label: 'Scopes', help: 'space-separated' },
  { field: 'redirectUris', label: 'Redirect URIs', help: 'one per line; must match the app client’s callback URLs', multiline: true },
  { field: 'identityProvider', label: 'Always sign in with provider', help: 'optional: sends identity_provider on every sign-in' },
  { field: 'identityProviders', label: 'Providers offered', help: 'optional, e.g. Google: adds a “Sign in with …” button' },
  { field: 'logoutUri', label: 'Sign-out URL', help: 'optional: for ending the hosted-UI session' },
  { field: 'apiBaseUrl', label: 'API base URL', help: 'optional: used in the curl line' },
  { field: 'hostedUiDomain', label: 'Hosted UI domain', help: 'optional override' },
  { field: 'refreshTokenLifetimeSeconds', label: 'Refresh token lifetime (seconds)', help: 'optional: for the estimated expiry' },
  { field: 'identityPoolId', label: 'Identity pool id', help: 'optional, e.g. us-east-1:1b2c…' },
  { field: 'identityPoolMode', label: 'Identity pool flow', select: ['enhanced', 'basic', 'guest'] },
  { field: 'identityPoolEndpoint', label: 'Identity pool endpoint', help: 'optional: the AWS regional endpoint when empty' },
  { field: 'identityPoolRoleArn', label: 'Role ARN', help: 'optional: the role to ask for' },
];

/**
 * Add or edit a profile. Every check is the core's, with the schema the CLI uses: the form sends
 * a draft as the person types (dry run) and shows each issue next to its field.
 */
export function ProfileForm(props: { initial: Record<string, unknown>; original?: string; title: string; notes?: string[]; onDone: (saved?: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<FormValues>(() => formFromProfile(props.initial));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [touched, setTouched] = useState<Set<FormField>>(new Set());
  const [error, setError] = useState<ErrorInfo | undefined>();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  // Dry-run validation as the person types (debounced): the same schema answers as on save.
  useEffect(() => {
    const t = setTimeout(() => {
      void bridge()
        .invoke('profiles:save', { profile: draftFromForm(values, props.initial), dryRun: true, ...(props.original ? { original: props.original } : {}) })
        .then((r) => (r.ok ? setIssues(r.value.issues) : setError(r.error)));
    }, 250);
    return () => clearTimeout(t);
  }, [values, props.initial, props.original]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setTouched(new Set(FIELDS.map((f) => f.field)));
    const res = await bridge().invoke('profiles:save', { profile: draftFromForm(values, props.initial), ...(props.original ? { original: props.original } : {}) });
    if (!res.ok) return setError(res.error);
    setIssues(res.value.issues);
    if (res.value.saved) {
      dialog.current?.close();
      props.onDone(values.name.trim());
    }
  }

  const issueFor = (field: FormField) => (touched.has(field) ? issues.find((i) => fieldForIssue(i.field) === field) : undefined);
  const general = issues.filter((i) => !fieldForIssue(i.field));
  return (
    <dialog ref={dialog} className="profile-form" aria-labelledby="profile-form-title" onCancel={() => props.onDone()}>
      <form onSubmit={(e) => void save(e)} noValidate>
        <h2 id="profile-form-title">{props.title}</h2>
        {props.notes?.length ? (
          <ul className="notes">
            {props.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
        <div className="form-grid">
          {FIELDS.map(({ field, label, help, multiline, select }) => {
            const issue = issueFor(field);
            const id = `pf-${field}`;
            const common = {
              id,
              name: field,
              value: values[field],
              'aria-invalid': issue ? true : undefined,
              'aria-describedby': issue ? `${id}-issue` : help ? `${id}-help` : undefined,
              onBlur: () => setTouched((t) => new Set(t).add(field)),
              onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [field]: e.target.value })),
            };
            return (
              <div className="field" key={field}>
                <label htmlFor={id}>{label}</label>
                {select ? (
                  <select {...common}>
                    {select.map((o) => (
                      <option key={o}>{o}</option>
                    ))}
                  </select>
                ) : multiline ? (
                  <textarea rows={3} spellCheck={false} {...common} />
                ) : (
                  <input type="text" spellCheck={false} {...common} />
                )}
                {issue ? (
                  <p className="field-issue" id={`${id}-issue`}>
                    {issue.message}
                  </p>
                ) : help ? (
                  <p className="field-help" id={`${id}-help`}>
                    {help}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        {general.map((i) => (
          <p key={i.field + i.message} className="field-issue">
            {i.message}
          </p>
        ))}
        <ErrorNote error={error} />
        <div className="actions">
          <button type="submit" className="primary">
            Save profile
          </button>
          <button
            type="button"
            onClick={() => {
              dialog.current?.close();
              props.onDone();
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
