import type {
  GetUserPoolMfaConfigCommandOutput,
  SetUserPoolMfaConfigCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { MFA_FIELDS } from './fields';
import { pruneEmpty } from '../engine/merge';
import { hasSmsConfiguration, mergeSetting, smsTransport } from './modeSwitch';
import type { DeclaredSettings, MfaSettings } from './fields';

export function declaresMfa(declared: DeclaredSettings): boolean {
  return MFA_FIELDS.some((field) => declared[field] !== undefined);
}

/**
 * Whether the pool's MFA factor and passkey settings mean anything: MFA is ON or
 * OPTIONAL, or passkeys are allowed as a first factor. Otherwise Cognito ignores them,
 * so they are neither read (one call saved) nor reported.
 */
export function poolUsesMfaState(pool: UserPoolType): boolean {
  const firstFactors = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? [];
  return (pool.MfaConfiguration ?? 'OFF') !== 'OFF' || firstFactors.includes('WEB_AUTHN');
}

/** Whether an operation needs GetUserPoolMfaConfig: to merge declared MFA, or to report it. */
export function needsMfaState(described: UserPoolType, declared: DeclaredSettings): boolean {
  return declaresMfa(declared) || poolUsesMfaState(described) || declared.Policies?.SignInPolicy !== undefined;
}

/**
 * The MFA state as GetUserPoolMfaConfig reports it. The SMS and email factor blocks mean
 * "this factor is on" by their presence (they have no Enabled member), so an empty one is
 * kept: dropping it would read an enabled factor as off, and the undo of a later write
 * would then turn it off.
 */
export function mfaStateFromDescribed(described: Partial<GetUserPoolMfaConfigCommandOutput>): MfaSettings {
  const state: MfaSettings = { MfaConfiguration: described.MfaConfiguration ?? 'OFF' };
  for (const field of MFA_FIELDS) {
    if (field === 'MfaConfiguration') continue;
    const value = described[field];
    const presenceIsTheFactor =
      state.MfaConfiguration !== 'OFF' && (field === 'SmsMfaConfiguration' || field === 'EmailMfaConfiguration');
    const block =
      presenceIsTheFactor && value && typeof value === 'object' ? (pruneEmpty(value) ?? {}) : pruneEmpty(value);
    if (block !== undefined) (state as Record<string, unknown>)[field] = block;
  }
  return state;
}

/**
 * Merges declared MFA into the described state. The SMS factor sends through the pool's
 * SMS configuration and message as UpdateUserPool leaves them (`mergedPool`), never the
 * copies GetUserPoolMfaConfig returned before that update, unless the template declares
 * them inside SmsMfaConfiguration itself.
 */
export function mergeMfaState(
  described: MfaSettings,
  declared: DeclaredSettings,
  mergedPool: UserPoolType,
): MfaSettings {
  const merged: MfaSettings = { ...described };
  for (const field of MFA_FIELDS) {
    if (declared[field] !== undefined) {
      (merged as Record<string, unknown>)[field] = mergeSetting(field, described[field], declared[field]);
    }
  }
  if (merged.SmsMfaConfiguration) {
    const declaredSms = declared.SmsMfaConfiguration;
    merged.SmsMfaConfiguration = pruneEmpty({
      ...merged.SmsMfaConfiguration,
      SmsConfiguration: declaredSms?.SmsConfiguration
        ? merged.SmsMfaConfiguration.SmsConfiguration
        : (mergedPool.SmsConfiguration ?? merged.SmsMfaConfiguration.SmsConfiguration),
      SmsAuthenticationMessage: declaredSms?.SmsAuthenticationMessage
        ? merged.SmsMfaConfiguration.SmsAuthenticationMessage
        : (mergedPool.SmsAuthenticationMessage ?? merged.SmsMfaConfiguration.SmsAuthenticationMessage),
    });
  }
  return merged;
}

/** Declared settings outside MFA that Cognito checks against the MFA state. */
export function touchesMfaRules(declared: DeclaredSettings): boolean {
  return (
    declared.Policies?.SignInPolicy !== undefined ||
    declared.AccountRecoverySetting !== undefined ||
    declared.SmsConfiguration !== undefined
  );
}

/**
 * Refuses, before any write, MFA requests Cognito is known to reject. `mergedPool`
 * is the pool as UpdateUserPool will leave it, since SMS and email MFA depend on it.
 */
export function findMfaProblems(merged: MfaSettings, declared: DeclaredSettings, mergedPool: UserPoolType): string[] {
  const problems: string[] = [];
  const mode = merged.MfaConfiguration ?? 'OFF';
  const totpOn = merged.SoftwareTokenMfaConfiguration?.Enabled === true;
  const smsOn = merged.SmsMfaConfiguration !== undefined;
  const emailOn = merged.EmailMfaConfiguration !== undefined;
  if (mode === 'OFF') {
    const declaredFactors = [
      declared.SoftwareTokenMfaConfiguration?.Enabled === true ? 'SoftwareTokenMfaConfiguration' : undefined,
      declared.SmsMfaConfiguration ? 'SmsMfaConfiguration' : undefined,
      declared.EmailMfaConfiguration ? 'EmailMfaConfiguration' : undefined,
    ].filter((factor): factor is string => factor !== undefined);
    if (declaredFactors.length > 0) {
      problems.push(
        `MfaConfiguration: OFF cannot be combined with an MFA factor (${declaredFactors.join(', ')}); set MfaConfiguration to ON or OPTIONAL, or remove the factor.`,
      );
    }
    return problems;
  }
  if (declaresMfa(declared) && !totpOn && !smsOn && !emailOn) {
    problems.push(
      `MfaConfiguration: ${mode} needs at least one MFA factor: SoftwareTokenMfaConfiguration.Enabled true, SmsMfaConfiguration or EmailMfaConfiguration.`,
    );
  }
  if (smsOn && !smsTransport(merged.SmsMfaConfiguration?.SmsConfiguration) && !hasSmsConfiguration(mergedPool)) {
    problems.push(
      'SmsMfaConfiguration: SMS MFA needs an SMS configuration; declare SmsConfiguration (SnsCallerArn or EumsSms) or SmsMfaConfiguration.SmsConfiguration.',
    );
  }
  // "Can't turn off SMS_MFA when SMS configuration is set for the user pool".
  if (totpOn && !smsOn && !emailOn && hasSmsConfiguration(mergedPool)) {
    problems.push(
      'SmsMfaConfiguration: this pool has an SMS configuration, and Cognito keeps SMS MFA on while it does; declare SmsMfaConfiguration next to SoftwareTokenMfaConfiguration.',
    );
  }
  if (emailOn && mergedPool.EmailConfiguration?.EmailSendingAccount !== 'DEVELOPER') {
    problems.push(
      'EmailMfaConfiguration: email MFA needs EmailConfiguration.EmailSendingAccount DEVELOPER (sending through Amazon SES).',
    );
  }
  const firstFactors = mergedPool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? [];
  // Required MFA and a one-time code as the first factor would ask for the same code twice.
  const otpFirstFactors = firstFactors.filter((factor) => factor === 'EMAIL_OTP' || factor === 'SMS_OTP');
  if (mode === 'ON' && otpFirstFactors.length > 0) {
    problems.push(
      `MfaConfiguration: ON cannot be combined with ${otpFirstFactors.join(' or ')} in Policies.SignInPolicy.AllowedFirstAuthFactors; declare MfaConfiguration OPTIONAL, or remove those first factors.`,
    );
  }
  if (
    mode === 'ON' &&
    firstFactors.includes('WEB_AUTHN') &&
    merged.WebAuthnConfiguration?.FactorConfiguration !== 'MULTI_FACTOR_WITH_USER_VERIFICATION'
  ) {
    problems.push(
      'WebAuthnConfiguration.FactorConfiguration: with MfaConfiguration ON and passkeys (WEB_AUTHN) as a first factor, declare MULTI_FACTOR_WITH_USER_VERIFICATION.',
    );
  }
  // Account recovery must not go through the factor it would recover.
  const recovery = (mergedPool.AccountRecoverySetting?.RecoveryMechanisms ?? []).map((option) => option.Name);
  if (emailOn && recovery.length > 0 && recovery.every((name) => name === 'verified_email')) {
    problems.push(
      'EmailMfaConfiguration: email MFA cannot be combined with account recovery by email alone; declare AccountRecoverySetting with verified_phone_number or admin_only.',
    );
  }
  if (smsOn && recovery.includes('verified_phone_number')) {
    problems.push(
      'SmsMfaConfiguration: SMS MFA cannot be combined with account recovery by verified_phone_number; declare AccountRecoverySetting with verified_email or admin_only instead.',
    );
  }
  return problems;
}

/** The complete SetUserPoolMfaConfig request for `state`: omitted factors are turned off. */
export function buildSetUserPoolMfaConfigRequest(
  userPoolId: string,
  state: MfaSettings,
  mergedPool: UserPoolType,
): SetUserPoolMfaConfigCommandInput {
  // An omitted MfaConfiguration means OFF, so it is always sent.
  const request: SetUserPoolMfaConfigCommandInput = {
    UserPoolId: userPoolId,
    MfaConfiguration: state.MfaConfiguration ?? 'OFF',
  };
  if (state.WebAuthnConfiguration) request.WebAuthnConfiguration = state.WebAuthnConfiguration;
  // Cognito rejects factor blocks next to OFF.
  if (request.MfaConfiguration === 'OFF') return request;
  if (state.SoftwareTokenMfaConfiguration) request.SoftwareTokenMfaConfiguration = state.SoftwareTokenMfaConfiguration;
  if (state.EmailMfaConfiguration) request.EmailMfaConfiguration = state.EmailMfaConfiguration;
  if (state.SmsMfaConfiguration) {
    request.SmsMfaConfiguration = {
      ...state.SmsMfaConfiguration,
      SmsConfiguration: state.SmsMfaConfiguration.SmsConfiguration ?? mergedPool.SmsConfiguration,
    };
  }
  return request;
}
