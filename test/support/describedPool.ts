import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';

export const POOL_ID = 'us-east-1_Example01';
const LAMBDA = (name: string): string => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** DescribeUserPool output of a production pool, describe-only and legacy fields included. */
export function describedProductionPool(): UserPoolType {
  return {
    Id: POOL_ID,
    Name: 'production-users',
    Arn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${POOL_ID}`,
    Status: 'Enabled',
    CreationDate: new Date('2024-01-02T03:04:05Z'),
    LastModifiedDate: new Date('2025-06-07T08:09:10Z'),
    EstimatedNumberOfUsers: 48213,
    Domain: 'example-auth',
    CustomDomain: 'auth.example.com',
    EmailConfigurationFailure: 'none',
    SmsConfigurationFailure: 'SNS sandbox',
    DeletionProtection: 'ACTIVE',
    Policies: {
      PasswordPolicy: {
        MinimumLength: 12,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: false,
        PasswordHistorySize: 5,
        TemporaryPasswordValidityDays: 3,
      },
      SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
    },
    LambdaConfig: {
      PreSignUp: LAMBDA('pre-sign-up'),
      PostConfirmation: LAMBDA('post-confirmation'),
      CustomMessage: LAMBDA('custom-message'),
      PreTokenGeneration: LAMBDA('pre-token'),
      PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: LAMBDA('pre-token') },
      CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: LAMBDA('email-sender') },
      KMSKeyID: 'arn:aws:kms:us-east-1:123456789012:key/1111-2222',
    },
    SchemaAttributes: [
      { Name: 'sub', AttributeDataType: 'String', Mutable: false, Required: true, DeveloperOnlyAttribute: false },
      {
        Name: 'email',
        AttributeDataType: 'String',
        Mutable: true,
        Required: true,
        DeveloperOnlyAttribute: false,
        StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' },
      },
      {
        Name: 'custom:tenant',
        AttributeDataType: 'String',
        Mutable: true,
        Required: false,
        DeveloperOnlyAttribute: false,
        StringAttributeConstraints: { MinLength: '1', MaxLength: '64' },
      },
    ],
    AutoVerifiedAttributes: ['email'],
    UsernameAttributes: ['email'],
    UsernameConfiguration: { CaseSensitive: false },
    EmailVerificationMessage: 'Legacy {####}',
    EmailVerificationSubject: 'Legacy subject',
    SmsVerificationMessage: 'Legacy sms {####}',
    VerificationMessageTemplate: {
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
      EmailMessage: 'Your code is {####}',
      EmailSubject: 'Your code',
      EmailMessageByLink: 'Click {##Verify##}',
      EmailSubjectByLink: 'Verify your email',
      SmsMessage: 'Your code is {####}',
    },
    SmsAuthenticationMessage: 'Sign-in code {####}',
    UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    MfaConfiguration: 'OPTIONAL',
    DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
    EmailConfiguration: {
      EmailSendingAccount: 'DEVELOPER',
      SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com',
      From: 'Example <no-reply@example.com>',
    },
    SmsConfiguration: {
      SnsCallerArn: 'arn:aws:iam::123456789012:role/cognito-sms',
      ExternalId: 'secret-external-id',
      SnsRegion: 'us-east-1',
    },
    UserPoolTags: { team: 'identity', 'aws:cloudformation:stack-name': 'users' },
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: true,
      UnusedAccountValidityDays: 7,
      InviteMessageTemplate: {
        EmailSubject: 'Welcome',
        EmailMessage: 'User {username} password {####}',
        SMSMessage: 'User {username} password {####}',
      },
    },
    UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
    AccountRecoverySetting: {
      RecoveryMechanisms: [
        { Name: 'verified_email', Priority: 1 },
        { Name: 'verified_phone_number', Priority: 2 },
      ],
    },
    UserPoolTier: 'PLUS',
  };
}
