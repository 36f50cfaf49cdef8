/**
 * The profile form's text fields and the profile draft the core validates with the CLI's schema.
 * The form never validates on its own: the core's field issues are mapped back onto these fields.
 */
export const FORM_FIELDS = [
  'name',
  'issuer',
  'clientId',
  'region',
  'scopes',
  'redirectUris',
  'identityProvider',
  'identityProviders',
  'logoutUri',
  'apiBaseUrl',
  'hostedUiDomain',
  'refreshTokenLifetimeSeconds',
  'identityPoolId',
  'identityPoolMode',
  'identityPoolEndpoint',
  'identityPoolRoleArn',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;

const words = (s: string) => s.split(/[\s,]+/).map((w) => w.trim()).filter(Boolean);

export function emptyForm(): FormValues {
  return Object.fromEntries(FORM_FIELDS.map((f) => [f, f === 'identityPoolMode' ? 'enhanced' : ''])) as FormValues;
}

export function draftFromForm(v: FormValues, base: Record<string, unknown> = {}): Record<string, unknown> {
  const draft: Record<string, unknown> = { ...base };
  const set = (key: string, value: unknown, present: boolean) => {
    if (present) draft[key] = value;
    else delete draft[key];
  };
  set('name', v.name.trim(), true);
  set('issuer', v.issuer.trim(), true);
  set('clientId', v.clientId.trim(), true);
  set('region', v.region.trim(), Boolean(v.region.trim()));
  set('scopes', words(v.scopes), Boolean(v.scopes.trim()));
  set('redirectUris', words(v.redirectUris), Boolean(v.redirectUris.trim()));
  set('identityProvider', v.identityProvider.trim(), Boolean(v.identityProvider.trim()));
  set('identityProviders', words(v.identityProviders), Boolean(v.identityProviders.trim()));
  for (const k of ['logoutUri', 'apiBaseUrl', 'hostedUiDomain'] as const) set(k, v[k].trim(), Boolean(v[k].trim()));
  const lifetime = v.refreshTokenLifetimeSeconds.trim();
  set('refreshTokenLifetimeSeconds', /^\d+$/.test(lifetime) ? Number(lifetime) : lifetime, Boolean(lifetime));
  if (v.identityPoolId.trim()) {
    const previous = (base.identityPool ?? {}) as Record<string, unknown>;
    draft.identityPool = {
      ...previous,
      id: v.identityPoolId.trim(),
      mode: v.identityPoolMode || 'enhanced',
      ...(v.identityPoolEndpoint.trim() ? { endpoint: v.identityPoolEndpoint.trim() } : {}),
      ...(v.identityPoolRoleArn.trim() ? { roleArn: v.identityPoolRoleArn.trim() } : {}),
    };
    if (!v.identityPoolEndpoint.trim()) delete (draft.identityPool as Record<string, unknown>).endpoint;
    if (!v.identityPoolRoleArn.trim()) delete (draft.identityPool as Record<string, unknown>).roleArn;
  } else delete draft.identityPool;
  return draft;
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown, sep: string) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(sep) : '');

export function formFromProfile(p: Record<string, unknown>): FormValues {
  const pool = (p.identityPool ?? {}) as Record<string, unknown>;
  return {
    name: text(p.name),
    issuer: text(p.issuer),
    clientId: text(p.clientId),
    region: text(p.region),
    scopes: list(p.scopes, ' '),
    redirectUris: list(p.redirectUris, '\n'),
    identityProvider: text(p.identityProvider),
    identityProviders: list(p.identityProviders, ', '),
    logoutUri: text(p.logoutUri),
    apiBaseUrl: text(p.apiBaseUrl),
    hostedUiDomain: text(p.hostedUiDomain),
    refreshTokenLifetimeSeconds: text(p.refreshTokenLifetimeSeconds),
    identityPoolId: text(pool.id),
    identityPoolMode: text(pool.mode) || 'enhanced',
    identityPoolEndpoint: text(pool.endpoint),
    identityPoolRoleArn: text(pool.roleArn),
  };
}

/** The form field a schema issue path ("identityPool.id", "scopes.0") belongs to. */
export function fieldForIssue(path: string): FormField | undefined {
  const [head, sub] = path.split('.');
  if (head === 'identityPool') {
    const map: Record<string, FormField> = { id: 'identityPoolId', mode: 'identityPoolMode', endpoint: 'identityPoolEndpoint', roleArn: 'identityPoolRoleArn' };
    return map[sub ?? 'id'] ?? 'identityPoolId';
  }
  return (FORM_FIELDS as readonly string[]).includes(head ?? '') ? (head as FormField) : undefined;
}
