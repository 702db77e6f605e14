import type { TimeUnitsType, UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import { DEFAULT_TOKEN_VALIDITY_UNITS } from './clientRequest';

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

/** Every rule the merged client breaks, each as a message naming what to declare. */
export function findClientProblems(client: UserPoolClientType, facts: ClientFacts): string[] {
  return [
    ...tokenValidityProblems(client),
    ...oauthProblems(client, facts),
    ...authFlowProblems(client, facts),
    ...secretProblems(client, facts),
  ];
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
