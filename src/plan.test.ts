import { describedProductionPool, POOL_ID } from '../test/support/describedPool';
import { OWNERSHIP_TAG_KEY } from './ownership';
import { planSettings, type PlanInput } from './plan';
import { buildUpdateUserPoolRequest } from './updateRequest';

function plan(declared: PlanInput['declared'], overrides: Partial<PlanInput> = {}) {
  return planSettings({
    userPoolId: POOL_ID,
    described: describedProductionPool(),
    declared,
    ownership: 'keep',
    ...overrides,
  });
}

describe('planSettings', () => {
  it('changes one declared nested setting and carries every other setting unchanged', () => {
    const result = plan({ Policies: { PasswordPolicy: { MinimumLength: 16 } } });
    const unchanged = buildUpdateUserPoolRequest(POOL_ID, describedProductionPool());
    expect(result.updateRequest).toEqual({
      ...unchanged,
      Policies: {
        ...unchanged.Policies,
        PasswordPolicy: { ...unchanged.Policies?.PasswordPolicy, MinimumLength: 16 },
      },
    });
    expect(result.refusals).toEqual([]);
  });

  it('plans no write when the declared values equal the pool', () => {
    const result = plan({ Policies: { PasswordPolicy: { MinimumLength: 12 } }, DeletionProtection: 'ACTIVE' });
    expect(result.updateRequest).toBeUndefined();
    expect(result.setMfaRequest).toBeUndefined();
    expect(result.customAttributeBatches).toEqual([]);
  });

  it('writes declared tags with TagResource on CREATE too, never a marker: UpdateUserPool never carries UserPoolTags', () => {
    const result = plan(
      { DeletionProtection: 'INACTIVE', UserPoolTags: { owner: 'platform' } },
      { ownership: 'claim' },
    );
    expect(result.updateRequest).toBeDefined();
    expect(result.updateRequest).not.toHaveProperty('UserPoolTags');
    expect(result.restoreRequest).not.toHaveProperty('UserPoolTags');
    expect(result.tagWrite).toEqual({
      tags: { owner: 'platform' },
      removedKeys: [],
      restoreTags: {},
      addedKeys: ['owner'],
    });
    expect(JSON.stringify(result.tagWrite)).not.toContain(OWNERSHIP_TAG_KEY);
  });

  it('a restore removes a tag that was absent before (null) with UntagResource, and its undo puts it back', () => {
    const described = { ...describedProductionPool(), UserPoolTags: { team: 'identity', added: 'by-update' } };
    const result = plan({ UserPoolTags: { added: null } } as never, { described });
    expect(result.tagWrite).toEqual({
      tags: {},
      removedKeys: ['added'],
      restoreTags: { added: 'by-update' },
      addedKeys: [],
    });
    expect(result.resultingPool.UserPoolTags).toEqual({ team: 'identity' });
  });

  it("merges a declared EmailConfiguration into one that names no sending account (Cognito's default, COGNITO_DEFAULT)", () => {
    const described = { ...describedProductionPool(), EmailConfiguration: { ReplyToEmailAddress: 'help@example.com' } };
    const result = plan({ EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' } }, { described });
    expect(result.resultingPool.EmailConfiguration).toEqual({
      ReplyToEmailAddress: 'help@example.com',
      EmailSendingAccount: 'COGNITO_DEFAULT',
    });
  });

  it('writes only the declared tags that change, and undoes them by key', () => {
    const result = plan({ UserPoolTags: { team: 'platform', owner: 'platform' } });
    expect(result.updateRequest).toBeUndefined();
    expect(result.tagWrite).toEqual({
      tags: { team: 'platform', owner: 'platform' },
      removedKeys: [],
      restoreTags: { team: 'identity' },
      addedKeys: ['owner'],
    });
    expect(plan({ UserPoolTags: { team: 'identity' } }).tagWrite).toBeUndefined();
  });

  it('keeps the restore request equal to the described pool, for rollback', () => {
    const result = plan({ DeletionProtection: 'INACTIVE' });
    expect(result.restoreRequest).toEqual(buildUpdateUserPoolRequest(POOL_ID, describedProductionPool()));
  });

  it('lets a declared PreTokenGeneration win over the described versioned config, keeping its version', () => {
    const newArn = 'arn:aws:lambda:us-east-1:123456789012:function:pre-token-v2';
    const result = plan({ LambdaConfig: { PreTokenGeneration: newArn } });
    expect(result.updateRequest?.LambdaConfig?.PreTokenGeneration).toBe(newArn);
    expect(result.updateRequest?.LambdaConfig?.PreTokenGenerationConfig).toEqual({
      LambdaVersion: 'V2_0',
      LambdaArn: newArn,
    });
  });

  it('lets a declared PreTokenGenerationConfig win over the described PreTokenGeneration', () => {
    const newArn = 'arn:aws:lambda:us-east-1:123456789012:function:pre-token-v3';
    const result = plan({ LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V3_0', LambdaArn: newArn } } });
    expect(result.updateRequest?.LambdaConfig?.PreTokenGeneration).toBe(newArn);
  });

  it('refuses PreTokenGeneration and PreTokenGenerationConfig naming different functions', () => {
    const result = plan({
      LambdaConfig: {
        PreTokenGeneration: 'arn:aws:lambda:us-east-1:123456789012:function:a',
        PreTokenGenerationConfig: {
          LambdaVersion: 'V2_0',
          LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:b',
        },
      },
    });
    expect(result.refusals.map((refusal) => refusal.message).join()).toContain('LambdaConfig.PreTokenGeneration');
  });

  it('leaves feature plans to Cognito: threat protection on a lower tier is sent, not refused (grandfathered pools keep it)', () => {
    const result = plan({ UserPoolTier: 'ESSENTIALS' });
    expect(result.refusals).toEqual([]);
    expect(result.updateRequest).toMatchObject({
      UserPoolTier: 'ESSENTIALS',
      UserPoolAddOns: describedProductionPool().UserPoolAddOns,
    });
  });

  it('refuses a locked setting that differs, as locked', () => {
    const result = plan({ PoolName: 'renamed' });
    expect(result.refusals).toEqual([expect.objectContaining({ kind: 'locked' })]);
    expect(result.refusals[0].message).toMatch(/PoolName.*new user pool/);
  });

  it('plans new custom attributes in batches of at most 25', () => {
    const declaredSchema = Array.from({ length: 30 }, (_, index) => ({ Name: `attr${index}` }));
    const result = plan({ Schema: declaredSchema });
    expect(result.customAttributeBatches.map((batch) => batch.length)).toEqual([25, 5]);
    expect(result.customAttributeBatches[0][0]).toEqual({ Name: 'attr0', AttributeDataType: 'String' });
  });

  it('refuses more custom attributes than a pool can hold', () => {
    const declaredSchema = Array.from({ length: 50 }, (_, index) => ({ Name: `attr${index}` }));
    const result = plan({ Schema: declaredSchema });
    expect(result.refusals.map((refusal) => refusal.message).join()).toContain('at most 50');
  });

  it('reads MFA only into the plan when MFA is declared', () => {
    const withoutMfa = plan({ DeletionProtection: 'INACTIVE' }, { describedMfa: { MfaConfiguration: 'OPTIONAL' } });
    expect(withoutMfa.setMfaRequest).toBeUndefined();
  });

  it('plans SetUserPoolMfaConfig with the complete merged MFA state', () => {
    const result = plan(
      { SoftwareTokenMfaConfiguration: { Enabled: true } },
      {
        describedMfa: {
          MfaConfiguration: 'OPTIONAL',
          SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}' },
        },
      },
    );
    expect(result.setMfaRequest).toEqual({
      UserPoolId: POOL_ID,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: {
        SmsAuthenticationMessage: describedProductionPool().SmsAuthenticationMessage,
        SmsConfiguration: describedProductionPool().SmsConfiguration,
      },
    });
    expect(result.restoreMfaRequest?.SoftwareTokenMfaConfiguration).toBeUndefined();
    expect(result.updateRequest).toBeUndefined();
  });

  it('writes SetUserPoolMfaConfig before UpdateUserPool when the plan goes down, after it when it goes up', () => {
    const describedMfa = { MfaConfiguration: 'OPTIONAL' as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
    const down = plan(
      { UserPoolTier: 'LITE', MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: false } },
      { describedMfa },
    );
    expect(down.mfaFirst).toBe(true);
    const described = { ...describedProductionPool(), UserPoolTier: 'LITE' as const };
    const up = plan(
      { UserPoolTier: 'ESSENTIALS', EmailMfaConfiguration: { Subject: 'Code' } },
      { described, describedMfa },
    );
    expect(up.setMfaRequest?.EmailMfaConfiguration).toEqual({ Subject: 'Code' });
    expect(up.mfaFirst).toBe(false);
  });

  it('never lets UpdateUserPool contradict the MFA mode in effect: after SetUserPoolMfaConfig OFF, it carries OFF', () => {
    const describedMfa = { MfaConfiguration: 'OPTIONAL' as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
    const result = plan({ MfaConfiguration: 'OFF', DeletionProtection: 'INACTIVE' }, { describedMfa });
    expect(result.mfaFirst).toBe(true);
    expect(result.setMfaRequest?.MfaConfiguration).toBe('OFF');
    expect(result.updateRequest?.MfaConfiguration).toBe('OFF');
    // The undo of UpdateUserPool runs before the undo of SetUserPoolMfaConfig: still OFF then.
    expect(result.restoreRequest.MfaConfiguration).toBe('OFF');
    expect(result.resultingPool.MfaConfiguration).toBe('OFF');
  });

  it('downgrades to LITE with MFA OFF in one template: MFA off first, then UpdateUserPool carrying OFF', () => {
    const describedMfa = { MfaConfiguration: 'OPTIONAL' as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
    const described = { ...describedProductionPool(), UserPoolAddOns: { AdvancedSecurityMode: 'OFF' as const } };
    const result = plan({ UserPoolTier: 'LITE', MfaConfiguration: 'OFF' }, { described, describedMfa });
    expect(result.mfaFirst).toBe(true);
    expect(result.updateRequest).toMatchObject({ UserPoolTier: 'LITE', MfaConfiguration: 'OFF' });
  });

  it('turns MFA on after UpdateUserPool, which still carries the mode in effect then (OFF)', () => {
    const described = { ...describedProductionPool(), MfaConfiguration: 'OFF' as const, SmsConfiguration: undefined };
    const result = plan(
      { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true }, DeletionProtection: 'INACTIVE' },
      { described, describedMfa: { MfaConfiguration: 'OFF' } },
    );
    expect(result.refusals).toEqual([]);
    expect(result.mfaFirst).toBe(false);
    expect(result.updateRequest?.MfaConfiguration).toBe('OFF');
    expect(result.restoreRequest.MfaConfiguration).toBe('OFF');
    expect(result.setMfaRequest?.MfaConfiguration).toBe('ON');
    expect(result.resultingPool.MfaConfiguration).toBe('ON');
  });

  it('writes SetUserPoolMfaConfig first when it removes a factor on the same plan', () => {
    const describedMfa = {
      MfaConfiguration: 'OPTIONAL' as const,
      SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: { Subject: 'Code' },
    };
    const result = plan({ MfaConfiguration: 'OFF' }, { describedMfa });
    expect(result.mfaFirst).toBe(true);
  });
});

describe('a member that selects a mode replaces instead of merging', () => {
  it('replaces EmailConfiguration when EmailSendingAccount changes', () => {
    const result = plan({ EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' } });
    expect(result.refusals).toEqual([]);
    expect(result.updateRequest?.EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
  });

  it('merges EmailConfiguration when the account stays', () => {
    const result = plan({ EmailConfiguration: { ReplyToEmailAddress: 'help@example.com' } });
    expect(result.updateRequest?.EmailConfiguration).toEqual({
      ...describedProductionPool().EmailConfiguration,
      ReplyToEmailAddress: 'help@example.com',
    });
  });

  it('refuses COGNITO_DEFAULT together with an SES From address, saying to declare DEVELOPER', () => {
    const result = plan({ EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT', From: 'a@example.com' } });
    expect(result.refusals.map((refusal) => refusal.message)).toEqual([
      expect.stringMatching(/^EmailConfiguration: EmailSendingAccount COGNITO_DEFAULT cannot carry From.*DEVELOPER/),
    ]);
  });

  it('replaces SmsConfiguration when the transport switches from Amazon SNS to End User Messaging', () => {
    const eums = { CallerArn: 'arn:aws:iam::123456789012:role/eums', OriginationIdentity: '+15555550100' };
    const result = plan({ SmsConfiguration: { EumsSms: eums } });
    expect(result.refusals).toEqual([]);
    expect(result.updateRequest?.SmsConfiguration).toEqual({ EumsSms: eums });
  });

  it('refuses an SmsConfiguration that names both transports', () => {
    const result = plan({
      SmsConfiguration: {
        SnsCallerArn: 'arn:aws:iam::123456789012:role/sns',
        EumsSms: { CallerArn: 'arn:aws:iam::123456789012:role/eums' },
      },
    });
    expect(result.refusals.map((refusal) => refusal.message).join()).toContain('not both');
  });
});

describe('limits and small rules', () => {
  it('refuses more than 50 tags', () => {
    // The described pool has 1 tag of its own and a reserved aws: tag, which does not count.
    const tags = Object.fromEntries(Array.from({ length: 49 }, (_, index) => [`tag${index}`, 'x']));
    expect(plan({ UserPoolTags: tags }).refusals).toEqual([]);
    const refused = plan({ UserPoolTags: { ...tags, tag49: 'x' } }, { ownership: 'claim' });
    expect(refused.refusals.map((refusal) => refusal.message)).toEqual([
      expect.stringContaining('UserPoolTags: the pool has 1 tags and this operation adds 50'),
    ]);
  });

  it('claims a pool that already has 50 tags: the claim is a record, not a tag', () => {
    const full = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`tag${index}`, 'x']));
    const described = { ...describedProductionPool(), UserPoolTags: full };
    expect(plan({}, { described, ownership: 'claim' }).refusals).toEqual([]);
  });

  it('refuses two different values for the SMS message the MFA factor and the pool share', () => {
    const result = plan({
      SmsAuthenticationMessage: 'Code {####}',
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Other {####}' },
    });
    expect(result.refusals.map((refusal) => refusal.message)).toEqual([
      expect.stringMatching(/^SmsMfaConfiguration.SmsAuthenticationMessage: it is the pool's SmsAuthenticationMessage/),
    ]);
    const same = plan({
      SmsAuthenticationMessage: 'Code {####}',
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}' },
    });
    expect(same.refusals.map((refusal) => refusal.message).join()).not.toContain('SmsAuthenticationMessage:');
  });

  it('refuses attributes that need verification before update but are not auto-verified', () => {
    const result = plan({
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['phone_number'] },
    });
    expect(result.refusals.map((refusal) => refusal.message)).toEqual([
      expect.stringContaining('phone_number must also be in AutoVerifiedAttributes'),
    ]);
    const declaredBoth = plan({
      AutoVerifiedAttributes: ['email', 'phone_number'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['phone_number'] },
    });
    expect(declaredBoth.refusals).toEqual([]);
  });

  it('refuses TemporaryPasswordValidityDays 0, which Cognito stores and reports as 7, saying to declare 7', () => {
    const result = plan({ Policies: { PasswordPolicy: { TemporaryPasswordValidityDays: 0 } } });
    expect(result.refusals.map((refusal) => refusal.message)).toEqual([expect.stringContaining('declare 7')]);
  });

  it('refuses a downgrade to LITE while dynamic client registration is enabled', () => {
    const described = { ...describedProductionPool(), DcrConfiguration: { EnableStatus: 'Enabled' as const } };
    const result = plan({ UserPoolTier: 'LITE' }, { described });
    expect(result.refusals.map((refusal) => refusal.message).join()).toContain('disable DcrConfiguration');
  });
});
