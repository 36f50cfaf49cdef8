/** The two halves of every admin fix: where in the console, and the AWS CLI command. */

export const clientConsole = (section: string) => `Cognito console → User pools → your pool → App clients → your client → ${section}`;
export const identityConsole = (section: string) => `Cognito console → Identity pools → your pool → ${section}`;

/** update-user-pool-client resets every setting left out, so the command says to pass the current ones too. */
export function updateClient(userPoolId: string, clientId: string, args: string): string {
  return `aws cognito-idp update-user-pool-client --user-pool-id ${userPoolId} --client-id ${clientId} ${args} (update-user-pool-client resets settings you leave out: start from aws cognito-idp describe-user-pool-client --user-pool-id ${userPoolId} --client-id ${clientId})`;
}

export function updateIdentityPool(identityPoolId: string, args: string): string {
  return `aws cognito-identity update-identity-pool --identity-pool-id ${identityPoolId} ${args} (it replaces the pool's settings: start from aws cognito-identity describe-identity-pool --identity-pool-id ${identityPoolId})`;
}

/** 300 → "5 min", 3600 → "1 h", 2592000 → "30 days". */
export function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** A shell word for a list argument: each value quoted when it needs to be. */
export const words = (values: readonly string[]) => values.map((v) => (/^[\w./:@+-]+$/.test(v) ? v : `'${v.replace(/'/g, "'\\''")}'`)).join(' ');
