import { findRefusedSetting, refusalExplanation } from './refusalSubject';

const request = {
  UserPoolId: 'us-east-1_Example01',
  EmailConfiguration: {
    EmailSendingAccount: 'DEVELOPER',
    SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com',
    ReplyToEmailAddress: 'no-reply@example.com',
  },
  SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sms', ExternalId: 'x' },
  LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:123456789012:function:pre' },
  SupportedIdentityProviders: ['COGNITO', 'Google'],
};

describe('findRefusedSetting', () => {
  it("takes the exception's own subject first", () => {
    expect(findRefusedSetting('InvalidSmsRoleAccessPolicyException', 'Role cannot publish', request)).toBe(
      'SmsConfiguration.SnsCallerArn',
    );
    expect(findRefusedSetting('InvalidEmailRoleAccessPolicyException', 'no access', request)).toBe(
      'EmailConfiguration.SourceArn',
    );
  });

  it('matches the longest request value that appears in the message', () => {
    const message =
      'Email address is not verified. The following identities failed the check in region US-EAST-1: arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com';
    expect(findRefusedSetting('InvalidParameterException', message, request)).toBe('EmailConfiguration.SourceArn');
  });

  it('names SupportedIdentityProviders for a provider that does not exist', () => {
    expect(
      findRefusedSetting('InvalidParameterException', 'The provider Google does not exist for User Pool x', request),
    ).toBe('SupportedIdentityProviders');
  });

  it('matches a member the message names, the deepest first', () => {
    expect(findRefusedSetting('InvalidParameterException', 'Invalid snsCallerArn given', request)).toBe(
      'SmsConfiguration.SnsCallerArn',
    );
  });

  it('finds nothing rather than guess', () => {
    expect(findRefusedSetting('InvalidParameterException', 'Something is wrong.', request)).toBeUndefined();
    expect(refusalExplanation('InvalidParameterException', 'Something is wrong.', request, {}, 'pool')).toMatch(
      /names no setting of the request that this type can match/,
    );
  });

  it('tells a declared setting from a carried one', () => {
    const message = 'The Lambda function arn:aws:lambda:us-east-1:123456789012:function:pre does not exist.';
    expect(refusalExplanation('InvalidParameterException', message, request, { LambdaConfig: {} }, 'pool')).toContain(
      'which the template does not declare',
    );
    const declared = { LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:123456789012:function:pre' } };
    expect(refusalExplanation('InvalidParameterException', message, request, declared, 'pool')).toContain(
      'LambdaConfig.PreSignUp, which the template declares',
    );
  });
});
