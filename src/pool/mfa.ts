import type {
  GetUserPoolMfaConfigCommandOutput,
  SetUserPoolMfaConfigCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { MFA_FIELDS } from './fields';
import { deepMerge, pruneEmpty } from './merge';
import type { DeclaredSettings, MfaSettings } from './settings';

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

/** The MFA state as GetUserPoolMfaConfig reports it, with empty factor blocks removed. */
export function mfaStateFromDescribed(described: Partial<GetUserPoolMfaConfigCommandOutput>): MfaSettings {
  const state: MfaSettings = { MfaConfiguration: described.MfaConfiguration ?? 'OFF' };
  for (const field of MFA_FIELDS) {
    if (field === 'MfaConfiguration') continue;
    const block = pruneEmpty(described[field]);
    if (block !== undefined) (state as Record<string, unknown>)[field] = block;
  }
  return state;
}

export function mergeMfaState(described: MfaSettings, declared: DeclaredSettings): MfaSettings {
  const merged: MfaSettings = { ...described };
  for (const field of MFA_FIELDS) {
    if (declared[field] !== undefined) {
      (merged as Record<string, unknown>)[field] = deepMerge(described[field], declared[field]);
    }
  }
  return merged;
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
  if (!totpOn && !smsOn && !emailOn) {
    problems.push(
      `MfaConfiguration: ${mode} needs at least one MFA factor: SoftwareTokenMfaConfiguration.Enabled true, SmsMfaConfiguration or EmailMfaConfiguration.`,
    );
  }
  if (
    smsOn &&
    !merged.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn &&
    !mergedPool.SmsConfiguration?.SnsCallerArn
  ) {
    problems.push(
      'SmsMfaConfiguration: SMS MFA needs an SMS configuration; declare SmsConfiguration.SnsCallerArn or SmsMfaConfiguration.SmsConfiguration.',
    );
  }
  if (emailOn && mergedPool.EmailConfiguration?.EmailSendingAccount !== 'DEVELOPER') {
    problems.push(
      'EmailMfaConfiguration: email MFA needs EmailConfiguration.EmailSendingAccount DEVELOPER (sending through Amazon SES).',
    );
  }
  return problems;
}

/** The complete SetUserPoolMfaConfig request for `state`: omitted factors are turned off. */
export function buildSetMfaRequest(
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
