import type { CreateUserPoolCommandInput } from '@aws-sdk/client-cognito-identity-provider';

const LAMBDA = (name: string): string => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** A pool configured the way production pools are: many settings a careless update would wipe. */
export function productionPoolRequest(poolName: string): CreateUserPoolCommandInput {
  return {
    PoolName: poolName,
    Policies: {
      PasswordPolicy: {
        MinimumLength: 12,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: false,
        TemporaryPasswordValidityDays: 3,
      },
    },
    LambdaConfig: {
      PreSignUp: LAMBDA('pre-sign-up'),
      PostConfirmation: LAMBDA('post-confirmation'),
      CustomMessage: LAMBDA('custom-message'),
      PreTokenGeneration: LAMBDA('pre-token'),
    },
    AutoVerifiedAttributes: ['email'],
    UsernameAttributes: ['email'],
    UsernameConfiguration: { CaseSensitive: false },
    VerificationMessageTemplate: {
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
      EmailSubject: 'Your Example verification code',
      EmailMessage: 'Your Example verification code is {####}',
      SmsMessage: 'Your Example code is {####}',
    },
    SmsAuthenticationMessage: 'Your Example sign-in code is {####}',
    DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
    EmailConfiguration: {
      EmailSendingAccount: 'DEVELOPER',
      SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com',
      From: 'Example <no-reply@example.com>',
      ReplyToEmailAddress: 'support@example.com',
    },
    SmsConfiguration: {
      SnsCallerArn: 'arn:aws:iam::123456789012:role/cognito-sms',
      ExternalId: 'example-external-id',
      SnsRegion: 'us-east-1',
    },
    AdminCreateUserConfig: {
      AllowAdminCreateUserOnly: true,
      InviteMessageTemplate: {
        EmailSubject: 'Welcome to Example',
        EmailMessage: 'Your username is {username} and temporary password is {####}.',
        SMSMessage: 'Your username is {username} and temporary password is {####}.',
      },
    },
    AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    UserPoolTags: { team: 'identity', environment: 'production', 'cost-center': '1234' },
    Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }],
  };
}

/**
 * What a template needs of the production-like pool the demo and `plan` create on the
 * emulator, so that every example plans and runs the same way: TOTP-only MFA gets a pool
 * without an SMS configuration, since Cognito keeps SMS MFA on while the pool has one
 * ("Can't turn off SMS_MFA when SMS configuration is set for the user pool").
 */
export function poolChangesFor(declared: Record<string, unknown>): {
  changes: Partial<CreateUserPoolCommandInput>;
  why?: string;
} {
  const totpOnly = declared.SoftwareTokenMfaConfiguration !== undefined && declared.SmsMfaConfiguration === undefined;
  if (!totpOnly || declared.SmsConfiguration !== undefined) return { changes: {} };
  return {
    changes: { SmsConfiguration: undefined },
    why: 'the template turns on TOTP-only MFA, so the pool gets no SMS configuration',
  };
}
