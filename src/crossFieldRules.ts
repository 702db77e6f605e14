import { isDeepStrictEqual } from 'node:util';
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { DeclaredSettings } from './fields';

/**
 * Cross-field rules real Cognito enforces on UpdateUserPool, checked on the pool as
 * the template would leave it, before any write. Each rule runs only when the template
 * declares one of the settings it involves, so a pool Cognito already accepted is never
 * refused for what the template does not touch. Each message says what to declare.
 */
export function findCrossFieldProblems(
  mergedPool: UserPoolType,
  described: UserPoolType,
  declared: DeclaredSettings,
): string[] {
  const problems: string[] = [];
  const email = mergedPool.EmailConfiguration;
  // "Cannot configure From email address for default email configuration" (aws/aws-cdk#9739):
  // Cognito's own sender takes no From address or configuration set. A SourceArn is valid
  // there: EmailConfigurationType.SourceArn says Cognito then uses that address as the
  // custom FROM address of its built-in sender.
  if (declared.EmailConfiguration && (email?.EmailSendingAccount ?? 'COGNITO_DEFAULT') === 'COGNITO_DEFAULT') {
    const sesMembers = (['From', 'ConfigurationSet'] as const).filter((member) => email?.[member]);
    if (sesMembers.length > 0) {
      problems.push(
        `EmailConfiguration: EmailSendingAccount COGNITO_DEFAULT cannot carry ${sesMembers.join(', ')}; declare EmailSendingAccount DEVELOPER to send through Amazon SES, or leave them out.`,
      );
    }
  }
  // SmsConfigurationType: Amazon SNS (SnsCallerArn) or End User Messaging SMS (EumsSms), not both.
  const sms = mergedPool.SmsConfiguration;
  if (declared.SmsConfiguration && sms?.EumsSms && sms.SnsCallerArn) {
    problems.push(
      'SmsConfiguration: declare either SnsCallerArn (Amazon SNS) or EumsSms (AWS End User Messaging SMS), not both.',
    );
  }
  // UserAttributeUpdateSettingsType: attributes that need verification before an update
  // must be ones Cognito verifies automatically.
  if (declared.UserAttributeUpdateSettings || declared.AutoVerifiedAttributes) {
    const autoVerified = new Set(mergedPool.AutoVerifiedAttributes ?? []);
    const unverified = (mergedPool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? []).filter(
      (attribute) => !autoVerified.has(attribute),
    );
    if (unverified.length > 0) {
      problems.push(
        `UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate: ${unverified.join(', ')} must also be in AutoVerifiedAttributes; declare it there too.`,
      );
    }
  }
  // SmsMfaConfigType carries the pool's own SMS message and SMS configuration: the two
  // places name one setting each, and SetUserPoolMfaConfig would overwrite UpdateUserPool's.
  const declaredSmsFactor = declared.SmsMfaConfiguration;
  if (
    declaredSmsFactor?.SmsAuthenticationMessage !== undefined &&
    declared.SmsAuthenticationMessage !== undefined &&
    declaredSmsFactor.SmsAuthenticationMessage !== declared.SmsAuthenticationMessage
  ) {
    problems.push(
      "SmsMfaConfiguration.SmsAuthenticationMessage: it is the pool's SmsAuthenticationMessage, which the template declares with another value; declare one value, in one place.",
    );
  }
  if (
    declaredSmsFactor?.SmsConfiguration !== undefined &&
    declared.SmsConfiguration !== undefined &&
    !isDeepStrictEqual(declaredSmsFactor.SmsConfiguration, declared.SmsConfiguration)
  ) {
    problems.push(
      "SmsMfaConfiguration.SmsConfiguration: it is the pool's SmsConfiguration, which the template declares with another value; declare one value, in one place.",
    );
  }
  // PasswordPolicyType: 0 asks for Cognito's default, which it stores and reports as 7, so
  // a template declaring 0 would show drift forever.
  if (declared.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays === 0) {
    problems.push(
      'Policies.PasswordPolicy.TemporaryPasswordValidityDays: 0 means the default, 7 days, which is what Cognito stores and reports; declare 7.',
    );
  }
  // Dynamic client registration is not in the LITE plan; Cognito refuses the downgrade while it is on.
  if (
    declared.UserPoolTier === 'LITE' &&
    described.UserPoolTier !== 'LITE' &&
    described.DcrConfiguration?.EnableStatus === 'Enabled'
  ) {
    problems.push(
      'UserPoolTier: LITE does not include dynamic client registration, which is enabled on this pool; disable DcrConfiguration first (this type does not manage it), then declare LITE.',
    );
  }
  return problems;
}
