import type { UserPoolClientType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { planSettings, type PlanInput } from './plan';
import { buildUpdateUserPoolClientRequest, DEFAULT_TOKEN_VALIDITY_UNITS } from './updateRequest';
import { findCrossFieldProblems } from './crossFieldRules';
import { settingsOfUserPoolClient } from './currentSettings';

const client: UserPoolClientType = {
  UserPoolId: 'us-east-1_pool',
  ClientId: 'client1',
  ClientName: 'web-app',
  CreationDate: new Date('2024-01-01'),
  LastModifiedDate: new Date('2024-02-01'),
  ClientType: 'REGULAR',
  AccessTokenValidity: 60,
  IdTokenValidity: 60,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid', 'email'],
  CallbackURLs: ['https://app.example.com/callback'],
  DefaultRedirectURI: 'https://app.example.com/callback',
  ReadAttributes: ['email'],
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  PreventUserExistenceErrors: 'ENABLED',
  EnableTokenRevocation: true,
  AuthSessionValidity: 3,
};
const pool: UserPoolType = { Id: 'us-east-1_pool', Arn: 'arn:pool', UserPoolTier: 'ESSENTIALS', UserPoolTags: {} };

function plan(overrides: Partial<PlanInput> = {}) {
  return planSettings({
    userPoolId: 'us-east-1_pool',
    clientId: 'client1',
    described: { client, hasSecret: false },
    pool,
    declared: {},
    ownership: 'claim',
    ...overrides,
  });
}

describe('buildUpdateUserPoolClientRequest', () => {
  it('sends every setting the client has and nothing describe-only', () => {
    const request = buildUpdateUserPoolClientRequest('us-east-1_pool', 'client1', client);
    for (const member of ['CreationDate', 'LastModifiedDate', 'ClientType', 'ClientSecret']) {
      expect(request).not.toHaveProperty(member);
    }
    expect(request).toMatchObject({
      UserPoolId: 'us-east-1_pool',
      ClientId: 'client1',
      CallbackURLs: client.CallbackURLs,
    });
  });

  it('always sends complete token units, the defaults where the client reports none', () => {
    const { TokenValidityUnits: _units, ...withoutUnits } = client;
    expect(buildUpdateUserPoolClientRequest('p', 'c', withoutUnits).TokenValidityUnits).toEqual(
      DEFAULT_TOKEN_VALIDITY_UNITS,
    );
    expect(
      buildUpdateUserPoolClientRequest('p', 'c', { ...client, TokenValidityUnits: { AccessToken: 'minutes' } })
        .TokenValidityUnits,
    ).toEqual({ AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'days' });
  });

  it('always sends AllowedOAuthFlowsUserPoolClient, false when the client reports none', () => {
    const { AllowedOAuthFlowsUserPoolClient: _flag, ...withoutFlag } = client;
    expect(buildUpdateUserPoolClientRequest('p', 'c', withoutFlag).AllowedOAuthFlowsUserPoolClient).toBe(false);
  });

  it('leaves empty lists out: Cognito rejects [] and an omitted list is the empty one', () => {
    expect(buildUpdateUserPoolClientRequest('p', 'c', { ...client, LogoutURLs: [] })).not.toHaveProperty('LogoutURLs');
  });
});

describe('planSettings', () => {
  it('merges a declaration into the client and changes nothing else', () => {
    const result = plan({ declared: { AccessTokenValidity: 15 } });
    expect(result.refusals).toEqual([]);
    expect(result.updateRequest).toEqual({ ...result.restoreRequest, AccessTokenValidity: 15 });
  });

  it('merges TokenValidityUnits member by member', () => {
    const result = plan({ declared: { TokenValidityUnits: { IdToken: 'hours' }, IdTokenValidity: 1 } });
    expect(result.updateRequest?.TokenValidityUnits).toEqual({
      AccessToken: 'minutes',
      IdToken: 'hours',
      RefreshToken: 'days',
    });
  });

  it('sends no UpdateUserPoolClient when nothing declared changes', () => {
    const result = plan({ declared: { AccessTokenValidity: 60, GenerateSecret: false } });
    expect(result.updateRequest).toBeUndefined();
  });

  it('refuses a GenerateSecret that differs from the client as locked', () => {
    expect(plan({ declared: { GenerateSecret: true } }).refusals).toEqual([
      expect.objectContaining({ kind: 'locked', message: expect.stringContaining('needs a new app client') }),
    ]);
    expect(plan({ declared: { GenerateSecret: true }, described: { client, hasSecret: true } }).refusals).toEqual([]);
  });

  it('replaces AnalyticsConfiguration when the declaration names the project the other way', () => {
    const withId = {
      ...client,
      AnalyticsConfiguration: { ApplicationId: 'abc', RoleArn: 'arn:role', ExternalId: 'x' },
    };
    const result = plan({
      described: { client: withId, hasSecret: false },
      declared: { AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:1:apps/abc' } },
    });
    expect(result.updateRequest?.AnalyticsConfiguration).toEqual({
      ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:1:apps/abc',
    });
    const merged = plan({
      described: { client: withId, hasSecret: false },
      declared: { AnalyticsConfiguration: { UserDataShared: true } },
    });
    expect(merged.updateRequest?.AnalyticsConfiguration).toEqual({
      ...withId.AnalyticsConfiguration,
      UserDataShared: true,
    });
  });
});

describe('findCrossFieldProblems', () => {
  const facts = { hasSecret: false, tier: 'ESSENTIALS' };

  it('accepts the client as it is', () => {
    expect(findCrossFieldProblems(client, facts)).toEqual([]);
  });

  it('reads each lifetime in its own unit, hours/hours/days when the client has none', () => {
    expect(findCrossFieldProblems({ ...client, AccessTokenValidity: 4 }, facts)).toEqual([
      expect.stringContaining('AccessTokenValidity 4 in minutes'),
    ]);
    expect(findCrossFieldProblems({ AccessTokenValidity: 48 }, facts)).toEqual([
      expect.stringContaining('AccessTokenValidity 48 in hours'),
    ]);
    expect(findCrossFieldProblems({ RefreshTokenValidity: 3651 }, facts)).toEqual([
      expect.stringContaining('RefreshTokenValidity 3651 in days'),
    ]);
    expect(findCrossFieldProblems({ RefreshTokenValidity: 0 }, facts)).toEqual([]);
    expect(
      findCrossFieldProblems({ IdTokenValidity: 86400, TokenValidityUnits: { IdToken: 'seconds' } }, facts),
    ).toEqual([]);
  });

  it('needs AllowedOAuthFlowsUserPoolClient for OAuth members, and DefaultRedirectURI among CallbackURLs', () => {
    expect(findCrossFieldProblems({ ...client, AllowedOAuthFlowsUserPoolClient: false }, facts)).toEqual([
      expect.stringContaining('AllowedOAuthFlows, AllowedOAuthScopes, CallbackURLs are set'),
    ]);
    expect(findCrossFieldProblems({ ...client, DefaultRedirectURI: 'https://other.example.com' }, facts)).toEqual([
      expect.stringContaining('not in CallbackURLs'),
    ]);
  });

  it('keeps client_credentials alone, with a secret and resource server scopes', () => {
    const machine = { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials' as const] };
    expect(
      findCrossFieldProblems({ ...machine, AllowedOAuthScopes: ['api/read'] }, { ...facts, hasSecret: true }),
    ).toEqual([]);
    expect(findCrossFieldProblems({ ...machine, AllowedOAuthScopes: ['api/read'] }, facts)).toEqual([
      expect.stringContaining('has no secret'),
    ]);
    expect(
      findCrossFieldProblems(
        {
          ...machine,
          AllowedOAuthFlows: ['client_credentials', 'code'],
          AllowedOAuthScopes: ['openid'],
          CallbackURLs: ['https://app.example.com/callback'],
        },
        { ...facts, hasSecret: true },
      ),
    ).toEqual([expect.stringContaining('must be the only flow'), expect.stringContaining('openid is not supported')]);
  });

  it('applies the auth flow, feature plan and secret rules', () => {
    expect(
      findCrossFieldProblems(
        { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
        facts,
      ),
    ).toEqual([expect.stringContaining('mixes legacy ADMIN_NO_SRP_AUTH')]);
    const userAuth = ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;
    expect(findCrossFieldProblems({ ExplicitAuthFlows: [...userAuth] }, { ...facts, tier: 'LITE' })).toEqual([
      expect.stringContaining('ESSENTIALS or PLUS'),
    ]);
    expect(findCrossFieldProblems({ ExplicitAuthFlows: [...userAuth] }, facts)).toEqual([]);
    expect(findCrossFieldProblems({ EnablePropagateAdditionalUserContextData: true }, facts)).toEqual([
      expect.stringContaining('client with a secret'),
    ]);
    expect(
      findCrossFieldProblems({ EnablePropagateAdditionalUserContextData: true }, { ...facts, hasSecret: true }),
    ).toEqual([]);
  });
});

describe('currentSettings', () => {
  it('reports the sendable settings and whether there is a secret, never describe-only members', () => {
    const reported = settingsOfUserPoolClient({ client, hasSecret: true });
    expect(reported).toMatchObject({
      GenerateSecret: true,
      AccessTokenValidity: 60,
      AllowedOAuthFlowsUserPoolClient: true,
    });
    for (const member of ['ClientSecret', 'CreationDate', 'LastModifiedDate', 'ClientType', 'UserPoolId', 'ClientId']) {
      expect(reported).not.toHaveProperty(member);
    }
  });

  const ruleFacts = { hasSecret: false, tier: 'ESSENTIALS' };
  it.each([
    [
      'refresh token rotation with ALLOW_REFRESH_TOKEN_AUTH',
      { RefreshTokenRotation: { Feature: 'ENABLED' as const }, ExplicitAuthFlows: [...client.ExplicitAuthFlows!] },
      /ExplicitAuthFlows includes ALLOW_REFRESH_TOKEN_AUTH while RefreshTokenRotation.Feature is ENABLED/,
    ],
    [
      'no ALLOW_REFRESH_TOKEN_AUTH without rotation',
      { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH' as const] },
      /ExplicitAuthFlows lacks ALLOW_REFRESH_TOKEN_AUTH/,
    ],
    [
      'the code flow with no callback URL',
      { CallbackURLs: [] },
      /AllowedOAuthFlows code needs at least one callback URL/,
    ],
    [
      'an OAuth client without flows and scopes',
      { AllowedOAuthFlows: [], AllowedOAuthScopes: [], CallbackURLs: [] },
      /AllowedOAuthFlowsUserPoolClient is true but AllowedOAuthFlows and AllowedOAuthScopes are empty/,
    ],
    [
      'an http:// callback URL',
      { CallbackURLs: ['http://app.example.com/cb'] },
      /CallbackURLs http:\/\/app.example.com\/cb uses http:\/\//,
    ],
    ['an http:// logout URL', { LogoutURLs: ['http://app.example.com/out'] }, /LogoutURLs .* uses http:\/\//],
    [
      'email_verified in WriteAttributes',
      { WriteAttributes: ['email', 'email_verified'] },
      /WriteAttributes includes email_verified/,
    ],
  ])('refuses %s, naming the member', (_case, change, message) => {
    const merged = { ...client, ...change } as UserPoolClientType;
    expect(findCrossFieldProblems(merged, ruleFacts, change)).toContainEqual(expect.stringMatching(message));
    // Not declared: a client Cognito already holds is not refused for it.
    expect(findCrossFieldProblems(merged, ruleFacts, { ClientName: 'x' })).toEqual([]);
  });

  it('accepts http://localhost callback URLs and rotation without ALLOW_REFRESH_TOKEN_AUTH', () => {
    const change = {
      CallbackURLs: ['http://localhost:3000/cb', 'http://127.0.0.1/cb'],
      DefaultRedirectURI: 'http://localhost:3000/cb',
      RefreshTokenRotation: { Feature: 'ENABLED' as const },
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH' as const],
    };
    expect(findCrossFieldProblems({ ...client, ...change }, ruleFacts, change)).toEqual([]);
  });
});
