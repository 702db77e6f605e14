import type { CreateUserPoolClientCommandInput } from '@aws-sdk/client-cognito-identity-provider';

/**
 * An app client as Amplify or the console sets one up: hosted-UI OAuth, scopes, URLs,
 * attribute permissions, token lifetimes in minutes and days. Every member here is one a
 * one-field UpdateUserPoolClient would silently reset.
 */
export function amplifyLikeClient(overrides: Partial<CreateUserPoolClientCommandInput> = {}) {
  return {
    ClientName: 'web-app',
    GenerateSecret: false,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code' as const],
    AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    CallbackURLs: ['https://app.example.com/callback', 'http://localhost:3000/callback'],
    LogoutURLs: ['https://app.example.com/signed-out'],
    DefaultRedirectURI: 'https://app.example.com/callback',
    SupportedIdentityProviders: ['COGNITO'],
    ReadAttributes: ['email', 'email_verified', 'name'],
    WriteAttributes: ['email', 'name'],
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH' as const, 'ALLOW_REFRESH_TOKEN_AUTH' as const],
    AccessTokenValidity: 60,
    IdTokenValidity: 60,
    RefreshTokenValidity: 30,
    TokenValidityUnits: { AccessToken: 'minutes' as const, IdToken: 'minutes' as const, RefreshToken: 'days' as const },
    PreventUserExistenceErrors: 'ENABLED' as const,
    EnableTokenRevocation: true,
    AuthSessionValidity: 5,
    ...overrides,
  };
}

/** A machine-to-machine client: client credentials with a secret and resource-server scopes. */
export function machineClient(overrides: Partial<CreateUserPoolClientCommandInput> = {}) {
  return {
    ClientName: 'backend',
    GenerateSecret: true,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials' as const],
    AllowedOAuthScopes: ['api.example.com/read'],
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH' as const],
    EnablePropagateAdditionalUserContextData: true,
    ...overrides,
  };
}

/** The client's settings, without what changes on every write. */
export function settingsOfClient(client: Record<string, unknown>): Record<string, unknown> {
  const { LastModifiedDate: _modified, ...settings } = client;
  return settings;
}
