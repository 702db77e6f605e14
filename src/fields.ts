import type {
  SchemaAttributeType,
  SetUserPoolMfaConfigCommandInput,
  UpdateUserPoolCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { fieldsWithRole, type FieldSpec, type FieldsWithRole } from '../engine/fieldTable';

/** Fields declarable with their own name that exist on no SDK type used here. */
type CreateOnlyNames = 'Schema';

export type PoolFieldName =
  | keyof UserPoolType
  | Exclude<keyof UpdateUserPoolCommandInput, 'UserPoolId'>
  | Exclude<keyof SetUserPoolMfaConfigCommandInput, 'UserPoolId'>
  | CreateOnlyNames;

/**
 * The single source of truth for every user pool field this type meets: what
 * DescribeUserPool returns, what UpdateUserPool and SetUserPoolMfaConfig accept.
 * Roles are explained in `shared/fieldTable.ts`; here, `mfa` fields are written by
 * SetUserPoolMfaConfig and everything else mergeable by UpdateUserPool.
 */
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
    why: 'UpdateUserPool cannot turn MFA ON; SetUserPoolMfaConfig changes the mode, and UpdateUserPool carries the mode in effect when it is sent',
  },
  DeviceConfiguration: { role: 'mergeable' },
  EmailConfiguration: { role: 'mergeable' },
  SmsConfiguration: { role: 'mergeable' },
  UserPoolTags: {
    role: 'mergeable',
    writtenBy: 'TagResource',
    why: 'UpdateUserPool keeps tags it is not sent (terraform-provider-aws manages them only with TagResource/UntagResource); sending them would undo a concurrent TagResource',
  },
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
    role: 'carried',
    why: 'legacy; carried unless VerificationMessageTemplate holds the member that supersedes it',
  },
  EmailVerificationSubject: {
    role: 'carried',
    why: 'legacy; carried unless VerificationMessageTemplate holds the member that supersedes it',
  },
  SmsVerificationMessage: {
    role: 'carried',
    why: 'legacy; carried unless VerificationMessageTemplate holds the member that supersedes it',
  },
} as const satisfies Record<PoolFieldName, FieldSpec<UserPoolType>>;

type PoolFields = typeof POOL_FIELDS;
export type MergeableField = FieldsWithRole<PoolFields, 'mergeable'>;
export type MfaField = FieldsWithRole<PoolFields, 'mfa'>;
export type LockedField = FieldsWithRole<PoolFields, 'locked'>;
export type CarriedField = FieldsWithRole<PoolFields, 'carried'>;

export const MERGEABLE_FIELDS: readonly MergeableField[] = fieldsWithRole(POOL_FIELDS, 'mergeable');
/** The mergeable fields UpdateUserPool writes: all but those another API owns. */
export const UPDATE_POOL_FIELDS: readonly MergeableField[] = MERGEABLE_FIELDS.filter(
  (field) => !('writtenBy' in POOL_FIELDS[field]),
);
export const MFA_FIELDS: readonly MfaField[] = fieldsWithRole(POOL_FIELDS, 'mfa');
export const LOCKED_FIELDS: readonly LockedField[] = fieldsWithRole(POOL_FIELDS, 'locked');
export const CARRIED_FIELDS: readonly CarriedField[] = fieldsWithRole(POOL_FIELDS, 'carried');

/** Every property a template may declare besides UserPoolId. */
export const DECLARABLE_FIELDS: readonly string[] = [...MERGEABLE_FIELDS, ...MFA_FIELDS, ...LOCKED_FIELDS];

/** Settings written by UpdateUserPool, in the SDK's own shapes. */
export type MergeableSettings = { [K in MergeableField]?: UpdateUserPoolCommandInput[K] };

/** The MFA state SetUserPoolMfaConfig writes as a whole. */
export type MfaSettings = { [K in MfaField]?: SetUserPoolMfaConfigCommandInput[K] };

/** Locked settings, declared only to assert what the pool already has. */
export interface LockedSettings {
  PoolName?: string;
  UsernameAttributes?: UserPoolType['UsernameAttributes'];
  AliasAttributes?: UserPoolType['AliasAttributes'];
  UsernameConfiguration?: UserPoolType['UsernameConfiguration'];
  Schema?: SchemaAttributeType[];
}

/** Everything a template can declare, as plain SDK-shaped values (no model classes). */
export type DeclaredSettings = MergeableSettings & MfaSettings & LockedSettings;
