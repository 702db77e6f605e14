import type {
  SetUserPoolMfaConfigCommandInput,
  UpdateUserPoolCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';

/**
 * The single source of truth for every user pool field this type meets: what
 * DescribeUserPool returns, what UpdateUserPool and SetUserPoolMfaConfig accept.
 * The schema, the merge, the request builder and the README are checked against it.
 *
 * - `mergeable`: declarable; merged into the described pool and sent by UpdateUserPool.
 * - `mfa`: declarable; written by SetUserPoolMfaConfig, which replaces the whole MFA state.
 * - `locked`: declarable only as an assertion; Cognito cannot change it after creation.
 * - `carried`: not declarable; sent back exactly as described so UpdateUserPool keeps it.
 * - `dropped`: returned by DescribeUserPool (or accepted by UpdateUserPool) but never sent.
 */
export type FieldRole = 'mergeable' | 'mfa' | 'locked' | 'carried' | 'dropped';

export interface FieldSpec {
  readonly role: FieldRole;
  /** Where DescribeUserPool reports it, when the name differs. */
  readonly describedAs?: keyof UserPoolType;
  /** Why a field is dropped or carried: the Cognito trap it avoids. */
  readonly why?: string;
}

/** Fields declarable with their own name that exist on no SDK type used here. */
type CreateOnlyNames = 'Schema';

export type PoolFieldName =
  | keyof UserPoolType
  | Exclude<keyof UpdateUserPoolCommandInput, 'UserPoolId'>
  | Exclude<keyof SetUserPoolMfaConfigCommandInput, 'UserPoolId'>
  | CreateOnlyNames;

// `satisfies Record<PoolFieldName, …>` makes the compiler fail when the SDK adds a
// member to any of these shapes that nobody has classified here.
export const POOL_FIELDS = {
  Policies: { role: 'mergeable' },
  DeletionProtection: { role: 'mergeable' },
  LambdaConfig: { role: 'mergeable' },
  AutoVerifiedAttributes: { role: 'mergeable' },
  VerificationMessageTemplate: { role: 'mergeable' },
  SmsAuthenticationMessage: { role: 'mergeable' },
  UserAttributeUpdateSettings: { role: 'mergeable' },
  MfaConfiguration: {
    role: 'mfa',
    why: 'UpdateUserPool cannot turn MFA ON; the described mode is carried in UpdateUserPool and changed by SetUserPoolMfaConfig',
  },
  DeviceConfiguration: { role: 'mergeable' },
  EmailConfiguration: { role: 'mergeable' },
  SmsConfiguration: { role: 'mergeable' },
  UserPoolTags: { role: 'mergeable' },
  AdminCreateUserConfig: { role: 'mergeable' },
  UserPoolAddOns: { role: 'mergeable' },
  AccountRecoverySetting: { role: 'mergeable' },
  UserPoolTier: { role: 'mergeable' },

  SoftwareTokenMfaConfiguration: { role: 'mfa' },
  EmailMfaConfiguration: { role: 'mfa' },
  SmsMfaConfiguration: { role: 'mfa' },
  WebAuthnConfiguration: { role: 'mfa' },

  PoolName: { role: 'locked', describedAs: 'Name' },
  UsernameAttributes: { role: 'locked' },
  AliasAttributes: { role: 'locked' },
  UsernameConfiguration: { role: 'locked' },
  Schema: { role: 'locked', describedAs: 'SchemaAttributes' },

  DcrConfiguration: {
    role: 'carried',
    why: 'newer than this type; sent back unchanged so a future reset-on-omission cannot touch it',
  },
  KeyConfiguration: { role: 'carried', why: 'must match the existing configuration in secondary regions' },
  IssuerConfiguration: { role: 'carried', why: 'must match the existing configuration in secondary regions' },
  AcrConfiguration: { role: 'carried', why: 'newer than this type; sent back unchanged' },

  Id: { role: 'dropped', why: 'describe-only; the request names the pool by UserPoolId' },
  Name: { role: 'dropped', why: 'describe-only; sent unchanged as PoolName' },
  Arn: { role: 'dropped', why: 'describe-only' },
  Status: { role: 'dropped', why: 'describe-only' },
  CreationDate: { role: 'dropped', why: 'describe-only' },
  LastModifiedDate: { role: 'dropped', why: 'describe-only' },
  EstimatedNumberOfUsers: { role: 'dropped', why: 'describe-only' },
  EmailConfigurationFailure: { role: 'dropped', why: 'describe-only' },
  SmsConfigurationFailure: { role: 'dropped', why: 'describe-only' },
  Domain: { role: 'dropped', why: 'describe-only; managed by the domain APIs' },
  CustomDomain: { role: 'dropped', why: 'describe-only; managed by the domain APIs' },
  SchemaAttributes: { role: 'dropped', why: 'describe-only; attributes are added with AddCustomAttributes' },
  EmailVerificationMessage: {
    role: 'dropped',
    why: 'legacy; VerificationMessageTemplate is sent instead',
  },
  EmailVerificationSubject: {
    role: 'dropped',
    why: 'legacy; VerificationMessageTemplate is sent instead',
  },
  SmsVerificationMessage: {
    role: 'dropped',
    why: 'legacy; VerificationMessageTemplate is sent instead',
  },
} as const satisfies Record<PoolFieldName, FieldSpec>;

type FieldsWithRole<R extends FieldRole> = {
  [K in keyof typeof POOL_FIELDS]: (typeof POOL_FIELDS)[K]['role'] extends R ? K : never;
}[keyof typeof POOL_FIELDS];

export type MergeableField = FieldsWithRole<'mergeable'>;
export type MfaField = FieldsWithRole<'mfa'>;
export type LockedField = FieldsWithRole<'locked'>;
export type CarriedField = FieldsWithRole<'carried'>;

function fieldsWithRole<R extends FieldRole>(role: R): FieldsWithRole<R>[] {
  return (Object.keys(POOL_FIELDS) as (keyof typeof POOL_FIELDS)[]).filter(
    (name) => POOL_FIELDS[name].role === role,
  ) as FieldsWithRole<R>[];
}

export const MERGEABLE_FIELDS: readonly MergeableField[] = fieldsWithRole('mergeable');
export const MFA_FIELDS: readonly MfaField[] = fieldsWithRole('mfa');
export const LOCKED_FIELDS: readonly LockedField[] = fieldsWithRole('locked');
export const CARRIED_FIELDS: readonly CarriedField[] = fieldsWithRole('carried');

/** Every property a template may declare besides UserPoolId. */
export const DECLARABLE_FIELDS: readonly string[] = [...MERGEABLE_FIELDS, ...MFA_FIELDS, ...LOCKED_FIELDS];
