import type { RiskSettings } from '../../engine/cognito/riskConfiguration';
import type {
  CreateUserPoolClientCommandInput,
  UpdateUserPoolClientCommandInput,
  UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import { fieldsWithRole, withRole, type FieldSpec, type FieldsWithRole } from '../../engine/fieldTable';

type Identifiers = 'UserPoolId' | 'ClientId';

export type FieldName =
  | Exclude<keyof UserPoolClientType, Identifiers>
  | Exclude<keyof UpdateUserPoolClientCommandInput, Identifiers>
  | Exclude<keyof CreateUserPoolClientCommandInput, Identifiers>;

/**
 * Every app client field this type meets: what DescribeUserPoolClient returns, what
 * UpdateUserPoolClient and CreateUserPoolClient accept. UpdateUserPoolClient resets
 * every member it is not sent, so every `mergeable` field is sent on every write.
 */
// `satisfies Record<FieldName, …>` makes the compiler fail when the SDK adds a
// member to any of these shapes that nobody has classified here.
export const FIELDS = {
  ...withRole('mergeable', 'ClientName RefreshTokenValidity AccessTokenValidity IdTokenValidity'),
  TokenValidityUnits: {
    role: 'mergeable',
    why: 'omitted units reset to hours/hours/days and so reinterpret the validity numbers; always sent complete',
  },
  ...withRole('mergeable', 'ReadAttributes WriteAttributes ExplicitAuthFlows SupportedIdentityProviders'),
  ...withRole('mergeable', 'CallbackURLs LogoutURLs DefaultRedirectURI AllowedOAuthFlows AllowedOAuthScopes'),
  AllowedOAuthFlowsUserPoolClient: {
    role: 'mergeable',
    why: 'omitted it becomes false, which turns every OAuth flow off; always sent',
  },
  AnalyticsConfiguration: { role: 'mergeable' },
  PreventUserExistenceErrors: { role: 'mergeable', why: 'omitted it becomes LEGACY; always sent' },
  ...withRole('mergeable', 'EnableTokenRevocation EnablePropagateAdditionalUserContextData'),
  ...withRole('mergeable', 'AuthSessionValidity RefreshTokenRotation'),

  GenerateSecret: {
    role: 'locked',
    why: 'a client gains or loses a secret only by being created again; reported from whether the client has one',
  },

  ClientSecret: {
    role: 'dropped',
    why: 'a credential: never read into a model, logged or returned; rotated with AddUserPoolClientSecret, not here',
  },
  ClientType: { role: 'dropped', why: 'describe-only; set when the client is created (REGULAR or DCR)' },
  ...withRole('dropped', 'CreationDate LastModifiedDate', 'describe-only'),
} as const satisfies Record<FieldName, FieldSpec<UserPoolClientType>>;

type Fields = typeof FIELDS;
export type MergeableField = FieldsWithRole<Fields, 'mergeable'>;
export type LockedField = FieldsWithRole<Fields, 'locked'>;

export const MERGEABLE_FIELDS: readonly MergeableField[] = fieldsWithRole(FIELDS, 'mergeable');
export const LOCKED_FIELDS: readonly LockedField[] = fieldsWithRole(FIELDS, 'locked');

/** Every property a template may declare besides the identifiers; RiskConfiguration is SetRiskConfiguration's. */
export const DECLARABLE_FIELDS: readonly string[] = [...MERGEABLE_FIELDS, ...LOCKED_FIELDS, 'RiskConfiguration'];

/** Settings written by UpdateUserPoolClient, in the SDK's own shapes. */
export type MergeableSettings = { [K in MergeableField]?: UpdateUserPoolClientCommandInput[K] };

/** Everything a template can declare for an app client, as plain SDK-shaped values. */
export type DeclaredSettings = MergeableSettings & { GenerateSecret?: boolean; RiskConfiguration?: RiskSettings };
