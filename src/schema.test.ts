import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import schema from '../schema.json';
import { FIELDS } from './fields';
import { findSchemaProblems } from './validation';
import { riskConfigurationEnums, sdkComparison, type JsonSchema, type SdkShape } from '../test/support/sdkSchema';

/**
 * schema.json against the SDK's request shapes (test/support/sdkSchema.ts): when the SDK
 * adds a member, this test names it.
 */

/** Members deliberately left out of schema.json, each with its reason. */
const NOT_DECLARABLE: Record<string, string> = {
  SmsVerificationMessage: 'legacy; VerificationMessageTemplate.SmsMessage replaces it',
  EmailVerificationMessage: 'legacy; VerificationMessageTemplate.EmailMessage replaces it',
  EmailVerificationSubject: 'legacy; VerificationMessageTemplate.EmailSubject replaces it',
  DcrConfiguration: 'newer than this type: carried unchanged, not declarable (fields.ts)',
  KeyConfiguration: 'newer than this type: carried unchanged, not declarable (fields.ts)',
  IssuerConfiguration: 'newer than this type: carried unchanged, not declarable (fields.ts)',
  AcrConfiguration: 'newer than this type: carried unchanged, not declarable (fields.ts)',
  'AdminCreateUserConfig.UnusedAccountValidityDays':
    'legacy; rejected next to Policies.PasswordPolicy.TemporaryPasswordValidityDays, which replaces it',
  'RiskConfiguration.UserPoolId': 'the identifier, declared once at the top level',
  'RiskConfiguration.ClientId': "the app client type's (client-settings/schema.json)",
  'LogDeliveryConfiguration.UserPoolId': 'the identifier, declared once at the top level',
};

/** Properties that are a whole request of their own writer, less the identifiers. */
const WHOLE_REQUESTS: Record<string, unknown> = {
  RiskConfiguration: sdk.SetRiskConfigurationRequest$,
  LogDeliveryConfiguration: sdk.SetLogDeliveryConfigurationRequest$,
};

/** Where each top-level property comes from in the SDK. */
const REQUEST_SHAPES = [sdk.UpdateUserPoolRequest$, sdk.SetUserPoolMfaConfigRequest$, sdk.CreateUserPoolRequest$];

/** SDK enum values a member does not accept, each with its reason. */
const ENUM_VALUES_NOT_ACCEPTED: Record<string, Record<string, string>> = {
  'Policies.SignInPolicy.AllowedFirstAuthFactors': {
    SOFTWARE_TOKEN:
      'AuthFactorType is shared with GetUserAuthFactors; an authenticator app is never a first factor (SignInPolicyType)',
  },
};

/** The SDK enum behind every schema.json enum, by property path ([] for array items). */
const ENUMS: Record<string, Record<string, string>> = {
  DeletionProtection: sdk.DeletionProtectionType,
  AutoVerifiedAttributes: sdk.VerifiedAttributeType,
  MfaConfiguration: sdk.UserPoolMfaType,
  UserPoolTier: sdk.UserPoolTierType,
  AliasAttributes: sdk.AliasAttributeType,
  UsernameAttributes: sdk.UsernameAttributeType,
  'Policies.SignInPolicy.AllowedFirstAuthFactors': sdk.AuthFactorType,
  'LambdaConfig.PreTokenGenerationConfig.LambdaVersion': sdk.PreTokenGenerationLambdaVersionType,
  'LambdaConfig.CustomSMSSender.LambdaVersion': sdk.CustomSMSSenderLambdaVersionType,
  'LambdaConfig.CustomEmailSender.LambdaVersion': sdk.CustomEmailSenderLambdaVersionType,
  'LambdaConfig.InboundFederation.LambdaVersion': sdk.InboundFederationLambdaVersionType,
  'VerificationMessageTemplate.DefaultEmailOption': sdk.DefaultEmailOptionType,
  'UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate': sdk.VerifiedAttributeType,
  'EmailConfiguration.EmailSendingAccount': sdk.EmailSendingAccountType,
  'UserPoolAddOns.AdvancedSecurityMode': sdk.AdvancedSecurityModeType,
  'UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode': sdk.AdvancedSecurityEnabledModeType,
  'AccountRecoverySetting.RecoveryMechanisms.Name': sdk.RecoveryOptionNameType,
  'Schema.AttributeDataType': sdk.AttributeDataType,
  'WebAuthnConfiguration.UserVerification': sdk.UserVerificationType,
  'WebAuthnConfiguration.FactorConfiguration': sdk.WebAuthnFactorConfigurationType,
  ...riskConfigurationEnums(sdk as unknown as Record<string, unknown>),
  'LogDeliveryConfiguration.LogConfigurations.EventSource': sdk.EventSourceName,
  'LogDeliveryConfiguration.LogConfigurations.LogLevel': sdk.LogLevel,
};

const { shapeDifferences, enumPaths } = sdkComparison(schema.definitions, NOT_DECLARABLE);

describe('schema.json follows the SDK', () => {
  const topLevel = Object.keys(schema.properties).filter((name) => !['UserPoolId', 'SettingsName'].includes(name));

  it.each(topLevel)('%s: every nested member and type matches the SDK shape', (property) => {
    const node = (schema.properties as Record<string, JsonSchema>)[property];
    if (WHOLE_REQUESTS[property]) {
      expect(shapeDifferences(WHOLE_REQUESTS[property] as SdkShape, node, property)).toEqual([]);
      return;
    }
    const request = REQUEST_SHAPES.find((shape) => (shape[4] as string[]).includes(property));
    expect(request).toBeDefined();
    const [, , , , names, members] = request as unknown as [number, string, string, unknown, string[], SdkShape[]];
    expect(shapeDifferences(members[names.indexOf(property)], node, property)).toEqual([]);
  });

  it('declares every member of UpdateUserPool and SetUserPoolMfaConfig, but for the named exceptions', () => {
    const requestMembers = [sdk.UpdateUserPoolRequest$, sdk.SetUserPoolMfaConfigRequest$].flatMap(
      (shape) => shape[4] as string[],
    );
    const missing = requestMembers.filter((member) => !(member in schema.properties) && !NOT_DECLARABLE[member]);
    expect(missing).toEqual([]);
    // Every exception is one the field table also keeps out of templates.
    for (const member of Object.keys(NOT_DECLARABLE).filter((name) => !name.includes('.'))) {
      expect(['carried', 'dropped']).toContain(FIELDS[member as keyof typeof FIELDS].role);
    }
  });

  it('every enum has exactly the values of its SDK enum', () => {
    const found = new Map<string, string[]>();
    enumPaths({ type: 'object', properties: schema.properties as Record<string, JsonSchema> }, '', found);
    const unmapped = [...found.keys()].filter((path) => !ENUMS[path]);
    expect(unmapped).toEqual([]);
    for (const [path, values] of found) {
      const accepted = Object.values(ENUMS[path]).filter((value) => !ENUM_VALUES_NOT_ACCEPTED[path]?.[value]);
      expect({ path, values: [...values].sort() }).toEqual({ path, values: accepted.sort() });
    }
  });
});

describe('schema.json bounds and patterns, as the API reference gives them', () => {
  const problems = (properties: Record<string, unknown>) =>
    findSchemaProblems({ UserPoolId: 'us-east-1_x', ...properties });

  it('admits standard attribute names longer than custom ones, such as phone_number_verified', () => {
    expect(problems({ Schema: [{ Name: 'phone_number_verified' }] })).toEqual([]);
    expect(problems({ Schema: [{ Name: 'custom:abcdefghijklmnopqrstu' }] })).toEqual([
      expect.stringContaining('Schema.0.Name'),
    ]);
  });

  it('allows a relying party id of up to 127 characters', () => {
    expect(problems({ WebAuthnConfiguration: { RelyingPartyId: 'a'.repeat(127) } })).toEqual([]);
    expect(problems({ WebAuthnConfiguration: { RelyingPartyId: 'a'.repeat(128) } })).toEqual([
      expect.stringContaining('WebAuthnConfiguration.RelyingPartyId'),
    ]);
  });

  it.each([
    ['VerificationMessageTemplate.SmsMessage', { VerificationMessageTemplate: { SmsMessage: 'Your code' } }],
    ['VerificationMessageTemplate.EmailMessage', { VerificationMessageTemplate: { EmailMessage: 'Your code' } }],
    [
      'VerificationMessageTemplate.EmailMessageByLink',
      { VerificationMessageTemplate: { EmailMessageByLink: 'Click the link we sent' } },
    ],
    ['SmsAuthenticationMessage', { SmsAuthenticationMessage: 'Your sign-in code' }],
    ['EmailMfaConfiguration.Message', { EmailMfaConfiguration: { Message: 'Your sign-in code' } }],
  ])('%s must carry its placeholder', (path, properties) => {
    expect(problems(properties)).toEqual([expect.stringContaining(path)]);
  });

  it('accepts messages that carry their placeholders', () => {
    expect(
      problems({
        VerificationMessageTemplate: {
          SmsMessage: 'Code {####}',
          EmailMessage: 'Your code is {####}.',
          EmailMessageByLink: 'Click {##Verify Email##} to confirm.',
        },
        SmsAuthenticationMessage: 'Sign-in code {####}',
      }),
    ).toEqual([]);
  });
});
