import type { EmulatorConfigInput } from './config-schema.js';

const PORTS = [53682, 53683];
const HOSTS = ['localhost', '127.0.0.1'];
const urls = (path: string): string[] => HOSTS.flatMap((h) => PORTS.map((p) => `http://${h}:${p}${path}`));

/** The seeded demo pool `cognito-inspector emulator` starts with when no --config is given. */
export const DEFAULT_CONFIG: EmulatorConfigInput = {
  region: 'us-east-1',
  accountId: '123456789012',
  userPool: {
    id: 'us-east-1_LocalDemo',
    name: 'Local demo pool',
    showDemoCredentials: true,
    allowSelfSignUp: true,
    domain: 'localdemo',
    groups: [
      { name: 'admins', precedence: 1, roleArn: 'arn:aws:iam::123456789012:role/LocalDemoAdmin' },
      { name: 'developers', precedence: 2, roleArn: 'arn:aws:iam::123456789012:role/LocalDemoDeveloper' },
    ],
    users: [
      {
        username: 'alice',
        password: 'Passw0rd!',
        sub: '1b3b6f4e-8a2c-4d5e-9f10-a1b2c3d4e5f6',
        email: 'alice@example.com',
        emailVerified: true,
        groups: ['admins', 'developers'],
        attributes: { name: 'Alice Example', 'custom:team': 'platform' },
      },
      {
        username: 'bob',
        password: 'Passw0rd!',
        sub: '2c4c7a5f-9b3d-4e6f-8a21-b2c3d4e5f6a7',
        email: 'bob@example.com',
        emailVerified: false,
        groups: ['developers'],
        attributes: { name: 'Bob Example' },
      },
    ],
    clients: [
      {
        clientId: 'localdemoclient0000000000',
        name: 'Cognito Inspector (public)',
        callbackUrls: urls('/callback'),
        logoutUrls: urls('/signed-out'),
        allowedScopes: ['openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin'],
        allowedFlows: ['code', 'implicit'],
        identityProviders: ['COGNITO', 'Google'],
        refreshTokenRotation: { enabled: false, gracePeriodSeconds: 0 },
        enableTokenRevocation: true,
      },
    ],
    google: {
      enabled: true,
      accounts: [{ sub: '102613502779525861182', email: 'demo.user@gmail.com', name: 'Demo Google User', emailVerified: true }],
    },
  },
  identityPools: [
    {
      id: 'us-east-1:00000000-0000-4000-8000-000000000001',
      name: 'Local demo identity pool',
      allowUnauthenticated: true,
      allowClassicFlow: true,
      authenticatedRoleArn: 'arn:aws:iam::123456789012:role/LocalDemoAuthenticated',
      unauthenticatedRoleArn: 'arn:aws:iam::123456789012:role/LocalDemoGuest',
      providers: [
        {
          userPoolId: 'us-east-1_LocalDemo',
          clientId: 'localdemoclient0000000000',
          serverSideTokenCheck: true,
          roleMapping: { type: 'Token', ambiguousRoleResolution: 'AuthenticatedRole' },
        },
      ],
    },
  ],
};
