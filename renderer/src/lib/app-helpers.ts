/** The scopes a new profile starts with (the CLI's default). */
export const DEFAULT_SCOPES_TEXT = ['openid', 'email', 'profile'];

/** The profile before or after `current` in the list, wrapping around. */
export function nextProfile(names: string[], current: string, step: 1 | -1): string | undefined {
  if (!names.length) return undefined;
  const i = names.indexOf(current);
  return names[(i + step + names.length) % names.length];
}
