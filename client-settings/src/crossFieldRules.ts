import type { TimeUnitsType, UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import { DEFAULT_TOKEN_VALIDITY_UNITS } from './updateRequest';

/**
 * Rules real Cognito applies to an app client as a whole. They are checked on the
 * merged client, before any write, so a refusal names the property to change and
 * nothing is written. Each cites where Cognito documents it.
 */

const SECONDS_PER_UNIT: Record<TimeUnitsType, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

// TokenValidityUnitsType: access and ID tokens last 5 minutes to 1 day, refresh tokens
// 60 minutes to 10 years.
const VALIDITY_RANGES = {
  AccessTokenValidity: { unit: 'AccessToken', min: 300, max: 86400, range: '5 minutes to 1 day' },
  IdTokenValidity: { unit: 'IdToken', min: 300, max: 86400, range: '5 minutes to 1 day' },
  RefreshTokenValidity: { unit: 'RefreshToken', min: 3600, max: 3650 * 86400, range: '60 minutes to 3650 days' },
} as const;

/** The OAuth members that need AllowedOAuthFlowsUserPoolClient: true. */
const OAUTH_MEMBERS = ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs'] as const;

const LEGACY_AUTH_FLOWS = new Set(['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH']);

export interface ClientFacts {
  /** Whether the client has a secret: fixed when it was created. */
  hasSecret: boolean;
  /** The pool's feature plan. */
  tier: string;
}

type ClientRule = {
  /** The members the rule reads: it runs only when the template declares one of them. */
  members: readonly (keyof UserPoolClientType)[];
  check: (client: UserPoolClientType, facts: ClientFacts) => string[];
};

const CLIENT_RULES: readonly ClientRule[] = [
  {
    members: ['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'TokenValidityUnits'],
    check: (client) => tokenValidityProblems(client),
  },
  {
    members: ['AllowedOAuthFlowsUserPoolClient', ...OAUTH_MEMBERS, 'DefaultRedirectURI', 'SupportedIdentityProviders'],
    check: oauthProblems,
  },
  { members: ['ExplicitAuthFlows', 'RefreshTokenRotation'], check: authFlowProblems },
  { members: ['CallbackURLs', 'LogoutURLs'], check: (client) => urlProblems(client) },
  { members: ['WriteAttributes'], check: (client) => writeAttributeProblems(client) },
  { members: ['EnablePropagateAdditionalUserContextData'], check: secretProblems },
];

/**
 * Every rule the merged client breaks, each as a message naming what to declare. With
 * `declared`, only the rules that read a declared member run: a client Cognito already
 * accepted is never refused for what the template does not touch.
 */
export function findCrossFieldProblems(
  client: UserPoolClientType,
  facts: ClientFacts,
  declared?: Partial<Record<keyof UserPoolClientType, unknown>>,
): string[] {
  return CLIENT_RULES.filter(
    (rule) => !declared || rule.members.some((member) => declared[member] !== undefined),
  ).flatMap((rule) => rule.check(client, facts));
}

// TokenValidityUnitsType: each number is read in its own unit, hours/hours/days by default.
function tokenValidityProblems(client: UserPoolClientType): string[] {
  const problems: string[] = [];
  const units = { ...DEFAULT_TOKEN_VALIDITY_UNITS, ...client.TokenValidityUnits };
  for (const [member, rule] of Object.entries(VALIDITY_RANGES)) {
    const value = client[member as keyof typeof VALIDITY_RANGES];
    // RefreshTokenValidity 0 means Cognito's default of 30 days (UpdateUserPoolClient API reference).
    if (value === undefined || (member === 'RefreshTokenValidity' && value === 0)) continue;
    const unit = units[rule.unit];
    const seconds = value * SECONDS_PER_UNIT[unit];
    if (seconds < rule.min || seconds > rule.max) {
      problems.push(
        `${member} ${value} in ${unit} (TokenValidityUnits.${rule.unit}) is outside ${rule.range}; declare a value or a unit within it.`,
      );
    }
  }
  return problems;
}

function oauthProblems(client: UserPoolClientType, facts: ClientFacts): string[] {
  const problems: string[] = [];
  const flows = client.AllowedOAuthFlows ?? [];
  // UpdateUserPoolClient API reference, AllowedOAuthFlowsUserPoolClient: it must be true
  // before callback and sign-out URLs, scopes and flows can be configured.
  if (client.AllowedOAuthFlowsUserPoolClient !== true) {
    const set = OAUTH_MEMBERS.filter((member) => (client[member]?.length ?? 0) > 0);
    if (set.length > 0) {
      problems.push(
        `${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set but AllowedOAuthFlowsUserPoolClient is false; declare AllowedOAuthFlowsUserPoolClient: true, or remove ${set.length === 1 ? 'it' : 'them'}.`,
      );
    }
  }
  // DefaultRedirectURI: "Must be in the CallbackURLs list."
  if (client.DefaultRedirectURI && !(client.CallbackURLs ?? []).includes(client.DefaultRedirectURI)) {
    problems.push(
      `DefaultRedirectURI ${client.DefaultRedirectURI} is not in CallbackURLs; declare it in CallbackURLs, or change DefaultRedirectURI.`,
    );
  }
  // "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows."
  if (client.AllowedOAuthFlowsUserPoolClient === true) {
    const missing = (['AllowedOAuthFlows', 'AllowedOAuthScopes'] as const).filter(
      (member) => (client[member]?.length ?? 0) === 0,
    );
    if (missing.length > 0) {
      problems.push(
        `AllowedOAuthFlowsUserPoolClient is true but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} empty; declare ${missing.join(' and ')}, or AllowedOAuthFlowsUserPoolClient: false.`,
      );
    }
  }
  // "CallbackUrls can not be empty when code flow or implicit flow is selected".
  const redirecting = flows.filter((flow) => flow === 'code' || flow === 'implicit');
  if (redirecting.length > 0 && (client.CallbackURLs?.length ?? 0) === 0) {
    problems.push(
      `AllowedOAuthFlows ${redirecting.join(', ')} ${redirecting.length === 1 ? 'needs' : 'need'} at least one callback URL, and CallbackURLs is empty; declare CallbackURLs.`,
    );
  }
  if (flows.includes('client_credentials')) {
    // AllowedOAuthFlows: client_credentials must be the only allowed flow.
    if (flows.length > 1) {
      problems.push(
        `AllowedOAuthFlows combines client_credentials with ${flows.filter((flow) => flow !== 'client_credentials').join(', ')}; client_credentials must be the only flow.`,
      );
    }
    // client_credentials authenticates with the client ID and the client secret.
    if (!facts.hasSecret) {
      problems.push(
        'AllowedOAuthFlows includes client_credentials but the client has no secret; it needs a new app client created with GenerateSecret: true.',
      );
    }
    // Client credentials grants carry only custom (resource server) scopes.
    const userScopes = (client.AllowedOAuthScopes ?? []).filter((scope) => !scope.includes('/'));
    if (userScopes.length > 0) {
      problems.push(
        `AllowedOAuthScopes ${userScopes.join(', ')} ${userScopes.length === 1 ? 'is' : 'are'} not supported with the client_credentials flow; declare resource server scopes only.`,
      );
    }
  }
  return problems;
}

function authFlowProblems(client: UserPoolClientType, facts: ClientFacts): string[] {
  const problems: string[] = [];
  const authFlows: string[] = client.ExplicitAuthFlows ?? [];
  // ExplicitAuthFlows: legacy values cannot be assigned together with ALLOW_ values.
  const legacy = authFlows.filter((flow) => LEGACY_AUTH_FLOWS.has(flow));
  if (legacy.length > 0 && authFlows.some((flow) => flow.startsWith('ALLOW_'))) {
    problems.push(
      `ExplicitAuthFlows mixes legacy ${legacy.join(', ')} with ALLOW_ values; declare only ALLOW_ values.`,
    );
  }
  // Refresh token rotation replaces the refresh flow: "ALLOW_REFRESH_TOKEN_AUTH is not a
  // permitted ExplicitAuthFlow when refresh token rotation is enabled" (RefreshTokenRotationType).
  const rotation = client.RefreshTokenRotation?.Feature === 'ENABLED';
  if (rotation && authFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) {
    problems.push(
      'ExplicitAuthFlows includes ALLOW_REFRESH_TOKEN_AUTH while RefreshTokenRotation.Feature is ENABLED; remove ALLOW_REFRESH_TOKEN_AUTH, or declare RefreshTokenRotation.Feature DISABLED.',
    );
  }
  // Without rotation, "REFRESH_TOKEN_AUTH should always be allowed." (aws/aws-cdk#7625).
  if (
    !rotation &&
    authFlows.some((flow) => flow.startsWith('ALLOW_')) &&
    !authFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')
  ) {
    problems.push(
      'ExplicitAuthFlows lacks ALLOW_REFRESH_TOKEN_AUTH, which Cognito requires unless refresh token rotation is enabled; add ALLOW_REFRESH_TOKEN_AUTH, or declare RefreshTokenRotation.Feature ENABLED.',
    );
  }
  // ExplicitAuthFlows: ALLOW_USER_AUTH needs the Essentials feature plan or higher.
  if (authFlows.includes('ALLOW_USER_AUTH') && facts.tier === 'LITE') {
    problems.push(
      "ExplicitAuthFlows ALLOW_USER_AUTH needs the pool on the ESSENTIALS or PLUS feature plan (UserPoolTier is LITE); raise the pool's UserPoolTier, or leave ALLOW_USER_AUTH out.",
    );
  }
  return problems;
}

// EnablePropagateAdditionalUserContextData: only in an app client that has a client secret.
function secretProblems(client: UserPoolClientType, facts: ClientFacts): string[] {
  if (client.EnablePropagateAdditionalUserContextData === true && !facts.hasSecret) {
    return [
      'EnablePropagateAdditionalUserContextData can be true only on a client with a secret, and this client has none; leave it false, or create a new app client with GenerateSecret: true.',
    ];
  }
  return [];
}

// CallbackURLs / LogoutURLs: "A redirect URI must … use HTTPS", except http://localhost
// for testing (UpdateUserPoolClient API reference); Cognito answers "… cannot use the HTTP protocol."
function urlProblems(client: UserPoolClientType): string[] {
  const problems: string[] = [];
  for (const member of ['CallbackURLs', 'LogoutURLs'] as const) {
    const plain = (client[member] ?? []).filter((url) => /^http:\/\//i.test(url) && !isLoopback(url));
    if (plain.length > 0) {
      problems.push(
        `${member} ${plain.join(', ')} ${plain.length === 1 ? 'uses' : 'use'} http://, which Cognito accepts only for localhost; declare https:// URLs.`,
      );
    }
  }
  return problems;
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  } catch {
    return false;
  }
}

// WriteAttributes: the *_verified flags are Cognito's to set ("Invalid write attributes
// specified while updating a client").
function writeAttributeProblems(client: UserPoolClientType): string[] {
  const verified = (client.WriteAttributes ?? []).filter(
    (attribute) => attribute === 'email_verified' || attribute === 'phone_number_verified',
  );
  if (verified.length === 0) return [];
  return [
    `WriteAttributes includes ${verified.join(', ')}, which an app client can never write (Cognito sets it when a user verifies); remove ${verified.length === 1 ? 'it' : 'them'}.`,
  ];
}
