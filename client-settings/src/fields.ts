import type {
  CreateUserPoolClientCommandInput,
  UpdateUserPoolClientCommandInput,
  UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import { fieldsWithRole, type FieldSpec, type FieldsWithRole } from '../../engine/fieldTable';

type Identifiers = 'UserPoolId' | 'ClientId';

export type ClientFieldName =
  | Exclude<keyof UserPoolClientType, Identifiers>
  | Exclude<keyof UpdateUserPoolClientCommandInput, Identifiers>
  | Exclude<keyof CreateUserPoolClientCommandInput, Identifiers>;

/**
 * Every app client field this type meets: what DescribeUserPoolClient returns, what
 * UpdateUserPoolClient and CreateUserPoolClient accept. UpdateUserPoolClient resets
 * every member it is not sent, so every `mergeable` field is sent on every write.
 */
// `satisfies Record<ClientFieldName, …>` makes the compiler fail when the SDK adds a
// member to any of these shapes that nobody has classified here.
export const CLIENT_FIELDS = {
  ClientName: { role: 'mergeable' },
  RefreshTokenValidity: { role: 'mergeable' },
  AccessTokenValidity: { role: 'mergeable' },
  IdTokenValidity: { role: 'mergeable' },
  TokenValidityUnits: {
    role: 'mergeable',
    why: 'omitted units reset to hours/hours/days and so reinterpret the validity numbers; always sent complete',
  },
  ReadAttributes: { role: 'mergeable' },
  WriteAttributes: { role: 'mergeable' },
  ExplicitAuthFlows: { role: 'mergeable' },
  SupportedIdentityProviders: { role: 'mergeable' },
  CallbackURLs: { role: 'mergeable' },
  LogoutURLs: { role: 'mergeable' },
  DefaultRedirectURI: { role: 'mergeable' },
  AllowedOAuthFlows: { role: 'mergeable' },
  AllowedOAuthScopes: { role: 'mergeable' },
  AllowedOAuthFlowsUserPoolClient: {
    role: 'mergeable',
    why: 'omitted it becomes false, which turns every OAuth flow off; always sent',
  },
  AnalyticsConfiguration: { role: 'mergeable' },
  PreventUserExistenceErrors: { role: 'mergeable', why: 'omitted it becomes LEGACY; always sent' },
  EnableTokenRevocation: { role: 'mergeable' },
  EnablePropagateAdditionalUserContextData: { role: 'mergeable' },
  AuthSessionValidity: { role: 'mergeable' },
  RefreshTokenRotation: { role: 'mergeable' },

  GenerateSecret: {
    role: 'locked',
    why: 'a client gains or loses a secret only by being created again; reported from whether the client has one',
  },

  ClientSecret: {
    role: 'dropped',
    why: 'a credential: never read into a model, logged or returned; rotated with AddUserPoolClientSecret, not here',
  },
  ClientType: { role: 'dropped', why: 'describe-only; set when the client is created (REGULAR or DCR)' },
  CreationDate: { role: 'dropped', why: 'describe-only' },
  LastModifiedDate: { role: 'dropped', why: 'describe-only' },
} as const satisfies Record<ClientFieldName, FieldSpec<UserPoolClientType>>;

type ClientFields = typeof CLIENT_FIELDS;
export type MergeableClientField = FieldsWithRole<ClientFields, 'mergeable'>;
export type LockedClientField = FieldsWithRole<ClientFields, 'locked'>;

export const MERGEABLE_CLIENT_FIELDS: readonly MergeableClientField[] = fieldsWithRole(CLIENT_FIELDS, 'mergeable');
export const LOCKED_CLIENT_FIELDS: readonly LockedClientField[] = fieldsWithRole(CLIENT_FIELDS, 'locked');

/** Every property a template may declare besides the identifiers. */
export const DECLARABLE_CLIENT_FIELDS: readonly string[] = [...MERGEABLE_CLIENT_FIELDS, ...LOCKED_CLIENT_FIELDS];

/** Settings written by UpdateUserPoolClient, in the SDK's own shapes. */
export type MergeableClientSettings = { [K in MergeableClientField]?: UpdateUserPoolClientCommandInput[K] };

/** Everything a template can declare for an app client, as plain SDK-shaped values. */
export type DeclaredClientSettings = MergeableClientSettings & { GenerateSecret?: boolean };
