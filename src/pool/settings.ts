import type {
  SchemaAttributeType,
  SetUserPoolMfaConfigCommandInput,
  UpdateUserPoolCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { MergeableField, MfaField } from './fields';

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
