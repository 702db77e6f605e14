import type { UpdateUserPoolCommandInput, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { describedProductionPool, POOL_ID } from '../test/support/describedPool';
import { buildUpdateUserPoolRequest } from './updateRequest';

function requestFor(changes: Partial<UserPoolType> = {}): UpdateUserPoolCommandInput {
  return buildUpdateUserPoolRequest(POOL_ID, { ...describedProductionPool(), ...changes });
}

describe('buildUpdateUserPoolRequest from a described pool', () => {
  it('names the pool by UserPoolId and sends its name back unchanged as PoolName', () => {
    const request = requestFor();
    expect(request.UserPoolId).toBe(POOL_ID);
    expect(request.PoolName).toBe('production-users');
  });

  it.each([
    'Id',
    'Name',
    'Arn',
    'Status',
    'CreationDate',
    'LastModifiedDate',
    'EstimatedNumberOfUsers',
    'EmailConfigurationFailure',
    'SmsConfigurationFailure',
    'Domain',
    'CustomDomain',
    'SchemaAttributes',
    'AliasAttributes',
    'UsernameAttributes',
    'UsernameConfiguration',
    'EmailVerificationMessage',
    'EmailVerificationSubject',
    'SmsVerificationMessage',
    'UserPoolTags',
  ])('drops the describe-only field, legacy text superseded by the template, or tag member %s', (field) => {
    expect(requestFor({ AliasAttributes: ['preferred_username'] })).not.toHaveProperty(field);
  });

  it('carries every setting Cognito would reset when omitted', () => {
    const described = describedProductionPool();
    const request = requestFor();
    expect(request.Policies).toEqual(described.Policies);
    expect(request.DeletionProtection).toBe('ACTIVE');
    expect(request.AutoVerifiedAttributes).toEqual(['email']);
    expect(request.SmsAuthenticationMessage).toBe(described.SmsAuthenticationMessage);
    expect(request.UserAttributeUpdateSettings).toEqual(described.UserAttributeUpdateSettings);
    expect(request.MfaConfiguration).toBe('OPTIONAL');
    expect(request.DeviceConfiguration).toEqual(described.DeviceConfiguration);
    expect(request.EmailConfiguration).toEqual(described.EmailConfiguration);
    expect(request.SmsConfiguration).toEqual(described.SmsConfiguration);
    expect(request.UserPoolAddOns).toEqual(described.UserPoolAddOns);
    expect(request.AccountRecoverySetting).toEqual(described.AccountRecoverySetting);
    expect(request.UserPoolTier).toBe('PLUS');
  });

  it('always drops AdminCreateUserConfig.UnusedAccountValidityDays and keeps the rest', () => {
    const request = requestFor();
    expect(request.AdminCreateUserConfig).not.toHaveProperty('UnusedAccountValidityDays');
    expect(request.AdminCreateUserConfig?.AllowAdminCreateUserOnly).toBe(true);
    expect(request.AdminCreateUserConfig?.InviteMessageTemplate).toEqual(
      describedProductionPool().AdminCreateUserConfig?.InviteMessageTemplate,
    );
  });

  it.each(['CONFIRM_WITH_CODE', 'CONFIRM_WITH_LINK'])(
    'carries both verification variants whatever DefaultEmailOption says (%s), as real pools store them',
    (option) => {
      const template = { ...describedProductionPool().VerificationMessageTemplate, DefaultEmailOption: option };
      expect(
        requestFor({ VerificationMessageTemplate: template as UserPoolType['VerificationMessageTemplate'] })
          .VerificationMessageTemplate,
      ).toEqual(template);
    },
  );

  it('carries the legacy texts a template holding only DefaultEmailOption does not replace', () => {
    const request = requestFor({ VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' } });
    expect(request).toMatchObject({
      EmailVerificationMessage: 'Legacy {####}',
      EmailVerificationSubject: 'Legacy subject',
      SmsVerificationMessage: 'Legacy sms {####}',
    });
  });

  it('carries the legacy verification texts of a pool that has no template', () => {
    const request = requestFor({ VerificationMessageTemplate: undefined });
    expect(request).toMatchObject({
      EmailVerificationMessage: 'Legacy {####}',
      EmailVerificationSubject: 'Legacy subject',
      SmsVerificationMessage: 'Legacy sms {####}',
    });
  });

  it('carries UnusedAccountValidityDays as TemporaryPasswordValidityDays when the policy lacks it, never both', () => {
    const described = describedProductionPool();
    const { TemporaryPasswordValidityDays: _lifetime, ...olderPolicy } = described.Policies?.PasswordPolicy ?? {};
    const request = requestFor({ Policies: { PasswordPolicy: olderPolicy } });
    expect(request.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays).toBe(7);
    expect(request.AdminCreateUserConfig).not.toHaveProperty('UnusedAccountValidityDays');
    expect(requestFor().Policies?.PasswordPolicy?.TemporaryPasswordValidityDays).toBe(3);
  });

  it('never sends UserPoolAddOns without AdvancedSecurityMode', () => {
    expect(requestFor({ UserPoolAddOns: {} as UserPoolType['UserPoolAddOns'] })).not.toHaveProperty('UserPoolAddOns');
  });

  it('never sends a recovery option without Name and Priority, nor an empty list', () => {
    const incomplete = { RecoveryMechanisms: [{ Name: 'verified_email' }, { Priority: 2 }] };
    expect(
      requestFor({ AccountRecoverySetting: incomplete as UserPoolType['AccountRecoverySetting'] }),
    ).not.toHaveProperty('AccountRecoverySetting');
    const mixed = { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }, { Priority: 2 }] };
    expect(
      requestFor({ AccountRecoverySetting: mixed as UserPoolType['AccountRecoverySetting'] }).AccountRecoverySetting,
    ).toEqual({ RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] });
  });

  it('never sends a versioned Lambda config without LambdaArn and LambdaVersion', () => {
    const lambdaConfig = {
      ...describedProductionPool().LambdaConfig,
      CustomSMSSender: { LambdaVersion: 'V1_0' },
      CustomEmailSender: { LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:x' },
      PreTokenGenerationConfig: {},
    } as UserPoolType['LambdaConfig'];
    const request = requestFor({ LambdaConfig: lambdaConfig });
    expect(request.LambdaConfig).not.toHaveProperty('CustomSMSSender');
    expect(request.LambdaConfig).not.toHaveProperty('CustomEmailSender');
    expect(request.LambdaConfig).not.toHaveProperty('PreTokenGenerationConfig');
    expect(request.LambdaConfig?.PreSignUp).toBe(describedProductionPool().LambdaConfig?.PreSignUp);
  });

  it('makes PreTokenGeneration name the same function as PreTokenGenerationConfig.LambdaArn', () => {
    const lambdaConfig = {
      ...describedProductionPool().LambdaConfig,
      PreTokenGeneration: 'arn:aws:lambda:us-east-1:123456789012:function:old',
      PreTokenGenerationConfig: {
        LambdaVersion: 'V2_0',
        LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:new',
      },
    } as UserPoolType['LambdaConfig'];
    const request = requestFor({ LambdaConfig: lambdaConfig });
    expect(request.LambdaConfig?.PreTokenGeneration).toBe('arn:aws:lambda:us-east-1:123456789012:function:new');
  });

  it('leaves DeviceConfiguration out when the pool has none, so device tracking stays off', () => {
    expect(requestFor({ DeviceConfiguration: undefined })).not.toHaveProperty('DeviceConfiguration');
    expect(requestFor({ DeviceConfiguration: {} })).not.toHaveProperty('DeviceConfiguration');
  });

  it('keeps a DeviceConfiguration whose members are false: that is device tracking on', () => {
    const always = { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false };
    expect(requestFor({ DeviceConfiguration: always }).DeviceConfiguration).toEqual(always);
  });

  it('omits UserPoolTier when the pool does not report one, since Cognito keeps it when omitted', () => {
    expect(requestFor({ UserPoolTier: undefined })).not.toHaveProperty('UserPoolTier');
  });

  it('carries settings newer than this type back unchanged', () => {
    const request = requestFor({ DcrConfiguration: { EnableStatus: 'Enabled' } });
    expect(request.DcrConfiguration).toEqual({ EnableStatus: 'Enabled' });
  });
});

describe('carried AcrConfiguration', () => {
  it('sends back only custom level names: the effective defaults would need the Essentials plan', () => {
    const pool = {
      ...describedProductionPool(),
      AcrConfiguration: {
        Level1: { AcrValue: 'urn:cognito:loa:1' },
        Level2: { AcrValue: 'https://example.com/acr/strong' },
        Level3: { AcrValue: 'urn:cognito:loa:3' },
        Level4: { AcrValue: 'urn:cognito:loa:4' },
      },
    };
    expect(buildUpdateUserPoolRequest(POOL_ID, pool).AcrConfiguration).toEqual({
      Level2: { AcrValue: 'https://example.com/acr/strong' },
    });
  });

  it('leaves AcrConfiguration out when every level has its default name', () => {
    const defaults = Object.fromEntries(
      [1, 2, 3, 4].map((level) => [`Level${level}`, { AcrValue: `urn:cognito:loa:${level}` }]),
    );
    const request = buildUpdateUserPoolRequest(POOL_ID, { ...describedProductionPool(), AcrConfiguration: defaults });
    expect(request).not.toHaveProperty('AcrConfiguration');
  });
});
