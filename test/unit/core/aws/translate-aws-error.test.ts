import { describe, expect, it } from 'vitest';
import { translateAwsError } from '../../../../main/core/aws/translate-aws-error.js';
import { identityTarget } from '../../../../main/core/aws/target.js';

const target = identityTarget({ name: 'prod', issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc', identityPool: { id: 'eu-west-1:1111-2222' } });
const KEY = 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc';
const sdkError = (name: string, message: string, status = 400) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('translateAwsError', () => {
  it.each([
    ['Logins key rejected as a guest', sdkError('NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.'), { loginsKey: KEY }, 'GUEST_NOT_ALLOWED', `The pool did not accept the Logins key that was sent, "${KEY}": it must be a provider of the identity pool (cognito-idp.<region>.amazonaws.com/<userPoolId>).`],
    ['expired login token', sdkError('NotAuthorizedException', 'Invalid login token. Token expired: 1754028847 >= 1754027905'), { loginsKey: KEY }, 'TOKEN_EXPIRED', "Check this machine's clock, then run: cognito-inspector login --profile prod"],
    ['logins do not match', sdkError('NotAuthorizedException', "Logins don't match. Please include at least one valid login for this identity or identity pool."), { loginsKey: KEY }, 'LOGINS_MISMATCH', `The identity is linked to another login than "${KEY}". Sign in as the user this identity belongs to, or delete identity-ids.json in the inspector home to get a new identity.`],
    ['issuer mismatch', sdkError('NotAuthorizedException', "Invalid login token. Issuer doesn't match providerName"), { loginsKey: KEY }, 'LOGINS_MISMATCH', `The Logins key sent was "${KEY}". Add this user pool and app client as an authentication provider of eu-west-1:1111-2222, or use the profile of the user pool the pool trusts.`],
    ['namespaced pool-not-found', sdkError('com.amazonaws#ResourceNotFoundException', "IdentityPool 'eu-west-1:1111-2222' not found."), {}, 'IDENTITY_POOL_NOT_FOUND', 'Check the identity pool id "eu-west-1:1111-2222" and its region (eu-west-1, taken from the id\'s prefix).'],
    ['trust policy refuses the basic flow role', sdkError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403), { roleArn: 'arn:aws:iam::1:role/X', roles: ['arn:aws:iam::1:role/Y'] }, 'ROLE_NOT_ALLOWED', 'Pick one of the allowed roles (cognito:roles): arn:aws:iam::1:role/Y; or drop --role-arn to get the preferred role. Its trust policy must also allow this identity pool.'],
    ['a server fault', sdkError('InternalErrorException', 'boom', 500), {}, 'AWS_ERROR', 'AWS had a problem; try again shortly.'],
  ])('%s', (_name, err, extra, code, hint) => {
    const got = translateAwsError(err, { target, operation: 'GetCredentialsForIdentity', ...extra });
    expect({ code: got.code, hint: got.hint }).toEqual({ code, hint });
  });
});
