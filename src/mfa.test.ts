import { describedProductionPool, POOL_ID } from '../test/support/describedPool';
import {
  buildSetUserPoolMfaConfigRequest,
  declaresMfa,
  findMfaProblems,
  mergeMfaState,
  mfaStateFromDescribed,
} from './mfa';

const pool = describedProductionPool();
const noSmsPool = { ...pool, SmsConfiguration: undefined, SmsAuthenticationMessage: undefined };

describe('MFA state', () => {
  it('knows when a template declares MFA', () => {
    expect(declaresMfa({ Policies: {} })).toBe(false);
    expect(declaresMfa({ MfaConfiguration: 'OFF' })).toBe(true);
    expect(declaresMfa({ WebAuthnConfiguration: { UserVerification: 'required' } })).toBe(true);
  });

  it('reads an absent mode as OFF and drops empty factor blocks', () => {
    expect(
      mfaStateFromDescribed({ SmsMfaConfiguration: {}, SoftwareTokenMfaConfiguration: { Enabled: false } }),
    ).toEqual({ MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: false } });
  });

  it('keeps an empty SMS or email factor block of MFA ON or OPTIONAL: its presence is the factor', () => {
    expect(
      mfaStateFromDescribed({ MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: {}, EmailMfaConfiguration: {} }),
    ).toEqual({ MfaConfiguration: 'OPTIONAL', SmsMfaConfiguration: {}, EmailMfaConfiguration: {} });
  });

  it('merges only declared factors and keeps the others', () => {
    const described = {
      MfaConfiguration: 'OPTIONAL' as const,
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'c {####}' },
    };
    expect(mergeMfaState(described, { SoftwareTokenMfaConfiguration: { Enabled: true } }, noSmsPool)).toEqual({
      ...described,
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
  });

  it('always sends MfaConfiguration, because an omitted one means OFF', () => {
    expect(buildSetUserPoolMfaConfigRequest(POOL_ID, {}, pool)).toEqual({
      UserPoolId: POOL_ID,
      MfaConfiguration: 'OFF',
    });
  });

  it('sends no factor block next to OFF, which Cognito rejects', () => {
    const request = buildSetUserPoolMfaConfigRequest(
      POOL_ID,
      {
        MfaConfiguration: 'OFF',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        WebAuthnConfiguration: { RelyingPartyId: 'example.com' },
      },
      pool,
    );
    expect(request).toEqual({
      UserPoolId: POOL_ID,
      MfaConfiguration: 'OFF',
      WebAuthnConfiguration: { RelyingPartyId: 'example.com' },
    });
  });

  it('fills the SMS factor with the pool SMS configuration when the block has none', () => {
    const request = buildSetUserPoolMfaConfigRequest(
      POOL_ID,
      { MfaConfiguration: 'ON', SmsMfaConfiguration: {} },
      pool,
    );
    expect(request.SmsMfaConfiguration?.SmsConfiguration).toEqual(pool.SmsConfiguration);
  });
});

describe('MFA rules checked before any write', () => {
  it('refuses OFF together with a declared factor', () => {
    const declared = { MfaConfiguration: 'OFF' as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
    const problems = findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared, pool), declared, pool);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^MfaConfiguration: OFF/);
  });

  it.each(['ON', 'OPTIONAL'] as const)('refuses %s without any factor', (mode) => {
    const declared = { MfaConfiguration: mode };
    const problems = findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared, pool), declared, pool);
    expect(problems[0]).toContain('needs at least one MFA factor');
  });

  it('accepts ON with TOTP enabled on a pool without an SMS configuration', () => {
    const declared = { MfaConfiguration: 'ON' as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
    expect(
      findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared, noSmsPool), declared, noSmsPool),
    ).toEqual([]);
  });

  it('refuses SMS MFA when the pool has no SMS configuration', () => {
    const declared = {
      MfaConfiguration: 'OPTIONAL' as const,
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}' },
    };
    const noSms = { ...pool, SmsConfiguration: undefined };
    const problems = findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared, pool), declared, noSms);
    expect(problems[0]).toMatch(/^SmsMfaConfiguration/);
  });

  it('refuses email MFA unless email is sent through SES (DEVELOPER)', () => {
    const declared = { MfaConfiguration: 'OPTIONAL' as const, EmailMfaConfiguration: { Subject: 'Code' } };
    const recoverable = {
      ...pool,
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only' as const, Priority: 1 }] },
    };
    const cognitoDefault = { ...recoverable, EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' as const } };
    const merged = mergeMfaState({ MfaConfiguration: 'OFF' }, declared, pool);
    expect(findMfaProblems(merged, declared, cognitoDefault)[0]).toMatch(/^EmailMfaConfiguration/);
    expect(findMfaProblems(merged, declared, recoverable)).toEqual([]);
  });

  // The rules below are real Cognito's; cognito-local enforces none of them
  // (test/support/cognitoRules.ts enforces each one in the emulator's proxy).
  it('treats an End User Messaging SMS configuration as an SMS configuration', () => {
    const declared = { MfaConfiguration: 'OPTIONAL' as const, SmsMfaConfiguration: {} };
    const eums = {
      ...noSmsPool,
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email' as const, Priority: 1 }] },
      SmsConfiguration: { EumsSms: { CallerArn: 'arn:aws:iam::123456789012:role/eums' } },
    };
    const merged = mergeMfaState({ MfaConfiguration: 'OFF' }, declared, eums);
    expect(findMfaProblems(merged, declared, eums)).toEqual([]);
    expect(merged.SmsMfaConfiguration?.SmsConfiguration).toEqual(eums.SmsConfiguration);
  });

  it('refuses TOTP-only MFA on a pool that has an SMS configuration, saying to declare SMS MFA too', () => {
    const declared = { MfaConfiguration: 'ON' as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
    const problems = findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared, pool), declared, pool);
    expect(problems).toEqual([expect.stringMatching(/^SmsMfaConfiguration: .*declare SmsMfaConfiguration/)]);
  });

  it.each(['EMAIL_OTP', 'SMS_OTP'] as const)('refuses MFA ON with %s as an allowed first factor', (factor) => {
    const declared = { MfaConfiguration: 'ON' as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
    const choice = {
      ...noSmsPool,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD' as const, factor] } },
    };
    const problems = findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared, choice), declared, choice);
    expect(problems).toEqual([expect.stringContaining(`MfaConfiguration: ON cannot be combined with ${factor}`)]);
  });

  it('asks for MULTI_FACTOR_WITH_USER_VERIFICATION when MFA is ON and passkeys are a first factor', () => {
    const passkeys = {
      ...noSmsPool,
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD' as const, 'WEB_AUTHN' as const] } },
    };
    const declared = { MfaConfiguration: 'ON' as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
    const refused = findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared, passkeys), declared, passkeys);
    expect(refused).toEqual([expect.stringMatching(/^WebAuthnConfiguration.FactorConfiguration/)]);
    const fixed = {
      ...declared,
      WebAuthnConfiguration: { FactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION' as const },
    };
    expect(findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, fixed, passkeys), fixed, passkeys)).toEqual([]);
  });

  it('refuses email MFA with account recovery by email alone', () => {
    const declared = { MfaConfiguration: 'OPTIONAL' as const, EmailMfaConfiguration: { Subject: 'Code' } };
    const emailRecovery = {
      ...pool,
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email' as const, Priority: 1 }] },
    };
    const merged = mergeMfaState({ MfaConfiguration: 'OFF' }, declared, emailRecovery);
    const problems = findMfaProblems(merged, declared, emailRecovery);
    expect(problems).toEqual([
      expect.stringMatching(/^EmailMfaConfiguration: email MFA cannot be combined with account recovery/),
    ]);
  });

  it('refuses SMS MFA with verified_phone_number account recovery', () => {
    const declared = { MfaConfiguration: 'OPTIONAL' as const, SmsMfaConfiguration: {} };
    const phoneRecovery = {
      ...pool,
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number' as const, Priority: 1 }] },
    };
    const problems = findMfaProblems(
      mergeMfaState({ MfaConfiguration: 'OFF' }, declared, phoneRecovery),
      declared,
      phoneRecovery,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^SmsMfaConfiguration: SMS MFA cannot be combined with account recovery/),
    ]);
  });
});

describe('the SMS factor follows the pool as UpdateUserPool leaves it', () => {
  it('sends the merged pool SMS configuration and message, not the ones read before the update', () => {
    const stale = {
      MfaConfiguration: 'OPTIONAL' as const,
      SmsMfaConfiguration: {
        SmsAuthenticationMessage: 'Old {####}',
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/old', ExternalId: 'old' },
      },
    };
    const updatedPool = {
      ...pool,
      SmsAuthenticationMessage: 'New {####}',
      SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/new', ExternalId: 'new' },
    };
    const merged = mergeMfaState(stale, { MfaConfiguration: 'OPTIONAL' }, updatedPool);
    expect(buildSetUserPoolMfaConfigRequest(POOL_ID, merged, updatedPool).SmsMfaConfiguration).toEqual({
      SmsAuthenticationMessage: 'New {####}',
      SmsConfiguration: updatedPool.SmsConfiguration,
    });
  });
});
