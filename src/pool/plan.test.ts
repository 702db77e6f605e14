import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { describedProductionPool, POOL_ID } from '../../test/support/describedPool';
import { OWNERSHIP_TAG_KEY } from './ownership';
import { planSettings, type PlanInput } from './plan';
import { buildUpdateRequest } from './updateRequest';

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
    const unchanged = buildUpdateRequest(POOL_ID, describedProductionPool());
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

  it('claims the pool with the ownership tag in the same request on CREATE', () => {
    const result = plan({}, { ownership: 'claim' });
    expect(result.updateRequest?.UserPoolTags).toEqual({ team: 'identity', [OWNERSHIP_TAG_KEY]: 'true' });
  });

  it('releases the pool by dropping only the ownership tag on DELETE', () => {
    const managed: UserPoolType = {
      ...describedProductionPool(),
      UserPoolTags: { team: 'identity', [OWNERSHIP_TAG_KEY]: 'true' },
    };
    const result = plan({}, { described: managed, ownership: 'release' });
    expect(result.updateRequest).toEqual({
      ...buildUpdateRequest(POOL_ID, managed),
      UserPoolTags: { team: 'identity' },
    });
  });

  it('merges declared tags with the existing ones', () => {
    const result = plan({ UserPoolTags: { owner: 'platform' } });
    expect(result.updateRequest?.UserPoolTags).toEqual({ team: 'identity', owner: 'platform' });
  });

  it('keeps the restore request equal to the described pool, for rollback', () => {
    const result = plan({ DeletionProtection: 'INACTIVE' });
    expect(result.restoreRequest).toEqual(buildUpdateRequest(POOL_ID, describedProductionPool()));
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

  it('refuses threat protection on a tier below PLUS before anything is written', () => {
    const result = plan({ UserPoolTier: 'ESSENTIALS' });
    expect(result.refusals).toEqual([expect.objectContaining({ kind: 'invalid' })]);
    expect(result.refusals[0].message).toContain('UserPoolTier PLUS');
  });

  it('allows lowering the tier together with turning threat protection off', () => {
    const result = plan({ UserPoolTier: 'ESSENTIALS', UserPoolAddOns: { AdvancedSecurityMode: 'OFF' } });
    expect(result.refusals).toEqual([]);
    expect(result.updateRequest?.UserPoolTier).toBe('ESSENTIALS');
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
        SmsAuthenticationMessage: 'Code {####}',
        SmsConfiguration: describedProductionPool().SmsConfiguration,
      },
    });
    expect(result.restoreMfaRequest?.SoftwareTokenMfaConfiguration).toBeUndefined();
    expect(result.updateRequest).toBeUndefined();
  });
});
