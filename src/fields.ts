import type {
  SchemaAttributeType,
  SetUserPoolMfaConfigCommandInput,
  UpdateUserPoolCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { fieldsWithRole, withRole, type FieldSpec, type FieldsWithRole } from '../engine/fieldTable';
import type { RiskSettings } from '../engine/cognito/riskConfiguration';
import type { LogDeliverySettings } from './logDelivery';

/** Fields declarable with their own name that exist on no SDK type used here. */
type CreateOnlyNames = 'Schema';

export type FieldName =
  | keyof UserPoolType
  | Exclude<keyof UpdateUserPoolCommandInput, 'UserPoolId'>
  | Exclude<keyof SetUserPoolMfaConfigCommandInput, 'UserPoolId'>
  | CreateOnlyNames;

/**
 * The single source of truth for every user pool field this type meets: what
 * DescribeUserPool returns, what UpdateUserPool and SetUserPoolMfaConfig accept.
 * Roles are explained in `engine/fieldTable.ts`; here, `mfa` fields are written by
 * SetUserPoolMfaConfig and everything else mergeable by UpdateUserPool.
 */
// `satisfies Record<FieldName, …>` makes the compiler fail when the SDK adds a
// member to any of these shapes that nobody has classified here.
export const FIELDS = {
  ...withRole(
    'mergeable',
    'Policies DeletionProtection LambdaConfig AutoVerifiedAttributes VerificationMessageTemplate',
  ),
  ...withRole('mergeable', 'SmsAuthenticationMessage UserAttributeUpdateSettings'),
  MfaConfiguration: {
    role: 'mfa',
    why: 'UpdateUserPool cannot turn MFA ON; SetUserPoolMfaConfig changes the mode, and UpdateUserPool carries the mode in effect when it is sent',
  },
  ...withRole('mergeable', 'DeviceConfiguration EmailConfiguration SmsConfiguration'),
  UserPoolTags: {
    role: 'mergeable',
    writtenBy: 'TagResource',
    why: 'UpdateUserPool keeps tags it is not sent (terraform-provider-aws manages them only with TagResource/UntagResource); sending them would undo a concurrent TagResource',
  },
  ...withRole('mergeable', 'AdminCreateUserConfig UserPoolAddOns AccountRecoverySetting UserPoolTier'),
  ...withRole('mfa', 'SoftwareTokenMfaConfiguration EmailMfaConfiguration SmsMfaConfiguration WebAuthnConfiguration'),

  PoolName: { role: 'locked', describedAs: 'Name' },
  ...withRole('locked', 'UsernameAttributes AliasAttributes UsernameConfiguration'),
  Schema: { role: 'locked', describedAs: 'SchemaAttributes' },

  DcrConfiguration: {
    role: 'carried',
    why: 'newer than this type; sent back unchanged so a future reset-on-omission cannot touch it',
  },
  ...withRole(
    'carried',
    'KeyConfiguration IssuerConfiguration',
    'must match the existing configuration in secondary regions',
  ),
  AcrConfiguration: { role: 'carried', why: 'newer than this type; sent back unchanged' },

  Id: { role: 'dropped', why: 'describe-only; the request names the pool by UserPoolId' },
  Name: { role: 'dropped', why: 'describe-only; sent unchanged as PoolName' },
  ...withRole(
    'dropped',
    'Arn Status CreationDate LastModifiedDate EstimatedNumberOfUsers EmailConfigurationFailure SmsConfigurationFailure',
    'describe-only',
  ),
  ...withRole('dropped', 'Domain CustomDomain', 'describe-only; managed by the domain APIs'),
  SchemaAttributes: { role: 'dropped', why: 'describe-only; attributes are added with AddCustomAttributes' },
  ...withRole(
    'carried',
    'EmailVerificationMessage EmailVerificationSubject SmsVerificationMessage',
    'legacy; carried unless VerificationMessageTemplate holds the member that supersedes it',
  ),
} as const satisfies Record<FieldName, FieldSpec<UserPoolType>>;

type Fields = typeof FIELDS;
export type MergeableField = FieldsWithRole<Fields, 'mergeable'>;
export type MfaField = FieldsWithRole<Fields, 'mfa'>;
export type LockedField = FieldsWithRole<Fields, 'locked'>;
export type CarriedField = FieldsWithRole<Fields, 'carried'>;

export const MERGEABLE_FIELDS: readonly MergeableField[] = fieldsWithRole(FIELDS, 'mergeable');
/** The mergeable fields UpdateUserPool writes: all but those another API owns. */
export const UPDATE_POOL_FIELDS: readonly MergeableField[] = MERGEABLE_FIELDS.filter(
  (field) => !('writtenBy' in FIELDS[field]),
);
export const MFA_FIELDS: readonly MfaField[] = fieldsWithRole(FIELDS, 'mfa');
export const LOCKED_FIELDS: readonly LockedField[] = fieldsWithRole(FIELDS, 'locked');
export const CARRIED_FIELDS: readonly CarriedField[] = fieldsWithRole(FIELDS, 'carried');

/**
 * Settings outside DescribeUserPool, each with its own read and its own writer, which
 * replaces it whole: SetRiskConfiguration (DescribeRiskConfiguration) and
 * SetLogDeliveryConfiguration (GetLogDeliveryConfiguration).
 */
export const SECURITY_FIELDS = ['RiskConfiguration', 'LogDeliveryConfiguration'] as const;

/** Every property a template may declare besides UserPoolId. */
export const DECLARABLE_FIELDS: readonly string[] = [
  ...MERGEABLE_FIELDS,
  ...MFA_FIELDS,
  ...LOCKED_FIELDS,
  ...SECURITY_FIELDS,
];

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

/** Threat protection's risk configuration and the pool's log delivery. */
export interface SecuritySettings {
  RiskConfiguration?: RiskSettings;
  LogDeliveryConfiguration?: LogDeliverySettings;
}

/** Everything a template can declare, as plain SDK-shaped values (no model classes). */
export type DeclaredSettings = MergeableSettings & MfaSettings & LockedSettings & SecuritySettings;
