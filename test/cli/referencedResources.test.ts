import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { describedProductionPool } from '../support/describedPool';
import { checkReferencedResources, formatWarning, referencesOf } from '../../cli/referencedResources';

const ses = mockClient(SESv2Client);
const iam = mockClient(IAMClient);
const lambda = mockClient(LambdaClient);
const clients = {
  ses: () => new SESv2Client({ region: 'us-east-1' }),
  iam: new IAMClient({ region: 'us-east-1' }),
  lambda: () => new LambdaClient({ region: 'us-east-1' }),
};
const notFound = (name: string) => Object.assign(new Error(`${name}: not there`), { name });
const cognitoTrust = encodeURIComponent(
  JSON.stringify({ Statement: [{ Principal: { Service: 'cognito-idp.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
);

beforeEach(() => {
  ses.reset();
  iam.reset();
  lambda.reset();
  ses.on(GetEmailIdentityCommand).resolves({ VerifiedForSendingStatus: true });
  iam.on(GetRoleCommand).resolves({ Role: { AssumeRolePolicyDocument: cognitoTrust } as never });
  lambda.on(GetFunctionConfigurationCommand).resolves({});
});

describe('what plan checks, read-only, of what the settings name', () => {
  it('lists the SES identity, the SMS role and each Lambda trigger once', () => {
    expect(referencesOf(describedProductionPool()).map((reference) => reference.path)).toEqual([
      'EmailConfiguration.SourceArn',
      'SmsConfiguration.SnsCallerArn',
      'LambdaConfig.PreSignUp',
      'LambdaConfig.PostConfirmation',
      'LambdaConfig.CustomMessage',
      'LambdaConfig.PreTokenGeneration',
      'LambdaConfig.CustomEmailSender.LambdaArn',
    ]);
  });

  it('warns nothing when everything exists, is verified and trusts Cognito', async () => {
    expect(await checkReferencedResources(describedProductionPool(), {}, clients, 'us-east-1')).toEqual([]);
    expect(ses).toHaveReceivedCommandWith(GetEmailIdentityCommand, { EmailIdentity: 'no-reply@example.com' });
  });

  it('names an unverified SES identity the template does not declare, and a deleted trigger it does', async () => {
    ses.on(GetEmailIdentityCommand).resolves({ VerifiedForSendingStatus: false });
    lambda
      .on(GetFunctionConfigurationCommand, { FunctionName: describedProductionPool().LambdaConfig?.PreSignUp })
      .rejects(notFound('ResourceNotFoundException'));
    const declared = { LambdaConfig: { PreSignUp: describedProductionPool().LambdaConfig?.PreSignUp } };
    const warnings = (await checkReferencedResources(describedProductionPool(), declared, clients, 'us-east-1')).map(
      formatWarning,
    );
    expect(warnings).toEqual([
      "EmailConfiguration.SourceArn (not declared: the pool's current value, sent back unchanged by every update): the Amazon SES identity no-reply@example.com is not verified for sending",
      expect.stringMatching(
        /^LambdaConfig.PreSignUp \(declared by the template\): the Lambda function .* does not exist$/,
      ),
    ]);
  });

  it('names an SMS role that is gone or does not trust Cognito, and says when it could not check', async () => {
    iam.on(GetRoleCommand).rejects(notFound('NoSuchEntityException'));
    let warnings = await checkReferencedResources(describedProductionPool(), {}, clients, 'us-east-1');
    expect(warnings.map((warning) => warning.problem)).toContain(
      'the IAM role arn:aws:iam::123456789012:role/cognito-sms does not exist',
    );
    iam.on(GetRoleCommand).resolves({ Role: { AssumeRolePolicyDocument: '{}' } as never });
    warnings = await checkReferencedResources(describedProductionPool(), {}, clients, 'us-east-1');
    expect(warnings.map((warning) => warning.problem)).toContain(
      'the role cognito-sms does not trust cognito-idp.amazonaws.com, so Cognito cannot send SMS with it',
    );
    ses.on(GetEmailIdentityCommand).rejects(notFound('AccessDeniedException'));
    warnings = await checkReferencedResources(describedProductionPool(), {}, clients, 'us-east-1');
    expect(warnings.map((warning) => warning.problem)).toContain(
      'could not be checked with your credentials (AccessDeniedException)',
    );
  });
});
