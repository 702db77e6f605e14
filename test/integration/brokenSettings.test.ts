import { productionPoolRequest } from '../support/productionPool';
import { amplifyLikeClient } from '../support/productionClient';
import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();
const WRITES = [
  'UpdateUserPool',
  'SetUserPoolMfaConfig',
  'TagResource',
  'UntagResource',
  'AddCustomAttributes',
  'UpdateUserPoolClient',
];

/** The writes Cognito accepted: a refused request writes nothing. */
function acceptedWrites(): string[] {
  const refused = cognito.proxy.refusals.length;
  return cognito.proxy.calls.filter((call) => WRITES.includes(call)).slice(refused);
}

afterEach(() => cognito.proxy.clearFaults());

const PASSWORD_ONLY = { Policies: { PasswordPolicy: { MinimumLength: '14' } } };

describe("a pool's own broken setting blocks an update: the reason names it and says what to do", () => {
  it('a deleted SES identity: names EmailConfiguration.SourceArn, undeclared, nothing written; a declared replacement succeeds', async () => {
    const request = productionPoolRequest('broken-ses');
    const identity = request.EmailConfiguration?.SourceArn ?? '';
    const poolId = await cognito.createPool(request);
    const before = await cognito.proxy.describe(poolId);
    // The text aws/aws-cdk#18964 records for an SES identity that is not verified.
    cognito.proxy.breakValue(identity, {
      name: 'InvalidParameterException',
      message: `Cognito received the following error from Amazon SES when attempting to send email: Email address is not verified. The following identities failed the check in region US-EAST-1: ${identity}`,
    });
    cognito.proxy.resetCounts();
    const refused = await cognito.handle('CREATE', { UserPoolId: poolId, ...PASSWORD_ONLY });
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(refused.message).toContain('Email address is not verified');
    expect(refused.message).toContain(
      'The setting at fault is EmailConfiguration.SourceArn, which the template does not declare',
    );
    expect(refused.message).toMatch(
      /Amazon SES identity .* or declare a replacement EmailConfiguration in the template/,
    );
    expect(cognito.proxy.counts().TagResource).toBeUndefined();
    expect(await cognito.proxy.describe(poolId)).toEqual(before);

    const replaced = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      ...PASSWORD_ONLY,
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    });
    expect(replaced.status).toBe('SUCCESS');
    expect((await cognito.proxy.describe(poolId)).Policies.PasswordPolicy.MinimumLength).toBe(14);
  });

  it('a declared broken value is named as declared: correct it in the template', async () => {
    const poolId = await cognito.createPool(productionPoolRequest('declared-ses'));
    const identity = 'arn:aws:ses:us-east-1:123456789012:identity/gone@example.com';
    cognito.proxy.breakValue(identity, {
      name: 'InvalidParameterException',
      message: `Email address is not verified. The following identities failed the check in region US-EAST-1: ${identity}`,
    });
    const refused = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: identity, From: 'gone@example.com' },
    });
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(refused.message).toContain('EmailConfiguration.SourceArn, which the template declares: correct its value');
  });

  it('an SMS role Cognito can no longer use: after the IAM waits, names SmsConfiguration.SnsCallerArn', async () => {
    const request = productionPoolRequest('broken-sms');
    const role = request.SmsConfiguration?.SnsCallerArn ?? '';
    const poolId = await cognito.createPool(request);
    const before = await cognito.proxy.describe(poolId);
    cognito.proxy.breakValue(role, {
      name: 'InvalidSmsRoleTrustRelationshipException',
      message: 'Role does not have a trust relationship allowing Cognito to assume the role.',
    });
    const refused = await cognito.handle('CREATE', { UserPoolId: poolId, ...PASSWORD_ONLY });
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(refused.message).toContain('SmsConfiguration.SnsCallerArn, which the template does not declare');
    expect(refused.message).toContain(
      'restore the trust policy and permissions of the IAM role Cognito sends SMS with',
    );
    expect(await cognito.proxy.describe(poolId)).toEqual(before);

    const replaced = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      ...PASSWORD_ONLY,
      SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/cognito-sms-v2', ExternalId: 'new-id' },
    });
    expect(replaced.status).toBe('SUCCESS');
  });

  it('a Lambda trigger that no longer exists: names the trigger, undeclared; declaring another function succeeds', async () => {
    const request = productionPoolRequest('broken-lambda');
    const trigger = request.LambdaConfig?.PostConfirmation ?? '';
    const poolId = await cognito.createPool(request);
    cognito.proxy.breakValue(trigger, {
      name: 'InvalidParameterException',
      message: `The Lambda function ${trigger} does not exist.`,
    });
    cognito.proxy.resetCounts();
    const refused = await cognito.handle('CREATE', { UserPoolId: poolId, ...PASSWORD_ONLY });
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(refused.message).toContain('LambdaConfig.PostConfirmation, which the template does not declare');
    expect(refused.message).toContain('restore the Lambda function it names');
    expect(acceptedWrites()).toEqual([]);

    const replaced = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      LambdaConfig: { PostConfirmation: 'arn:aws:lambda:us-east-1:123456789012:function:post-confirmation-v2' },
    });
    expect(replaced.status).toBe('SUCCESS');
  });

  it("an app client's deleted identity provider: names SupportedIdentityProviders; declaring the list succeeds", async () => {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(
      poolId,
      amplifyLikeClient({ SupportedIdentityProviders: ['COGNITO', 'Google'] }),
    );
    const before = await cognito.describeClient(poolId, clientId);
    cognito.proxy.breakValue('Google', {
      name: 'InvalidParameterException',
      message: `The provider Google does not exist for User Pool ${poolId}`,
    });
    const ids = { UserPoolId: poolId, ClientId: clientId };
    const refused = await cognito.handleClient('CREATE', { ...ids, AccessTokenValidity: '30' });
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(refused.message).toContain('SupportedIdentityProviders, which the template does not declare');
    expect(refused.message).toContain("it is the app client's current value");
    expect(await cognito.describeClient(poolId, clientId)).toEqual(before);

    const replaced = await cognito.handleClient('CREATE', {
      ...ids,
      AccessTokenValidity: '30',
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(replaced.status).toBe('SUCCESS');
  });

  it('says so when nothing in the request matches, rather than guess', async () => {
    const poolId = await cognito.createPool(productionPoolRequest('unmatched'));
    cognito.proxy.inject({
      operation: 'UpdateUserPool',
      errorName: 'InvalidParameterException',
      times: 1,
      message: 'Something is wrong.',
    });
    const refused = await cognito.handle('CREATE', { UserPoolId: poolId, ...PASSWORD_ONLY });
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(refused.message).toContain('names no setting of the request that this type can match');
  });
});
