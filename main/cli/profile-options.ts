import { Option, type Command } from 'commander';

/** Flags that mirror the profile fields, so every command works without a saved profile. */
export interface ProfileFlags {
  profile?: string;
  issuer?: string;
  region?: string;
  userPoolId?: string;
  clientId?: string;
  clientSecretEnv?: string;
  scope?: string;
  redirectUri?: string[];
  identityProvider?: string;
  identityPoolId?: string;
  identityEndpoint?: string;
  prompt?: string;
  loginHint?: string;
  lang?: string;
  logoutUri?: string;
  apiBaseUrl?: string;
  hostedUiDomain?: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function addProfileOptions(cmd: Command): Command {
  return cmd
    .option('-p, --profile <name>', 'a saved profile (see `profiles list`)')
    .option('--issuer <url>', 'OIDC issuer URL (Cognito: https://cognito-idp.<region>.amazonaws.com/<poolId>)')
    .option('--region <region>', 'AWS region (with --user-pool-id instead of --issuer)')
    .option('--user-pool-id <id>', 'Cognito user pool id, e.g. us-east-1_AbC123')
    .option('--client-id <id>', 'app client id')
    .option('--client-secret-env <var>', 'read the client secret from this environment variable')
    .option('--scope <scopes>', 'space-separated scopes, e.g. "openid email"')
    .option('--redirect-uri <uri>', 'a registered loopback redirect URI; repeat to give fallbacks in order', collect)
    .option('--identity-provider <name>', 'skip the hosted UI and go to this provider, e.g. Google')
    .option('--identity-pool-id <id>', 'Cognito identity pool id, e.g. us-east-1:1b2c...')
    .option('--identity-endpoint <url>', 'identity pool and STS endpoint (e.g. the local pool)')
    .addOption(new Option('--prompt <value>', 'authorize prompt, e.g. login to switch account').hideHelp(false))
    .option('--login-hint <value>', 'prefill the username on the sign-in page')
    .option('--lang <code>', 'hosted UI language, e.g. ja')
    .option('--logout-uri <uri>', 'a registered sign-out URL (for logout --hosted)')
    .option('--api-base-url <url>', 'base URL of your API (for `call`)')
    .option('--hosted-ui-domain <url>', 'hosted UI domain override');
}
