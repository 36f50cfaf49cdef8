import { Command, Option } from 'commander';
import { addProfileOptions } from './profile-options.js';
import type { Io } from './output.js';

/**
 * The command tree. Definitions are cheap and eager (for --help); each action imports its
 * implementation on demand, so `credentials --format process` never loads openid-client or the AWS SDK.
 */
export type Action = (io: Io, opts: Record<string, unknown>, args: string[]) => Promise<number | void>;
type Runner = (action: Promise<{ default: Action }>, opts: Record<string, unknown>, args: string[]) => Promise<void>;

const collectParam = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

export function buildProgram(run: Runner): Command {
  const program = new Command('cognito-inspector')
    .description('Sign in to Amazon Cognito (or any OIDC issuer), inspect tokens, and get AWS credentials.')
    .version(process.env.npm_package_version ?? '0.1.0')
    .option('--debug', 'print stack traces for errors')
    .addOption(new Option('--trace [level]', 'print each HTTP exchange on stderr, secrets redacted; --trace=full adds headers and bodies').choices(['lines', 'full']))
    .option('--har <file>', 'write the HTTP exchanges as HAR 1.2 (secrets redacted, mode 0600) when the command ends')
    .showHelpAfterError('hint: run with --help for usage');

  const json = () => new Option('--json', 'print one JSON document on stdout');

  addProfileOptions(
    program
      .command('login')
      .description('sign in through the hosted UI in your browser (authorization code + PKCE, loopback redirect)')
      .option('--timeout <seconds>', 'give up waiting for the browser after this many seconds (default: 300)')
      .option('--browser-command <cmd>', 'open the URL with this program (URL as its last argument, no shell); default $BROWSER or the system browser')
      .option('--no-browser', 'do not open a browser; print a short local URL to open anywhere that reaches this machine')
      .option('--allow-memory-only', 'sign in even when the keychain is locked or unavailable (the session then ends with this command)')
      .option('--param <name=value>', 'an extra authorize parameter (repeatable), e.g. --param lang=ja; not PKCE, state, nonce or redirect_uri', collectParam)
      .addOption(json())
      .addHelpText('after', examples([
        'cognito-inspector login --profile local',
        'cognito-inspector login --issuer https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC --client-id 1example23456789',
        'cognito-inspector login --profile prod --identity-provider Google --prompt login',
        'cognito-inspector login --profile prod --no-browser   # over SSH: open the printed URL',
      ])),
  ).action((opts, cmd: Command) => run(import('./commands/login.js'), merged(cmd, opts), cmd.args));

  addProfileOptions(
    program
      .command('authorize-url')
      .description('print the exact authorize URL a sign-in would open (PKCE challenge, state and nonce included); starts no sign-in')
      .option('--param <name=value>', 'add or override an authorize parameter (repeatable); overriding state, PKCE or redirect_uri is allowed here, with a warning', collectParam)
      .addOption(json())
      .addHelpText('after', examples([
        'cognito-inspector authorize-url --profile prod',
        'cognito-inspector authorize-url -p prod --identity-provider Google --param prompt=select_account',
        'cognito-inspector authorize-url -p prod --scope "openid email" --param lang=ja --json',
      ])),
  ).action((opts, cmd: Command) => run(import('./commands/authorize-url.js'), merged(cmd, opts), cmd.args));

  addProfileOptions(
    program
      .command('doctor')
      .description("check a profile against its pool: discovery, hosted UI, client id, redirect URIs, scopes, grant, identity providers, secret, identity pool, session (no credentials needed; never completes a sign-in)")
      .addOption(json())
      .option('--admin', 'also read the settings themselves with AWS credentials (AWS_PROFILE etc.): callback and sign-out URLs, flows, scopes, providers, lifetimes, revocation, rotation, identity pool provider and role mapping')
      .addHelpText('after', examples([
        'cognito-inspector doctor --profile prod',
        'AWS_PROFILE=admin cognito-inspector doctor --profile prod --admin',
        'cognito-inspector doctor -p prod --json | jq \'.checks[] | select(.status == "fail")\'',
      ]) + '\nExit status: 0 nothing failed, 1 something failed, 2 bad usage.\n'),
  ).action((opts, cmd: Command) => run(import('./commands/doctor.js'), merged(cmd, opts), cmd.args));

  withoutSignInFlags(addProfileOptions(
    program
      .command('status')
      .description('show whether you are signed in, token lifetimes and the keychain state')
      .addOption(json())
      .addHelpText('after', examples(['cognito-inspector status --profile local', 'cognito-inspector status --json'])),
  )).action((opts, cmd: Command) => run(import('./commands/status.js'), merged(cmd, opts), cmd.args));

  withoutSignInFlags(addProfileOptions(
    program
      .command('token')
      .description('print the current ID or access token, refreshing it first if it has expired')
      .addOption(new Option('--type <type>', 'which token').choices(['id', 'access']).default('id'))
      .option('--decode', 'print the decoded token instead of the raw JWT')
      .option('--refresh', 'refresh first, even when the current token is still valid')
      .option('--min-valid <seconds>', 'refresh first when the token is valid for less than this (default: 30 s)')
      .addOption(json())
      .addHelpText('after', examples([
        'cognito-inspector token --profile local',
        'curl -H "Authorization: Bearer $(cognito-inspector token --type access -p local)" https://api.example.com/',
        'cognito-inspector token --type access --decode',
        'cognito-inspector token --min-valid 600   # at least 10 minutes left, else refreshed',
        'cognito-inspector token --refresh --json   # force a refresh (test rotation, lifetimes)',
      ])),
  )).action((opts, cmd: Command) => run(import('./commands/token.js'), merged(cmd, opts), cmd.args));

  program
    .command('inspect')
    .argument('[token]', 'a JWT, or - to read it from stdin', '-')
    .description('decode, explain and verify a JWT (decode never implies verify)')
    .option('--jwks <url>', 'verify with the keys at this JWKS URL (pins them)')
    .option('--issuer <url>', 'verify against this issuer, discovery then its jwks_uri (pins it)')
    .option('--audience <aud>', 'expected audience (the app client id for Cognito ID tokens)')
    .option('--client-id <id>', 'the app client id: the same as --audience')
    .addOption(new Option('--token-use <use>', 'expected Cognito token_use').choices(['id', 'access']))
    .option('--offline', 'decode and explain only; fetch no keys')
    .option('--no-color', 'plain text')
    .addOption(json())
    .addHelpText('after', examples([
      'cognito-inspector inspect eyJraWQiOi...',
      'cognito-inspector token -p local | cognito-inspector inspect -',
      'cognito-inspector inspect --issuer https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC "$TOKEN"',
    ]) + '\nVerification: VALID only with keys you pinned (--issuer, --jwks, or the issuer of a saved profile).\n'
      + 'Keys found through the token\'s own iss prove nothing about who made it: status "unpinned".\n'
      + 'Exit status: 0 valid, or decoded only (--offline); 1 invalid, unpinned or unverified; 2 not a JWT.\n')
    .action((token: string, opts, cmd: Command) => run(import('./commands/inspect.js'), merged(cmd, opts), [token]));

  withoutSignInFlags(addProfileOptions(
    program
      .command('logout')
      .description('revoke the refresh token, delete the keychain entry, and optionally end the hosted-UI session')
      .option('--local', 'only forget the session here; no network')
      .option('--hosted', "also open Cognito's /logout in the browser to end the hosted-UI session")
      .option('--browser-command <cmd>', 'open the URL with this program')
      .addOption(json())
      .addHelpText('after', examples(['cognito-inspector logout --profile local', 'cognito-inspector logout -p prod --hosted --logout-uri http://localhost:53682/signed-out'])),
  )).action((opts, cmd: Command) => run(import('./commands/logout.js'), merged(cmd, opts), cmd.args));

  const profiles = program
    .command('profiles')
    .description('manage saved profiles (non-secret app client settings)')
    .addHelpText('after', examples(['cognito-inspector profiles list', 'cognito-inspector profiles add local --issuer http://127.0.0.1:4610/us-east-1_LocalDemo --client-id localdemoclient0000000000', 'cognito-inspector profiles import ./amplify_outputs.json --name myapp']));
  profiles
    .command('list')
    .description('list saved profiles')
    .addOption(json())
    .addHelpText('after', examples(['cognito-inspector profiles list', 'cognito-inspector profiles list --json']))
    .action((opts, cmd: Command) => run(import('./commands/profiles-list.js'), merged(cmd, opts), []));
  profiles
    .command('show')
    .argument('<name>')
    .description('show one profile')
    .addOption(json())
    .addHelpText('after', examples(['cognito-inspector profiles show prod', 'cognito-inspector profiles show prod --json']))
    .action((name: string, opts, cmd: Command) => run(import('./commands/profiles-show.js'), merged(cmd, opts), [name]));
  addProfileOptions(
    profiles
      .command('add')
      .argument('<name>')
      .description('save a profile from flags')
      .option('--refresh-token-lifetime <seconds>', "the app client's refresh token lifetime, to show an approximate expiry")
      .option('--replace', 'overwrite a profile with this name')
      .addHelpText('after', examples([
        'cognito-inspector profiles add prod --region us-east-1 --user-pool-id us-east-1_AbC123 --client-id 1example23456789 --identity-provider Google',
        'cognito-inspector profiles add okta --issuer https://dev-123.okta.com/oauth2/default --client-id 0oa... --scope "openid email offline_access"',
      ])),
  ).action((name: string, opts, cmd: Command) => run(import('./commands/profiles-add.js'), merged(cmd, opts), [name]));
  addProfileOptions(
    profiles
      .command('edit')
      .argument('<name>')
      .description('change fields of a saved profile')
      .option('--refresh-token-lifetime <seconds>', "the app client's refresh token lifetime")
      .option('--no-client-secret', 'the app client is public: stop sending a secret and delete the stored one from the keychain')
      .addHelpText('after', examples(['cognito-inspector profiles edit prod --scope "openid email profile"', 'cognito-inspector profiles edit prod --no-client-secret'])),
  ).action((name: string, opts, cmd: Command) => run(import('./commands/profiles-edit.js'), merged(cmd, opts), [name]));
  profiles
    .command('use')
    .argument('<name>')
    .description('make a profile current: used when no --profile is given (login makes the profile it signed in with current)')
    .addHelpText('after', examples(['cognito-inspector profiles use prod', 'cognito-inspector status   # now means --profile prod']))
    .action((name: string, opts, cmd: Command) => run(import('./commands/profiles-use.js'), merged(cmd, opts), [name]));
  profiles
    .command('remove')
    .argument('<name>')
    .description('revoke the profile\'s refresh token, then remove the profile and its keychain entry')
    .addHelpText('after', examples(['cognito-inspector profiles remove prod']))
    .action((name: string, opts, cmd: Command) => run(import('./commands/profiles-remove.js'), merged(cmd, opts), [name]));
  profiles
    .command('import')
    .argument('<file>', 'amplify_outputs.json, amplifyconfiguration.json or aws-exports.js')
    .option('--name <name>', 'profile name', 'amplify')
    .option('--replace', 'overwrite a profile with this name')
    .description("import an Amplify app's auth settings")
    .addHelpText('after', examples(['cognito-inspector profiles import ./amplify_outputs.json --name myapp']))
    .action((file: string, opts, cmd: Command) => run(import('./commands/profiles-import.js'), merged(cmd, opts), [file]));

  const credentialOptions = (cmd: Command) =>
    addProfileOptions(cmd)
      .option('--role-arn <arn>', 'ask for this role (one of the ID token\'s cognito:roles); default: cognito:preferred_role')
      .addOption(new Option('--mode <mode>', "identity pool flow (default: the profile's, else enhanced)").choices(['enhanced', 'basic', 'guest']))
      .option('--duration <seconds>', 'basic flow: how long the credentials last (900-43200)')
      .option('--no-cache', 'get new credentials even when cached ones are still valid');

  const credentials = credentialOptions(
    program
      .command('credentials')
      .description("temporary AWS credentials from the profile's identity pool (kept in the keychain until 5 minutes before they expire)")
      .addOption(new Option('--format <format>', 'output: credential_process JSON, shell exports, a ~/.aws/credentials block, or JSON (default env; json with --json)').choices(['process', 'env', 'ini', 'json']))
      .addOption(new Option('--shell <shell>', 'for --format env').choices(['sh', 'fish', 'powershell']).default('sh'))
      .option('--section <name>', 'for --format ini: the [section] name (default: the profile name)')
      .addOption(json())
      .addHelpText('after', examples([
        'eval "$(cognito-inspector credentials --profile local)"',
        'cognito-inspector credentials --profile local --format env --shell fish | source',
        'cognito-inspector credentials --profile prod --role-arn arn:aws:iam::123456789012:role/Admins --format json',
        'cognito-inspector credentials --profile prod --mode basic --duration 43200 --format process',
        'cognito-inspector credentials setup-aws-profile my-app --profile prod && aws s3 ls --profile my-app',
      ])),
  ).action((opts, cmd: Command) => run(import('./commands/credentials.js'), merged(cmd, opts), []));
  credentialOptions(
    credentials
      .command('setup-aws-profile')
      .argument('<name>', 'the AWS profile to write in ~/.aws/config (AWS_CONFIG_FILE)')
      .description('write a credential_process profile into ~/.aws/config (a backup first; no secret goes in the file)')
      .option('--command <cmd>', 'how AWS tools start this CLI (default: node and this CLI by absolute path)')
      .option('--save-as <name>', 'with ad-hoc flags: save them as this profile (default: the derived adhoc-... name)')
      .addOption(json())
      .addHelpText('after', examples(['cognito-inspector credentials setup-aws-profile my-app --profile prod', 'aws sts get-caller-identity --profile my-app'])),
  ).action((name: string, opts, cmd: Command) => run(import('./commands/credentials-setup-aws-profile.js'), merged(cmd, opts), [name]));
  credentialOptions(
    credentials
      .command('whoami')
      .description('STS GetCallerIdentity with the credentials: account, assumed-role ARN, and the roles you may choose')
      .addOption(json())
      .addHelpText('after', examples(['cognito-inspector credentials whoami --profile local', 'cognito-inspector credentials whoami -p prod --role-arn arn:aws:iam::123456789012:role/Readers'])),
  ).action((opts, cmd: Command) => run(import('./commands/credentials-whoami.js'), merged(cmd, opts), []));

  credentialOptions(
    program
      .command('call')
      .argument('<url>', 'absolute, or relative to the profile\'s --api-base-url')
      .description("call an API protected by the pool: with the ID token (API Gateway's Cognito authorizer), Bearer access token, or SigV4")
      .addOption(new Option('--token <type>', 'which token goes in Authorization').choices(['id', 'access']).default('id'))
      .option('-X, --request <method>', 'HTTP method (default GET, POST with -d)')
      .option('-H, --header <line>', "a request header 'Name: value'; repeat for more", (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
      .option('-d, --data <body>', 'request body')
      .option('--sigv4 <service>', 'sign with the temporary AWS credentials for this service (e.g. execute-api) instead of a token')
      .addOption(json())
      .addHelpText('after', examples([
        'cognito-inspector call https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets --profile prod',
        'cognito-inspector call /pets -X POST -d \'{"name":"Rex"}\' --token access',
        'cognito-inspector call /pets --sigv4 execute-api --json',
      ]) + '\nExit status: 0 for an HTTP status below 400, 1 otherwise.\n'),
  ).action((url: string, opts, cmd: Command) => run(import('./commands/call.js'), merged(cmd, opts), [url]));

  program
    .command('ui')
    .description('the app window in your browser: served on loopback, same features as the desktop app')
    .option('--port <n>', 'port to listen on, 0 picks a free one (default 4620, or a free one when taken)')
    .option('--no-browser', 'do not open a browser; print the one-time link (for SSH: ssh -L PORT:127.0.0.1:PORT)')
    .option('-p, --profile <name>', 'the profile the window shows first')
    .option('--browser-command <cmd>', 'open pages (the window, sign-ins) with this program; default $BROWSER or the system browser')
    .option('--idle-timeout <seconds>', 'stop this long after the last page was closed', '60')
    .addHelpText('after', examples(['cognito-inspector ui', 'cognito-inspector ui --profile prod', 'cognito-inspector ui --no-browser --port 4620   # over SSH: forward the port, open the link']))
    .action((opts, cmd: Command) => run(import('./commands/ui.js'), merged(cmd, opts), []));

  program
    .command('emulator')
    .description('start the local Cognito-compatible user pool + identity pool (plain http, loopback only)')
    .option('--port <n>', 'port to listen on, 0 picks a free one (default 4610)')
    .option('--config <file>', 'a JSON config (see emulator/README.md); default: the seeded demo pool')
    .option('--log', 'print each request (method, path, status, ms)')
    .option('--state <dir>', 'keep users, refresh-token records (hashed) and identity ids in DIR across restarts; signing keys in the keychain')
    .addHelpText('after', examples(['cognito-inspector emulator', 'cognito-inspector emulator --state ~/.local/share/my-pool', 'cognito-inspector emulator --port 0 --config ./pool.json --log']))
    .action((opts, cmd: Command) => run(import('./commands/emulator.js'), merged(cmd, opts), []));

  return program;
}

/** status, token and logout accept the sign-in-only flags (scripts pass one set of flags) but do not list them. */
function withoutSignInFlags(cmd: Command): Command {
  for (const o of cmd.options) if (['--prompt', '--login-hint', '--lang'].includes(o.long ?? '')) o.hideHelp();
  return cmd;
}

/** A command's options plus the global ones (--debug). */
function merged(cmd: Command, opts: Record<string, unknown>): Record<string, unknown> {
  return { ...cmd.optsWithGlobals(), ...opts };
}
