import { describedProductionPool, POOL_ID } from '../../test/support/describedPool';
import { buildSetMfaRequest, declaresMfa, findMfaProblems, mergeMfaState, mfaStateFromDescribed } from './mfa';

const pool = describedProductionPool();

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

  it('merges only declared factors and keeps the others', () => {
    const described = {
      MfaConfiguration: 'OPTIONAL' as const,
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'c {####}' },
    };
    expect(mergeMfaState(described, { SoftwareTokenMfaConfiguration: { Enabled: true } })).toEqual({
      ...described,
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
  });

  it('always sends MfaConfiguration, because an omitted one means OFF', () => {
    expect(buildSetMfaRequest(POOL_ID, {}, pool)).toEqual({ UserPoolId: POOL_ID, MfaConfiguration: 'OFF' });
  });

  it('sends no factor block next to OFF, which Cognito rejects', () => {
    const request = buildSetMfaRequest(
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
    const request = buildSetMfaRequest(POOL_ID, { MfaConfiguration: 'ON', SmsMfaConfiguration: {} }, pool);
    expect(request.SmsMfaConfiguration?.SmsConfiguration).toEqual(pool.SmsConfiguration);
  });
});

describe('MFA rules checked before any write', () => {
  it('refuses OFF together with a declared factor', () => {
    const declared = { MfaConfiguration: 'OFF' as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
    const problems = findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared), declared, pool);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^MfaConfiguration: OFF/);
  });

  it.each(['ON', 'OPTIONAL'] as const)('refuses %s without any factor', (mode) => {
    const declared = { MfaConfiguration: mode };
    const problems = findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared), declared, pool);
    expect(problems[0]).toContain('needs at least one MFA factor');
  });

  it('accepts ON with TOTP enabled', () => {
    const declared = { MfaConfiguration: 'ON' as const, SoftwareTokenMfaConfiguration: { Enabled: true } };
    expect(findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared), declared, pool)).toEqual([]);
  });

  it('refuses SMS MFA when the pool has no SMS configuration', () => {
    const declared = {
      MfaConfiguration: 'OPTIONAL' as const,
      SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}' },
    };
    const noSms = { ...pool, SmsConfiguration: undefined };
    const problems = findMfaProblems(mergeMfaState({ MfaConfiguration: 'OFF' }, declared), declared, noSms);
    expect(problems[0]).toMatch(/^SmsMfaConfiguration/);
  });

  it('refuses email MFA unless email is sent through SES (DEVELOPER)', () => {
    const declared = { MfaConfiguration: 'OPTIONAL' as const, EmailMfaConfiguration: { Subject: 'Code' } };
    const cognitoDefault = { ...pool, EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' as const } };
    const merged = mergeMfaState({ MfaConfiguration: 'OFF' }, declared);
    expect(findMfaProblems(merged, declared, cognitoDefault)[0]).toMatch(/^EmailMfaConfiguration/);
    expect(findMfaProblems(merged, declared, pool)).toEqual([]);
  });
});
