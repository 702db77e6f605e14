/**
 * DescribeUserPool and DescribeUserPoolClient answers, as JSON on the wire, in the shapes
 * real pools and clients have. The values are this project's own; each fixture names the
 * public output whose shape it follows (what members are there, which are missing, how
 * dates and legacy members appear). Dates are epoch seconds, as Cognito sends them.
 */

type Json = Record<string, unknown>;

export interface ShapeFixture {
  name: string;
  /** The public output whose shape this fixture reproduces. */
  follows: string;
  described: Json;
}

const standardAttributes = [
  { Name: 'sub', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: false, Required: true },
  {
    Name: 'email',
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' },
  },
  {
    Name: 'email_verified',
    AttributeDataType: 'Boolean',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
  },
  {
    Name: 'updated_at',
    AttributeDataType: 'Number',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    NumberAttributeConstraints: { MinValue: '0' },
  },
];

const lambda = (region: string, name: string) => `arn:aws:lambda:${region}:210987654321:function:${name}`;

export const POOL_SHAPES: ShapeFixture[] = [
  {
    name: 'legacy-only pool without Arn (2019 CLI era)',
    follows:
      'aws-cli awscli/examples/cognito-idp/describe-user-pool.rst (2019): no Arn, legacy verification texts and no template, only UnusedAccountValidityDays, SES SourceArn without EmailSendingAccount',
    described: {
      Id: 'us-west-2_Leg4cyOne',
      Name: 'legacy-users',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 10,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: false,
          RequireSymbols: true,
        },
      },
      LambdaConfig: {},
      LastModifiedDate: 1550000000.123,
      CreationDate: 1549000000.456,
      SchemaAttributes: standardAttributes,
      AutoVerifiedAttributes: ['email'],
      EmailVerificationMessage: 'Legacy code: {####}',
      EmailVerificationSubject: 'Legacy subject',
      SmsVerificationMessage: 'Legacy SMS code {####}',
      SmsAuthenticationMessage: 'Legacy sign-in {####}',
      MfaConfiguration: 'OFF',
      EstimatedNumberOfUsers: 12,
      EmailConfiguration: {
        ReplyToEmailAddress: 'help@example.org',
        SourceArn: 'arn:aws:ses:us-west-2:210987654321:identity/help@example.org',
      },
      UserPoolTags: {},
      AdminCreateUserConfig: {
        UnusedAccountValidityDays: 9,
        AllowAdminCreateUserOnly: false,
        InviteMessageTemplate: {
          EmailMessage: 'User {username}, password {####}',
          EmailSubject: 'Welcome aboard',
          SMSMessage: 'User {username} / {####}',
        },
      },
    },
  },
  {
    name: 'CONFIRM_WITH_LINK pool with both variants, legacy texts, threat protection and versioned triggers',
    follows:
      'aws-cli awscli/examples/cognito-idp/describe-user-pool.rst (2024): Arn, both verification variants under CONFIRM_WITH_LINK, legacy texts beside the template, UnusedAccountValidityDays and TemporaryPasswordValidityDays, empty AdvancedSecurityAdditionalFlows',
    described: {
      Id: 'us-west-2_L1nkVar2x',
      Name: 'link-users',
      Arn: 'arn:aws:cognito-idp:us-west-2:210987654321:userpool/us-west-2_L1nkVar2x',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 9,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 2,
        },
      },
      DeletionProtection: 'ACTIVE',
      LambdaConfig: {
        PreSignUp: lambda('us-west-2', 'pre-sign-up'),
        CustomMessage: lambda('us-west-2', 'custom-message'),
        PreTokenGeneration: lambda('us-west-2', 'pre-token'),
        PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: lambda('us-west-2', 'pre-token') },
        CustomSMSSender: { LambdaVersion: 'V1_0', LambdaArn: lambda('us-west-2', 'sms-sender') },
        KMSKeyID: 'arn:aws:kms:us-west-2:210987654321:key/abcd-0000',
      },
      LastModifiedDate: 1720000000.5,
      CreationDate: 1700000000.25,
      SchemaAttributes: standardAttributes,
      AutoVerifiedAttributes: ['email'],
      EmailVerificationMessage: 'Code {####}. ',
      EmailVerificationSubject: 'Your code',
      SmsVerificationMessage: 'Code {####}. ',
      VerificationMessageTemplate: {
        SmsMessage: 'Code {####}. ',
        EmailMessage: 'Code {####}. ',
        EmailSubject: 'Your code',
        EmailMessageByLink: 'Open <b>{##Verify here##}</b> to confirm',
        EmailSubjectByLink: 'Your link',
        DefaultEmailOption: 'CONFIRM_WITH_LINK',
      },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
      MfaConfiguration: 'OPTIONAL',
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
      EstimatedNumberOfUsers: 1,
      EmailConfiguration: {
        SourceArn: 'arn:aws:ses:us-west-2:210987654321:identity/admin@example.org',
        EmailSendingAccount: 'DEVELOPER',
      },
      SmsConfiguration: {
        SnsCallerArn: 'arn:aws:iam::210987654321:role/service-role/pool-sms',
        ExternalId: 'sms-external-id-0001',
        SnsRegion: 'us-west-2',
      },
      UserPoolTags: {},
      AdminCreateUserConfig: {
        AllowAdminCreateUserOnly: false,
        UnusedAccountValidityDays: 2,
        InviteMessageTemplate: {
          SMSMessage: 'Hi {username}, {####}. ',
          EmailMessage: 'Hi {username}, {####}. ',
          EmailSubject: 'Temporary password',
        },
      },
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED', AdvancedSecurityAdditionalFlows: {} },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }] },
      UserPoolTier: 'PLUS',
    },
  },
  {
    name: 'CONFIRM_WITH_CODE pool with custom link texts, SES configuration set and inbound federation',
    follows:
      'DescribeUserPool API reference, sample response: both variants under CONFIRM_WITH_CODE, legacy texts that differ from the template, DEVELOPER email with From and ConfigurationSet, InboundFederation, tags',
    described: {
      Id: 'us-east-1_C0deVar3y',
      Name: 'code-users',
      Arn: 'arn:aws:cognito-idp:us-east-1:210987654321:userpool/us-east-1_C0deVar3y',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: false,
          RequireUppercase: true,
          TemporaryPasswordValidityDays: 5,
        },
      },
      DeletionProtection: 'INACTIVE',
      LambdaConfig: {
        CustomEmailSender: { LambdaArn: lambda('us-east-1', 'email-sender'), LambdaVersion: 'V1_0' },
        InboundFederation: { LambdaArn: lambda('us-east-1', 'federation'), LambdaVersion: 'V1_0' },
        KMSKeyID: 'arn:aws:kms:us-east-1:210987654321:key/abcd-1111',
        PostConfirmation: lambda('us-east-1', 'post-confirmation'),
      },
      LastModifiedDate: 1730000000,
      CreationDate: 1690000000,
      SchemaAttributes: standardAttributes,
      AutoVerifiedAttributes: ['email'],
      EmailVerificationMessage: 'Old code text {####}.',
      EmailVerificationSubject: 'Old subject',
      SmsVerificationMessage: 'Old SMS {####}.',
      VerificationMessageTemplate: {
        DefaultEmailOption: 'CONFIRM_WITH_CODE',
        EmailMessage: 'Confirmation code: {####}',
        EmailMessageByLink: 'Follow {##this custom link##} to confirm',
        EmailSubject: 'Confirmation code',
        EmailSubjectByLink: 'Custom confirmation link',
        SmsMessage: 'Confirmation code: {####}',
      },
      MfaConfiguration: 'OFF',
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
      EstimatedNumberOfUsers: 4,
      EmailConfiguration: {
        ConfigurationSet: 'pool-configuration-set',
        EmailSendingAccount: 'DEVELOPER',
        From: 'support@example.org',
        ReplyToEmailAddress: 'support@example.org',
        SourceArn: 'arn:aws:ses:us-east-1:210987654321:identity/support@example.org',
      },
      UserPoolTags: { 'owner-team': 'identity' },
      AdminCreateUserConfig: {
        AllowAdminCreateUserOnly: false,
        InviteMessageTemplate: {
          EmailMessage: 'Sign in as {username} with {####}.',
          EmailSubject: 'Your sign-in details',
          SMSMessage: 'Sign in as {username} with {####}.',
        },
        UnusedAccountValidityDays: 5,
      },
      UserPoolAddOns: { AdvancedSecurityMode: 'OFF' },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      UserPoolTier: 'ESSENTIALS',
    },
  },
  {
    name: 'console-era pool with recovery options and a case-insensitive username',
    follows:
      'describe-user-pool output committed as a file (CLI v2, 2023): template with only DefaultEmailOption, COGNITO_DEFAULT email, UsernameConfiguration, two recovery options',
    described: {
      Id: 'us-east-2_C0ns0le4z',
      Name: 'console-users',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireUppercase: false,
          RequireLowercase: false,
          RequireNumbers: false,
          RequireSymbols: false,
          TemporaryPasswordValidityDays: 7,
        },
      },
      LambdaConfig: {},
      LastModifiedDate: 1615565728.786,
      CreationDate: 1612326717.751,
      SchemaAttributes: standardAttributes,
      AutoVerifiedAttributes: ['email'],
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      MfaConfiguration: 'OFF',
      EstimatedNumberOfUsers: 2,
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      UserPoolTags: {},
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
      UsernameConfiguration: { CaseSensitive: false },
      Arn: 'arn:aws:cognito-idp:us-east-2:210987654321:userpool/us-east-2_C0ns0le4z',
      AccountRecoverySetting: {
        RecoveryMechanisms: [
          { Priority: 1, Name: 'verified_email' },
          { Priority: 2, Name: 'verified_phone_number' },
        ],
      },
    },
  },
  {
    name: '2017 pool recorded by boto3: empty EmailConfiguration, no TemporaryPasswordValidityDays',
    follows:
      'boto3 response recorded from a live account by placebo (cloud-custodian test data, pool created 2017): EmailConfiguration {}, only UnusedAccountValidityDays, template with only DefaultEmailOption',
    described: {
      MfaConfiguration: 'OFF',
      Name: 'recorded-2017',
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      LastModifiedDate: 1510658427.1,
      AdminCreateUserConfig: { UnusedAccountValidityDays: 14, AllowAdminCreateUserOnly: false },
      EmailConfiguration: {},
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: {
          RequireLowercase: true,
          RequireSymbols: false,
          RequireNumbers: true,
          MinimumLength: 8,
          RequireUppercase: true,
        },
      },
      UserPoolTags: {},
      CreationDate: 1510658427.1,
      EstimatedNumberOfUsers: 0,
      Id: 'us-east-1_Rec0rded5',
      Arn: 'arn:aws:cognito-idp:us-east-1:210987654321:userpool/us-east-1_Rec0rded5',
      LambdaConfig: {},
    },
  },
  {
    name: 'pool with no verification texts at all',
    follows:
      'boto3 response recorded by placebo (cloud-custodian test data): no template, no legacy texts, only UnusedAccountValidityDays',
    described: {
      Id: 'us-east-1_N0Texts6w',
      Arn: 'arn:aws:cognito-idp:us-east-1:210987654321:userpool/us-east-1_N0Texts6w',
      Name: 'no-texts',
      MfaConfiguration: 'OFF',
      AdminCreateUserConfig: { UnusedAccountValidityDays: 7, AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          RequireLowercase: true,
          RequireSymbols: true,
          RequireNumbers: true,
          MinimumLength: 12,
          RequireUppercase: true,
        },
      },
      LambdaConfig: {},
      UserPoolTags: {},
      CreationDate: 1500000000,
      LastModifiedDate: 1500000000,
      EstimatedNumberOfUsers: 3,
    },
  },
  {
    name: 'Essentials pool with TOTP-only MFA, sign-in policy and Terraform tags',
    follows:
      'describe-user-pool output committed as user-pool-details.json (2025): MFA OPTIONAL without SmsConfiguration, SignInPolicy, UserPoolTier ESSENTIALS, tags from Terraform, dates as ISO text in the CLI (epoch on the wire)',
    described: {
      Id: 'eu-west-2_T0tpOnly7',
      Name: 'totp-users',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 7,
        },
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] },
      },
      DeletionProtection: 'INACTIVE',
      LambdaConfig: {},
      LastModifiedDate: 1741533123.824,
      CreationDate: 1741533123.824,
      SchemaAttributes: standardAttributes,
      AutoVerifiedAttributes: ['email'],
      UsernameAttributes: ['email'],
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: [] },
      MfaConfiguration: 'OPTIONAL',
      EstimatedNumberOfUsers: 0,
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      UserPoolTags: { Environment: 'dev', ManagedBy: 'terraform' },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, UnusedAccountValidityDays: 7 },
      UsernameConfiguration: { CaseSensitive: false },
      Arn: 'arn:aws:cognito-idp:eu-west-2:210987654321:userpool/eu-west-2_T0tpOnly7',
      AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }] },
      UserPoolTier: 'ESSENTIALS',
    },
  },
  {
    name: 'create-user-pool answer without Arn: COGNITO_DEFAULT sender with a custom FROM (SourceArn)',
    follows:
      'aws-cli awscli/examples/cognito-idp/create-user-pool.rst (2019), the UserPool it returns: no Arn, SourceArn without EmailSendingAccount, UsernameAttributes, only UnusedAccountValidityDays',
    described: {
      MfaConfiguration: 'OFF',
      Name: 'created-users',
      LastModifiedDate: 1547837788.189,
      AdminCreateUserConfig: { UnusedAccountValidityDays: 3, AllowAdminCreateUserOnly: false },
      EmailConfiguration: {
        ReplyToEmailAddress: 'owner@example.org',
        SourceArn: 'arn:aws:ses:us-east-1:210987654321:identity/owner@example.org',
      },
      Policies: {
        PasswordPolicy: {
          RequireLowercase: true,
          RequireSymbols: true,
          RequireNumbers: true,
          MinimumLength: 8,
          RequireUppercase: true,
        },
      },
      UsernameAttributes: ['email'],
      CreationDate: 1547837788.189,
      EstimatedNumberOfUsers: 0,
      Id: 'us-east-1_Cr3ated8v',
      LambdaConfig: {},
    },
  },
];

export const CLIENT_SHAPES: ShapeFixture[] = [
  {
    name: '2019 client with a secret, legacy auth flows and no token units',
    follows:
      'aws-cli awscli/examples/cognito-idp/describe-user-pool-client.rst (2019): ClientSecret, custom attributes, legacy ExplicitAuthFlows, no TokenValidityUnits',
    described: {
      UserPoolId: 'us-west-2_L1nkVar2x',
      ClientName: 'legacy-app',
      ClientId: '1legacyclient000000000000a',
      ClientSecret: 'do-not-leak-this-secret-1',
      LastModifiedDate: 1548108676.163,
      CreationDate: 1548108676.163,
      RefreshTokenValidity: 30,
      ReadAttributes: ['custom:tenant', 'email', 'email_verified', 'name'],
      WriteAttributes: ['custom:tenant', 'email', 'name'],
      ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
    },
  },
  {
    name: 'hosted UI client with identity providers and minutes',
    follows:
      'aws-cli awscli/examples/cognito-idp/update-user-pool-client.rst (2025): OAuth code and implicit, three identity providers, callback and logout URLs, DefaultRedirectURI, minutes/minutes/days',
    described: {
      UserPoolId: 'us-west-2_L1nkVar2x',
      ClientName: 'hosted-ui',
      ClientId: '2hostedui00000000000000000b',
      LastModifiedDate: 1738363212.498,
      CreationDate: 1694647594.408,
      RefreshTokenValidity: 30,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      ReadAttributes: ['email', 'email_verified', 'name', 'phone_number'],
      WriteAttributes: ['email', 'name', 'phone_number'],
      ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['Google', 'COGNITO', 'CorpSAML'],
      CallbackURLs: ['https://app.example.org/callback', 'https://www.example.org/callback'],
      LogoutURLs: ['https://app.example.org/signed-out'],
      DefaultRedirectURI: 'https://app.example.org/callback',
      AllowedOAuthFlows: ['code', 'implicit'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      EnablePropagateAdditionalUserContextData: false,
      AuthSessionValidity: 3,
    },
  },
  {
    name: 'older client with only a few members',
    follows: 'aws-cli update-user-pool-client.rst (2019), the UserPoolClient it returns: only a few members',
    described: {
      UserPoolId: 'us-west-2_L1nkVar2x',
      ClientName: 'few-members',
      ClientId: '3fewmembers000000000000000c',
      LastModifiedDate: 1548802761.334,
      CreationDate: 1548178931.258,
      RefreshTokenValidity: 30,
      WriteAttributes: ['nickname'],
      AllowedOAuthFlowsUserPoolClient: false,
    },
  },
  {
    name: 'client with a secret, analytics by application id and hours',
    follows:
      'CreateUserPoolClient API reference, example response: ClientSecret, AnalyticsConfiguration with ApplicationId, RoleArn and ExternalId, hours/minutes/days, a localhost callback',
    described: {
      AccessTokenValidity: 6,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['aws.cognito.signin.user.admin', 'openid'],
      AnalyticsConfiguration: {
        ApplicationId: '0123456789abcdef0123456789abcdef',
        ExternalId: 'analytics-external-id',
        RoleArn: 'arn:aws:iam::210987654321:role/pinpoint-analytics',
        UserDataShared: true,
      },
      AuthSessionValidity: 3,
      CallbackURLs: ['https://example.org', 'http://localhost', 'myapp://example'],
      ClientId: '4analytics0000000000000000d',
      ClientName: 'analytics-app',
      ClientSecret: 'do-not-leak-this-secret-2',
      CreationDate: 1689885426.107,
      DefaultRedirectURI: 'https://example.org',
      EnablePropagateAdditionalUserContextData: false,
      EnableTokenRevocation: true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      IdTokenValidity: 6,
      LastModifiedDate: 1689885426.107,
      PreventUserExistenceErrors: 'ENABLED',
      ReadAttributes: ['email', 'email_verified', 'name'],
      RefreshTokenValidity: 6,
      SupportedIdentityProviders: ['COGNITO'],
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'minutes', RefreshToken: 'days' },
      UserPoolId: 'us-west-2_L1nkVar2x',
      WriteAttributes: ['name'],
    },
  },
];
