import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../errors/app-error.js';
import type { FieldIssue, ImportDraft, ProfileDetail, ProfileSaveResult, ProfileSummary } from '../ipc/contract.js';
import type { ShellPorts } from '../ports.js';
import { parseCognitoIssuer } from '../profiles/cognito-issuer.js';
import { profileSchema, type Profile } from '../profiles/schema.js';
import type { ProfileStore } from '../profiles/store.js';
import type { SessionVault } from '../secrets/session-vault.js';

const MAX_IMPORT_BYTES = 1_000_000;

export function profileSummary(p: Profile): ProfileSummary {
  const providers = new Set([...(p.identityProviders ?? []), ...(p.identityProvider ? [p.identityProvider] : [])]);
  providers.delete('COGNITO');
  return {
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    local: Boolean(parseCognitoIssuer(p.issuer)?.local),
    identityProviders: [...providers],
    hasIdentityPool: Boolean(p.identityPool),
  };
}

/** The form's issues, one per field, from the CLI's own schema. */
function issuesOf(draft: unknown): { issues: FieldIssue[]; profile?: Profile } {
  const parsed = profileSchema.safeParse(draft);
  if (parsed.success) return { issues: [], profile: parsed.data };
  const issues: FieldIssue[] = [];
  for (const i of parsed.error.issues) {
    const field = i.path.join('.');
    if (!issues.some((x) => x.field === field)) issues.push({ field, message: i.message });
  }
  return { issues };
}

/**
 * Profile management for the window: the same store and schema the CLI uses. Removing a profile
 * signs it out (revoking when it can) and deletes its keychain entry.
 */
export function profileHandlers(deps: {
  profiles: ProfileStore;
  vault: SessionVault;
  shell: ShellPorts | undefined;
  signOut: (profile: string) => Promise<void>;
  changed: () => void;
}) {
  const { profiles } = deps;
  return {
    'profiles:list': async () => (await profiles.list()).map(profileSummary),
    'profiles:get': async (req: { profile: string }): Promise<ProfileDetail> => ({ ...(await profiles.get(req.profile)) }),
    'profiles:save': async (req: { profile: Record<string, unknown>; original?: string; dryRun?: boolean }): Promise<ProfileSaveResult> => {
      const { issues, profile } = issuesOf(req.profile);
      if (!profile) return { saved: false, issues };
      const existing = await profiles.find(profile.name);
      if (existing && profile.name !== req.original) {
        return { saved: false, issues: [{ field: 'name', message: `a profile named "${profile.name}" exists: pick another name` }] };
      }
      if (req.dryRun) return { saved: false, issues: [] };
      const saved = await profiles.add(profile, { replace: true });
      if (req.original && req.original !== profile.name) {
        await deps.signOut(req.original).catch(() => undefined);
        await deps.vault.remove(req.original).catch(() => undefined);
        await profiles.remove(req.original);
      }
      deps.changed();
      return { saved: true, issues: [], profile: { ...saved } };
    },
    'profiles:duplicate': async (req: { profile: string; as: string }) => {
      const source = await profiles.get(req.profile);
      if (await profiles.find(req.as)) throw new AppError('PROFILE_EXISTS', `a profile named "${req.as}" exists`, 'pick another name for the copy');
      const copy = await profiles.add({ ...source, name: req.as, adHoc: false, hasClientSecret: false });
      deps.changed();
      return profileSummary(copy);
    },
    'profiles:remove': async (req: { profile: string }) => {
      await profiles.get(req.profile);
      await deps.signOut(req.profile).catch(() => undefined);
      await deps.vault.remove(req.profile);
      const removed = await profiles.remove(req.profile);
      deps.changed();
      return { removed };
    },
    'profiles:import-amplify': async (req: { name: string; file?: { name: string; text: string } }): Promise<ImportDraft> => {
      let file = req.file;
      if (!file) {
        if (!deps.shell?.pickFile) throw new AppError('INVALID_INPUT', 'no file given', 'choose the amplify_outputs.json, amplifyconfiguration.json or aws-exports.js file');
        const path = await deps.shell.pickFile({ title: 'Import an Amplify config', extensions: ['json', 'js'] });
        if (!path) return { cancelled: true, notes: [] };
        if ((await stat(path)).size > MAX_IMPORT_BYTES) throw new AppError('INVALID_INPUT', `${basename(path)} is larger than 1 MB`, 'pick the Amplify config file itself');
        file = { name: basename(path), text: await readFile(path, 'utf8') };
      }
      const { importAmplifyConfig } = await import('../profiles/amplify-import.js');
      const result = importAmplifyConfig(file.name, file.text, req.name);
      return { cancelled: false, draft: { ...result.profile, name: req.name }, notes: result.notes, format: result.format };
    },
  };
}
