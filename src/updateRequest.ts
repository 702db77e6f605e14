import type {
  AccountRecoverySettingType,
  AdminCreateUserConfigType,
  LambdaConfigType,
  UpdateUserPoolCommandInput,
  UserPoolAddOnsType,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { CARRIED_FIELDS, UPDATE_POOL_FIELDS, type CarriedField, type MergeableField } from './fields';
import { pruneEmpty } from '../engine/merge';
import { withoutReservedTags } from './ownership';

type Sanitizer<K extends MergeableField> = (value: NonNullable<UserPoolType[K]>) => UserPoolType[K] | undefined;

/**
 * Builds the complete UpdateUserPool request that leaves the pool exactly as `pool`
 * describes it. Every member Cognito would reset when omitted is present; nothing
 * DescribeUserPool returns that UpdateUserPool rejects is.
 */
export function buildUpdateUserPoolRequest(userPoolId: string, described: UserPoolType): UpdateUserPoolCommandInput {
  const pool = withLegacyLifetimeCarried(described);
  const request: Record<string, unknown> = { UserPoolId: userPoolId };
  // Renaming is deliberately not offered; the name goes back unchanged.
  if (pool.Name !== undefined) request.PoolName = pool.Name;
  // UserPoolTags are not among them: TagResource writes tags, and UpdateUserPool keeps
  // the tags it is not sent, so a concurrent TagResource is never undone.
  for (const field of UPDATE_POOL_FIELDS) {
    const value = sendableSetting(field, pool[field]);
    if (value !== undefined) request[field] = value;
  }
  // The mode in effect when the request is sent (the planner sets it): Cognito keeps the
  // mode when the member is omitted (go-to-k/cdkd measured it), but carrying it keeps an
  // emulator that resets it honest too, and it never contradicts SetUserPoolMfaConfig.
  if (pool.MfaConfiguration !== undefined) request.MfaConfiguration = pool.MfaConfiguration;
  const template = request.VerificationMessageTemplate as Record<string, unknown> | undefined;
  for (const field of CARRIED_FIELDS) {
    const replacement = LEGACY_VERIFICATION_FIELDS[field as keyof typeof LEGACY_VERIFICATION_FIELDS];
    if (replacement && template?.[replacement] !== undefined) continue;
    const value = pruneEmpty(field === 'AcrConfiguration' ? customAcrLevels(pool.AcrConfiguration) : pool[field]);
    if (value !== undefined) request[field] = value;
  }
  return request as unknown as UpdateUserPoolCommandInput;
}

/**
 * Pre-2020 verification texts, each with the VerificationMessageTemplate member that
 * supersedes it: still UpdateUserPool members. Older pools have only them, or a template
 * that holds nothing but DefaultEmailOption; each is carried as it is unless the template
 * holds its replacement, which Cognito uses instead.
 */
const LEGACY_VERIFICATION_FIELDS: Partial<Record<CarriedField, string>> = {
  EmailVerificationMessage: 'EmailMessage',
  EmailVerificationSubject: 'EmailSubject',
  SmsVerificationMessage: 'SmsMessage',
};

/**
 * Older pools describe the temporary-password lifetime only as
 * AdminCreateUserConfig.UnusedAccountValidityDays, which UpdateUserPool rejects next to
 * PasswordPolicy.TemporaryPasswordValidityDays: the lifetime moves to the policy when the
 * policy lacks it, so it is kept rather than reset to the default. Reported the same way.
 */
export function withLegacyLifetimeCarried(pool: UserPoolType): UserPoolType {
  const lifetime = pool.AdminCreateUserConfig?.UnusedAccountValidityDays;
  const policy = pool.Policies?.PasswordPolicy;
  if (lifetime === undefined || lifetime === null || policy?.TemporaryPasswordValidityDays !== undefined) return pool;
  return {
    ...pool,
    Policies: { ...pool.Policies, PasswordPolicy: { ...policy, TemporaryPasswordValidityDays: lifetime } },
  };
}

/**
 * A described setting as UpdateUserPool can take it back: legacy members dropped,
 * incomplete blocks left out. READ reports settings in this same form, so what a write
 * returns and what READ reports next agree whatever Cognito keeps beside them.
 */
export function sendableSetting<K extends MergeableField>(
  field: K,
  value: UserPoolType[K],
): UserPoolType[K] | undefined {
  if (value === undefined || value === null) return undefined;
  const sanitizer = SANITIZERS[field] as Sanitizer<K> | undefined;
  const sanitized = sanitizer ? sanitizer(value as NonNullable<UserPoolType[K]>) : value;
  return pruneEmpty(sanitized);
}

const SANITIZERS: { [K in MergeableField]?: Sanitizer<K> } = {
  AdminCreateUserConfig: dropUnusedAccountValidityDays,
  UserPoolAddOns: requireAdvancedSecurityMode,
  AccountRecoverySetting: keepCompleteRecoveryOptions,
  LambdaConfig: alignLambdaConfig,
  UserPoolTags: withoutReservedTags,
};

// Returned by DescribeUserPool but rejected next to PasswordPolicy.TemporaryPasswordValidityDays.
function dropUnusedAccountValidityDays(config: AdminCreateUserConfigType): AdminCreateUserConfigType {
  const { UnusedAccountValidityDays: _legacy, ...rest } = config;
  return rest;
}

// AdvancedSecurityMode is required; an add-ons block without it is rejected.
function requireAdvancedSecurityMode(addOns: UserPoolAddOnsType): UserPoolAddOnsType | undefined {
  return addOns.AdvancedSecurityMode ? addOns : undefined;
}

// A recovery option needs both Name and Priority; an empty mechanism list is rejected.
function keepCompleteRecoveryOptions(setting: AccountRecoverySettingType): AccountRecoverySettingType | undefined {
  const complete = (setting.RecoveryMechanisms ?? []).filter(
    (option) => option.Name !== undefined && option.Priority !== undefined,
  );
  return complete.length > 0 ? { ...setting, RecoveryMechanisms: complete } : undefined;
}

type VersionedLambda = { LambdaArn?: string; LambdaVersion?: string };

function completeVersionedLambda<T extends VersionedLambda>(config: T | undefined): T | undefined {
  return config?.LambdaArn && config.LambdaVersion ? config : undefined;
}

// Versioned triggers need both members, and PreTokenGeneration must name the same
// function as PreTokenGenerationConfig.LambdaArn or Cognito rejects the request.
function alignLambdaConfig(config: LambdaConfigType): LambdaConfigType {
  const aligned: LambdaConfigType = {
    ...config,
    PreTokenGenerationConfig: completeVersionedLambda(config.PreTokenGenerationConfig),
    CustomSMSSender: completeVersionedLambda(config.CustomSMSSender),
    CustomEmailSender: completeVersionedLambda(config.CustomEmailSender),
  };
  if (aligned.PreTokenGenerationConfig) aligned.PreTokenGeneration = aligned.PreTokenGenerationConfig.LambdaArn;
  return aligned;
}

/**
 * DescribeUserPool reports the effective ACR configuration, default level names merged in
 * (`urn:cognito:loa:1` … `:4`), and custom names need the Essentials plan: sending the
 * defaults back would ask a LITE pool for a feature it lacks. Only custom names are
 * carried; an omitted level keeps its default.
 */
export function customAcrLevels(
  levels: UserPoolType['AcrConfiguration'],
): UserPoolType['AcrConfiguration'] | undefined {
  if (!levels) return undefined;
  const custom = Object.entries(levels).filter(
    ([level, config]) => config?.AcrValue !== `urn:cognito:loa:${level.replace(/^Level/, '')}`,
  );
  return custom.length > 0 ? Object.fromEntries(custom) : undefined;
}
