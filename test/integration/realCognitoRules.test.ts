import type { CreateUserPoolCommandInput, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { productionPoolRequest } from '../support/productionPool';
import { useLocalCognito } from '../support/localCognito';

/**
 * Real Cognito's rules, through the production entrypoint with CloudFormation-shaped
 * requests, on cognito-local behind the strict proxy (tools/cognitoRules.ts), which
 * refuses what real Cognito refuses. A refusal must leave zero writes and the pool as it
 * was; an accepted change must leave every undeclared setting as it was.
 */
const cognito = useLocalCognito();
const WRITES = ['UpdateUserPool', 'SetUserPoolMfaConfig', 'AddCustomAttributes', 'TagResource', 'UntagResource'];
const EUMS = { CallerArn: 'arn:aws:iam::123456789012:role/cognito-eums', OriginationIdentity: '+15555550100' };

const writes = () => cognito.proxy.calls.filter((call) => WRITES.includes(call));
const without = (pool: UserPoolType, ...members: (keyof UserPoolType)[]) => {
  const rest: Record<string, unknown> = { ...pool };
  for (const member of ['LastModifiedDate', 'UserPoolTags', ...members]) delete rest[member];
  return rest;
};

/** A production-like pool this type manages, with the given changes at creation. */
async function managedPool(changes: Partial<CreateUserPoolCommandInput> = {}): Promise<string> {
  const poolId = await cognito.createPool({ ...productionPoolRequest(`rules-${Date.now()}`), ...changes });
  const created = await cognito.handle('CREATE', { UserPoolId: poolId });
  expect(created.status).toBe('SUCCESS');
  return poolId;
}

async function expectRefusedUntouched(poolId: string, properties: Record<string, unknown>, saying: RegExp) {
  const before = await cognito.describe(poolId);
  cognito.proxy.resetCounts();
  const event = await cognito.handle('UPDATE', { UserPoolId: poolId, ...properties });
  expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
  expect(event.message).toMatch(saying);
  expect(writes()).toEqual([]);
  expect(await cognito.describe(poolId)).toEqual(before);
}

describe('refused before any write, with a message that says what to declare', () => {
  it.each([
    [
      'COGNITO_DEFAULT email with an SES From address',
      { EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT', From: 'no-reply@example.com' } },
      /COGNITO_DEFAULT cannot carry From; declare EmailSendingAccount DEVELOPER/,
    ],
    [
      'an SMS configuration naming both transports',
      { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/cognito-sms', EumsSms: EUMS } },
      /declare either SnsCallerArn .* or EumsSms/,
    ],
    [
      'attributes verified before update that are not auto-verified',
      { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['phone_number'] } },
      /phone_number must also be in AutoVerifiedAttributes/,
    ],
    [
      'TemporaryPasswordValidityDays 0',
      { Policies: { PasswordPolicy: { TemporaryPasswordValidityDays: 0 } } },
      /declare 7/,
    ],
    [
      'TOTP-only MFA on a pool with an SMS configuration',
      { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } },
      /declare SmsMfaConfiguration next to SoftwareTokenMfaConfiguration/,
    ],
    [
      'SMS MFA with verified_phone_number account recovery',
      {
        MfaConfiguration: 'OPTIONAL',
        SmsMfaConfiguration: {},
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }] },
      },
      /declare AccountRecoverySetting with verified_email or admin_only/,
    ],
    [
      'email MFA with account recovery by email alone',
      { MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: { Subject: 'Your code' }, SmsMfaConfiguration: {} },
      /declare AccountRecoverySetting with verified_phone_number or admin_only/,
    ],
  ])('%s', async (_case, properties, saying) => {
    await expectRefusedUntouched(await managedPool(), properties, saying);
  });

  it('more than 50 tags', async () => {
    const poolId = await managedPool();
    const tags = Object.fromEntries(Array.from({ length: 48 }, (_, index) => [`tag-${index}`, 'x']));
    await expectRefusedUntouched(poolId, { UserPoolTags: tags }, /at most 50 tags per user pool\. Declare fewer tags/);
  });

  it.each(['EMAIL_OTP', 'SMS_OTP'])('MFA ON with %s as an allowed first factor', async (factor) => {
    const poolId = await managedPool({ SmsConfiguration: undefined });
    await expectRefusedUntouched(
      poolId,
      {
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', factor] } },
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      },
      /declare MfaConfiguration OPTIONAL/,
    );
  });

  it('MFA ON with passkeys as a first factor but without user verification as MFA', async () => {
    const poolId = await managedPool({ SmsConfiguration: undefined });
    await expectRefusedUntouched(
      poolId,
      {
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        WebAuthnConfiguration: { RelyingPartyId: 'auth.example.com' },
      },
      /declare MULTI_FACTOR_WITH_USER_VERIFICATION/,
    );
  });
});

describe('accepted as real Cognito accepts it, every undeclared setting unchanged', () => {
  it('switching email from SES (DEVELOPER) to COGNITO_DEFAULT replaces the SES members', async () => {
    const poolId = await managedPool();
    const before = await cognito.describe(poolId);
    const event = await cognito.handle('UPDATE', {
      UserPoolId: poolId,
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    });
    expect(event.status).toBe('SUCCESS');
    const after = await cognito.describe(poolId);
    expect(after.EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
    expect(without(after, 'EmailConfiguration', 'AdminCreateUserConfig')).toEqual(
      without(before, 'EmailConfiguration', 'AdminCreateUserConfig'),
    );
  });

  it('switching SMS from Amazon SNS to End User Messaging replaces the SNS members', async () => {
    const poolId = await managedPool();
    const event = await cognito.handle('UPDATE', { UserPoolId: poolId, SmsConfiguration: { EumsSms: EUMS } });
    expect(event.status).toBe('SUCCESS');
    expect((await cognito.describe(poolId)).SmsConfiguration).toEqual({ EumsSms: EUMS });
  });

  it('SMS MFA sends the SMS configuration the same template declares, not the one read before', async () => {
    const poolId = await managedPool();
    const newSms = {
      SnsCallerArn: 'arn:aws:iam::123456789012:role/cognito-sms-v2',
      ExternalId: 'v2',
      SnsRegion: 'us-east-1',
    };
    const event = await cognito.handle('UPDATE', {
      UserPoolId: poolId,
      SmsConfiguration: newSms,
      SmsAuthenticationMessage: 'Your new sign-in code is {####}',
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: {},
    });
    expect(event.status).toBe('SUCCESS');
    // cognito-local writes SetUserPoolMfaConfig's SMS configuration into the pool: a stale
    // one would have put the old role back.
    const after = await cognito.describe(poolId);
    expect(after.SmsConfiguration).toEqual(newSms);
    expect(after.SmsAuthenticationMessage).toBe('Your new sign-in code is {####}');
    expect(after.MfaConfiguration).toBe('OPTIONAL');
  });

  it('a pool grandfathered on LITE keeps threat protection: other changes go through', async () => {
    const poolId = await managedPool({ UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } });
    cognito.proxy.setTier(poolId, 'LITE');
    cognito.proxy.grandfather(poolId);
    const event = await cognito.handle('UPDATE', {
      UserPoolId: poolId,
      Policies: { PasswordPolicy: { MinimumLength: 15 } },
    });
    expect(event.status).toBe('SUCCESS');
    const after = await cognito.describe(poolId);
    expect(after.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'AUDIT' });
    expect(after.Policies?.PasswordPolicy?.MinimumLength).toBe(15);
  });
});

describe('feature plans: Cognito judges, the handler explains', () => {
  it('a LITE pool that is not grandfathered: Cognito refuses, and the message names the feature and the plan', async () => {
    const poolId = await managedPool({ UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } });
    cognito.proxy.setTier(poolId, 'LITE');
    const before = await cognito.describe(poolId);
    const event = await cognito.handle('UPDATE', {
      UserPoolId: poolId,
      Policies: { PasswordPolicy: { MinimumLength: 15 } },
    });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toContain('FeatureUnavailableInTierException');
    expect(event.message).toContain(
      'UserPoolAddOns.AdvancedSecurityMode AUDIT or ENFORCED (threat protection) needs PLUS',
    );
    expect(await cognito.describe(poolId)).toEqual(before);
  });

  it('a downgrade to LITE that keeps password history is refused by Cognito and explained', async () => {
    const poolId = await managedPool();
    await cognito.handle('UPDATE', { UserPoolId: poolId, Policies: { PasswordPolicy: { PasswordHistorySize: 5 } } });
    const event = await cognito.handle('UPDATE', { UserPoolId: poolId, UserPoolTier: 'LITE' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toContain(
      'Policies.PasswordPolicy.PasswordHistorySize (password reuse prevention) needs ESSENTIALS or PLUS',
    );
    const accepted = await cognito.handle('UPDATE', {
      UserPoolId: poolId,
      UserPoolTier: 'LITE',
      Policies: { PasswordPolicy: { PasswordHistorySize: 0 } },
    });
    expect(accepted.status).toBe('SUCCESS');
    expect((await cognito.proxy.describe(poolId)).UserPoolTier).toBe('LITE');
  });

  it('turns email MFA off before moving to LITE, so every intermediate state is valid', async () => {
    const recovery = { RecoveryMechanisms: [{ Name: 'admin_only' as const, Priority: 1 }] };
    const poolId = await managedPool({ AccountRecoverySetting: recovery });
    const on = await cognito.handle('UPDATE', {
      UserPoolId: poolId,
      MfaConfiguration: 'OPTIONAL',
      EmailMfaConfiguration: { Subject: 'Your code' },
      SmsMfaConfiguration: {},
    });
    expect(on.status).toBe('SUCCESS');
    cognito.proxy.resetCounts();
    const down = await cognito.handle('UPDATE', { UserPoolId: poolId, UserPoolTier: 'LITE', MfaConfiguration: 'OFF' });
    expect(down.status).toBe('SUCCESS');
    expect(writes()).toEqual(['SetUserPoolMfaConfig', 'UpdateUserPool']);
    expect(cognito.proxy.refusals).not.toContainEqual(expect.stringContaining('LITE'));
  });
});

describe('the strict proxy itself refuses what real Cognito refuses', () => {
  it('answers a describe→update round trip that keeps UnusedAccountValidityDays with InvalidParameterException', async () => {
    const poolId = await cognito.createPool();
    const described = await cognito.proxy.describe(poolId);
    const response = await fetch(process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER as string, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.UpdateUserPool',
      },
      body: JSON.stringify({
        UserPoolId: poolId,
        Policies: described.Policies,
        AdminCreateUserConfig: { ...described.AdminCreateUserConfig, UnusedAccountValidityDays: 7 },
      }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe('InvalidParameterException');
  });
});
