/** The shapes a developer pastes a token in. */
export const bearerHeader = (token: string) => `Authorization: Bearer ${token}`;

/** A curl line for the profile's API (or a placeholder URL to edit), single-quoted for POSIX shells. */
export function curlLine(token: string, url = 'https://api.example.com/'): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `curl -H ${q(bearerHeader(token))} ${q(url)}`;
}
