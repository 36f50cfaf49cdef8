import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../main/core/errors/app-error.js';
import { bridge } from '../api.js';

/** The scopes a form offers: the profile's first, then what discovery's scopes_supported adds. */
export function offeredScopes(profile: string[], supported: string[]): string[] {
  return [...new Set([...profile, ...supported])];
}

/**
 * Scopes as checkboxes (the profile's checked) plus a field for any other (custom resource-server
 * scopes, or a wrong one to see the refusal). Reports the whole list, or undefined until the offer
 * is known (the profile's scopes apply).
 */
export function ScopePicker({ profile, onChange }: { profile: string; onChange: (scopes: string[] | undefined, profileScopes: string[]) => void }) {
  const [offer, setOffer] = useState<{ profile: string[]; supported: string[] } | undefined>();
  const [checked, setChecked] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const [error, setError] = useState<ErrorInfo | undefined>();

  useEffect(() => {
    void bridge().invoke('tester:scopes', { profile }).then((r) => {
      if (!r.ok) return setError(r.error);
      setOffer(r.value);
      setChecked(r.value.profile);
    });
  }, [profile]);

  useEffect(() => {
    const extra = other.split(/\s+/).filter(Boolean);
    // In the offered order (profile's first), however they were clicked; then the typed ones.
    const picked = offer ? offeredScopes(offer.profile, offer.supported).filter((s) => checked.includes(s)) : [];
    const list = [...picked, ...extra.filter((s) => !picked.includes(s))];
    onChange(offer || extra.length ? list : undefined, offer?.profile ?? []);
  }, [offer, checked, other]);

  const toggle = (scope: string, on: boolean) => setChecked((all) => (on ? [...all, scope] : all.filter((s) => s !== scope)));
  return (
    <fieldset className="scopes-picker">
      <legend>Scopes</legend>
      {offer ? (
        <p className="muted">Checked: the profile's scopes. Offered: those and discovery's <code>scopes_supported</code>.</p>
      ) : error ? (
        <p className="muted">Discovery could not be read ({error.code}): type the scopes below; empty means the profile's.</p>
      ) : null}
      <div className="scope-boxes">
        {offer
          ? offeredScopes(offer.profile, offer.supported).map((s) => (
              <label key={s}>
                <input type="checkbox" checked={checked.includes(s)} onChange={(e) => toggle(s, e.target.checked)} /> {s}
              </label>
            ))
          : null}
      </div>
      <label>
        Other scopes (space-separated) <input value={other} onChange={(e) => setOther(e.target.value)} placeholder="resource-server/scope" />
      </label>
    </fieldset>
  );
}
