import * as idp from '@aws-sdk/client-cognito-identity-provider';
import * as ssmSdk from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { entrypoint, testEntrypoint } from './handlers';
import { OWNERSHIP_TAG_KEY } from './ownership';
import { buildUpdateUserPoolRequest } from './updateRequest';
import { conflictRetry } from '../engine/retry';
import { cfnRequest, type CfnRequestOptions, type HandlerAction } from '../test/support/cfnRequest';
import { invoke as invokeHandler, lambdaContext, testEvent, type ProgressEvent } from '../test/support/handlerRunner';
import { describedProductionPool, POOL_ID } from '../test/support/describedPool';
import * as libUtils from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib/dist/utils';
import { quietLib } from '../test/support/quietLib';

const cognito = mockClient(idp.CognitoIdentityProviderClient);
const ssm = mockClient(ssmSdk.SSMClient);
/** Whether the pool has an ownership record (Parameter Store): managedPool() claims it. */
let claimed = false;
const WRITES = [idp.UpdateUserPoolCommand, idp.SetUserPoolMfaConfigCommand, idp.AddCustomAttributesCommand];

function managedPool(changes: Partial<idp.UserPoolType> = {}): idp.UserPoolType {
  claimed = true;
  return { ...describedProductionPool(), ...changes };
}

/** Cognito refuses TOTP-only MFA on a pool with an SMS configuration; these tests turn on TOTP alone. */
function withoutSms(pool: idp.UserPoolType): idp.UserPoolType {
  return { ...pool, SmsConfiguration: undefined };
}

function cognitoError(name: string, message = `${name} from Cognito`): Error {
  return Object.assign(new Error(message), { name, $metadata: {} });
}

function invoke(
  action: HandlerAction,
  properties: Record<string, unknown>,
  extra: Partial<CfnRequestOptions> = {},
): Promise<ProgressEvent> {
  return invokeHandler(entrypoint, { action, properties, ...extra });
}

function writeCount(): number {
  return WRITES.reduce(
    (count, command) => count + cognito.commandCalls(command as typeof idp.UpdateUserPoolCommand).length,
    0,
  );
}

beforeAll(() => {
  quietLib();
  conflictRetry.sleep = () => Promise.resolve();
});

beforeEach(() => {
  claimed = false;
  ssm.reset();
  ssm.on(ssmSdk.GetParameterCommand).callsFake(async () => {
    if (!claimed) throw Object.assign(new Error('not found'), { name: 'ParameterNotFound', $metadata: {} });
    return { Parameter: { Value: JSON.stringify({ type: 'Org::Cognito::UserPoolSettings', stackId: 'arn:other' }) } };
  });
  ssm.on(ssmSdk.PutParameterCommand).resolves({});
  ssm.on(ssmSdk.DeleteParameterCommand).resolves({});
  ssm.on(ssmSdk.GetParametersByPathCommand).resolves({ Parameters: [] });
  cognito.reset();
  cognito.on(idp.GetUserPoolMfaConfigCommand).resolves({ MfaConfiguration: 'OPTIONAL' });
  // Neither configured: Cognito answers the pool id alone (and an empty list).
  cognito.on(idp.DescribeRiskConfigurationCommand).resolves({ RiskConfiguration: { UserPoolId: POOL_ID } });
  cognito
    .on(idp.GetLogDeliveryConfigurationCommand)
    .resolves({ LogDeliveryConfiguration: { UserPoolId: POOL_ID, LogConfigurations: [] } });
  cognito.on(idp.UpdateUserPoolCommand).resolves({});
  cognito.on(idp.SetUserPoolMfaConfigCommand).resolves({});
  cognito.on(idp.AddCustomAttributesCommand).resolves({});
  cognito.on(idp.TagResourceCommand).resolves({});
  cognito.on(idp.UntagResourceCommand).resolves({});
});

describe('CREATE', () => {
  beforeEach(() => cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: describedProductionPool() }));

  it('claims the pool with its ownership record, then sends the described pool back with the one declared nested setting changed', async () => {
    const event = await invoke('CREATE', { UserPoolId: POOL_ID, Policies: { PasswordPolicy: { MinimumLength: 16 } } });
    expect(event).toMatchObject({ status: 'SUCCESS' });
    expect(event.errorCode).toBeUndefined();
    const unchanged = buildUpdateUserPoolRequest(POOL_ID, describedProductionPool());
    expect(cognito).toHaveReceivedCommandTimes(idp.DescribeUserPoolCommand, 1);
    expect(cognito).toHaveReceivedCommandTimes(idp.UpdateUserPoolCommand, 1);
    const sent = cognito.commandCalls(idp.UpdateUserPoolCommand)[0].args[0].input;
    expect(sent).toEqual({
      ...unchanged,
      Policies: { ...unchanged.Policies, PasswordPolicy: { ...unchanged.Policies?.PasswordPolicy, MinimumLength: 16 } },
    });
    expect(sent).not.toHaveProperty('UserPoolTags');
    // The claim is the ownership record, not a tag: the pool's 50 tags are the user's.
    expect(cognito).toHaveReceivedCommandTimes(idp.TagResourceCommand, 0);
    expect(ssm).toHaveReceivedCommandWith(ssmSdk.PutParameterCommand, {
      Name: `/org-cognito-userpoolsettings/${POOL_ID}`,
      Overwrite: false,
    });
  });

  it('names a pool whose describe has no Arn by the ARN the request account and the pool id give', async () => {
    const { Arn: _arn, ...olderOutput } = describedProductionPool();
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: olderOutput });
    const event = await invoke('CREATE', { UserPoolId: POOL_ID, UserPoolTags: { 'arn-check': 'declared' } });
    expect(event.status).toBe('SUCCESS');
    expect(cognito).toHaveReceivedCommandWith(idp.TagResourceCommand, {
      ResourceArn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${POOL_ID}`,
    });
  });

  it('recasts CloudFormation string primitives ("12", "true") to the SDK types', async () => {
    const event = await invoke('CREATE', {
      UserPoolId: POOL_ID,
      Policies: { PasswordPolicy: { MinimumLength: '14', RequireSymbols: 'true' } },
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: 'false' },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: '1' }] },
    });
    expect(event.status).toBe('SUCCESS');
    const sent = cognito.commandCalls(idp.UpdateUserPoolCommand)[0].args[0].input;
    expect(sent.Policies?.PasswordPolicy?.MinimumLength).toBe(14);
    expect(sent.Policies?.PasswordPolicy?.RequireSymbols).toBe(true);
    expect(sent.DeviceConfiguration?.ChallengeRequiredOnNewDevice).toBe(false);
    expect(sent.AccountRecoverySetting).toEqual({ RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] });
  });

  it('returns its own share of the settings (the members it declares), never the ownership marker', async () => {
    const event = await invoke('CREATE', { UserPoolId: POOL_ID, UserPoolTags: { owner: 'platform' } });
    expect(event.resourceModel).toEqual({
      UserPoolId: POOL_ID,
      SettingsName: 'default',
      UserPoolTags: { owner: 'platform' },
    });
    expect(JSON.stringify(event.resourceModel)).not.toContain(OWNERSHIP_TAG_KEY);
  });

  it('answers AlreadyExists for a pool that is already managed, without writing', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool() });
    const event = await invoke('CREATE', { UserPoolId: POOL_ID });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'AlreadyExists' });
    expect(writeCount()).toBe(0);
  });

  it('answers NotFound for a pool that does not exist', async () => {
    cognito.on(idp.DescribeUserPoolCommand).rejects(cognitoError('ResourceNotFoundException'));
    const event = await invoke('CREATE', { UserPoolId: POOL_ID });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'NotFound' });
    expect(event.message).toContain(POOL_ID);
  });

  it.each([
    ['PoolName', { PoolName: 'renamed' }],
    ['UsernameAttributes', { UsernameAttributes: ['phone_number'] }],
    ['AliasAttributes', { AliasAttributes: ['preferred_username'] }],
    ['UsernameConfiguration', { UsernameConfiguration: { CaseSensitive: 'true' } }],
    ['Schema', { Schema: [{ Name: 'email', Mutable: 'false' }] }],
  ])('refuses a changed locked setting %s with no write at all', async (setting, declared) => {
    const event = await invoke('CREATE', { UserPoolId: POOL_ID, ...declared });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'NotUpdatable' });
    expect(event.message).toContain(setting);
    expect(event.message).toContain('new user pool');
    expect(writeCount()).toBe(0);
  });

  it('accepts locked settings equal to the pool', async () => {
    const event = await invoke('CREATE', {
      UserPoolId: POOL_ID,
      PoolName: 'production-users',
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: 'false' },
    });
    expect(event.status).toBe('SUCCESS');
  });

  it.each([
    ['Policies.PasswordPolicy.MinimumLength', { Policies: { PasswordPolicy: { MinimumLength: '3' } } }],
    ['DeletionProtection', { DeletionProtection: 'SOMETIMES' }],
    ['UserPoolTags', { UserPoolTags: { 'aws:reserved': 'x' } }],
    ['LambdaConfig.PreSignUp', { LambdaConfig: { PreSignUp: 'not-an-arn' } }],
  ])('refuses an invalid %s with InvalidRequest naming it, before any call', async (property, declared) => {
    const event = await invoke('CREATE', { UserPoolId: POOL_ID, ...declared });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toContain(property);
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([
    [
      'a word where an integer belongs',
      { Policies: { PasswordPolicy: { MinimumLength: 'fourteen' } } },
      'Policies.PasswordPolicy.MinimumLength: must be integer',
    ],
    [
      'a word where a boolean belongs',
      { DeviceConfiguration: { ChallengeRequiredOnNewDevice: 'yes' } },
      'DeviceConfiguration.ChallengeRequiredOnNewDevice: must be boolean',
    ],
    [
      'a misspelt top-level property',
      { Polices: { PasswordPolicy: { MinimumLength: '14' } } },
      'Polices: unknown property',
    ],
    [
      'a misspelt nested property',
      { Policies: { PasswordPolicy: { MinLength: '14' } } },
      'Policies.PasswordPolicy.MinLength: unknown property',
    ],
    [
      'a value outside an enum',
      { MfaConfiguration: 'SOMETIMES' },
      'MfaConfiguration: must be one of OFF, ON, OPTIONAL',
    ],
  ])(
    'checks the raw properties CloudFormation sent before the lib converts them: %s',
    async (_case, declared, problem) => {
      for (const action of ['CREATE', 'UPDATE'] as const) {
        const event = await invoke(action, { UserPoolId: POOL_ID, ...declared });
        expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
        expect(event.message).toContain(problem);
      }
      expect(cognito.calls()).toHaveLength(0);
    },
  );

  it('reads strings as the integers and booleans the schema asks for, as CloudFormation sends them', async () => {
    const event = await invoke('CREATE', {
      UserPoolId: POOL_ID,
      Policies: { PasswordPolicy: { MinimumLength: '14', RequireSymbols: 'true' } },
    });
    expect(event.status).toBe('SUCCESS');
    const sent = cognito.commandCalls(idp.UpdateUserPoolCommand)[0].args[0].input;
    expect(sent.Policies?.PasswordPolicy).toMatchObject({ MinimumLength: 14, RequireSymbols: true });
  });

  it('adds a declared custom attribute after the settings and turns TOTP on with SetUserPoolMfaConfig', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: withoutSms(describedProductionPool()) });
    const event = await invoke('CREATE', {
      UserPoolId: POOL_ID,
      Schema: [{ Name: 'custom:plan', AttributeDataType: 'String' }],
      SoftwareTokenMfaConfiguration: { Enabled: 'true' },
      MfaConfiguration: 'ON',
    });
    expect(event.status).toBe('SUCCESS');
    expect(cognito).toHaveReceivedCommandWith(idp.AddCustomAttributesCommand, {
      UserPoolId: POOL_ID,
      CustomAttributes: [{ Name: 'plan', AttributeDataType: 'String' }],
    });
    expect(cognito).toHaveReceivedCommandWith(idp.SetUserPoolMfaConfigCommand, {
      UserPoolId: POOL_ID,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const order = cognito.calls().map((call) => call.args[0].constructor.name);
    // No pool setting changes, so no UpdateUserPool; custom attributes cannot be removed, so they go last.
    expect(order).toEqual([
      'DescribeUserPoolCommand',
      'GetUserPoolMfaConfigCommand',
      'SetUserPoolMfaConfigCommand',
      'AddCustomAttributesCommand',
    ]);
  });

  it('claims a pool whose declared settings already hold with one PutParameter and no Cognito write', async () => {
    cognito
      .on(idp.DescribeUserPoolCommand)
      .resolves({ UserPool: { ...describedProductionPool(), MfaConfiguration: 'OFF' } });
    const event = await invoke('CREATE', { UserPoolId: POOL_ID, DeletionProtection: 'ACTIVE' });
    expect(event.status).toBe('SUCCESS');
    expect(cognito.calls().map((call) => call.args[0].constructor.name)).toEqual(['DescribeUserPoolCommand']);
    expect(ssm).toHaveReceivedCommandTimes(ssmSdk.PutParameterCommand, 1);
  });

  it.each(['FeatureUnavailableInTierException', 'TierChangeNotAllowedException', 'OperationNotEnabledException'])(
    'turns %s into InvalidRequest naming the feature and the plan it needs',
    async (errorName) => {
      const lite = { ...describedProductionPool(), UserPoolTier: 'LITE' as const, UserPoolAddOns: undefined };
      cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: { ...lite, MfaConfiguration: 'OFF' } });
      cognito.on(idp.UpdateUserPoolCommand).rejects(cognitoError(errorName, 'Feature not available'));
      const event = await invoke('CREATE', {
        UserPoolId: POOL_ID,
        Policies: { PasswordPolicy: { PasswordHistorySize: '6' } },
      });
      expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
      expect(event.message).toContain('Feature not available');
      expect(event.message).toContain('UserPoolTier LITE');
      expect(event.message).toContain(
        'Policies.PasswordPolicy.PasswordHistorySize (password reuse prevention) needs ESSENTIALS or PLUS',
      );
    },
  );

  it('refuses MFA ON without a factor before any write', async () => {
    const event = await invoke('CREATE', { UserPoolId: POOL_ID, MfaConfiguration: 'ON' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toContain('MfaConfiguration');
    expect(writeCount()).toBe(0);
  });

  it('puts the pool back when a later write fails, so nothing is half-applied', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: withoutSms(describedProductionPool()) });
    cognito.on(idp.SetUserPoolMfaConfigCommand).rejects(cognitoError('InvalidParameterException', 'bad factor'));
    const event = await invoke('CREATE', {
      UserPoolId: POOL_ID,
      Policies: { PasswordPolicy: { MinimumLength: '20' } },
      SoftwareTokenMfaConfiguration: { Enabled: 'true' },
    });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toContain('bad factor');
    const updates = cognito.commandCalls(idp.UpdateUserPoolCommand).map((call) => call.args[0].input);
    expect(updates).toHaveLength(2);
    expect(updates[1]).toEqual(buildUpdateUserPoolRequest(POOL_ID, withoutSms(describedProductionPool())));
  });
});

describe('UPDATE', () => {
  it('writes nothing when the declared settings equal the pool: one read, no write', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool({ MfaConfiguration: 'OFF' }) });
    const event = await invoke('UPDATE', {
      UserPoolId: POOL_ID,
      Policies: { PasswordPolicy: { MinimumLength: '12' } },
    });
    expect(event.status).toBe('SUCCESS');
    expect(cognito.calls()).toHaveLength(1);
  });

  it('changes a setting in one read and one write, keeping the ownership tag', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool({ MfaConfiguration: 'OFF' }) });
    const event = await invoke('UPDATE', { UserPoolId: POOL_ID, DeletionProtection: 'INACTIVE' });
    expect(event.status).toBe('SUCCESS');
    expect(cognito.calls()).toHaveLength(2);
    const sent = cognito.commandCalls(idp.UpdateUserPoolCommand)[0].args[0].input;
    expect(sent.DeletionProtection).toBe('INACTIVE');
    // Tags are TagResource's: UpdateUserPool keeps them, the marker included, when it omits them.
    expect(sent).not.toHaveProperty('UserPoolTags');
  });

  it('on a pool with MFA on, also reads the MFA state so the model it returns is what READ reports', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool({ MfaConfiguration: 'OPTIONAL' }) });
    cognito.on(idp.GetUserPoolMfaConfigCommand).resolves({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const updated = await invoke('UPDATE', { UserPoolId: POOL_ID, DeletionProtection: 'INACTIVE' });
    expect(cognito.commandCalls(idp.GetUserPoolMfaConfigCommand)).toHaveLength(1);
    expect(cognito.commandCalls(idp.SetUserPoolMfaConfigCommand)).toHaveLength(0);
    cognito.on(idp.DescribeUserPoolCommand).resolves({
      UserPool: managedPool({ MfaConfiguration: 'OPTIONAL', DeletionProtection: 'INACTIVE' }),
    });
    // READ reads the record the UPDATE wrote: the members it owns.
    const written = ssm.commandCalls(ssmSdk.PutParameterCommand).at(-1)?.args[0].input.Value;
    ssm.on(ssmSdk.GetParameterCommand).resolves({ Parameter: { Value: written } });
    const read = await invoke('READ', { UserPoolId: POOL_ID });
    expect(updated.resourceModel).toEqual(read.resourceModel);
    expect(read.resourceModel).toEqual({
      UserPoolId: POOL_ID,
      SettingsName: 'default',
      DeletionProtection: 'INACTIVE',
    });
  });

  it('answers NotFound with a message for a pool that is not managed', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: describedProductionPool() });
    const event = await invoke('UPDATE', { UserPoolId: POOL_ID, DeletionProtection: 'INACTIVE' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'NotFound' });
    expect(event.message).toBeTruthy();
    expect(writeCount()).toBe(0);
  });

  it('stops managing a setting removed from the template: the pool keeps its value', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool() });
    const event = await invoke(
      'UPDATE',
      { UserPoolId: POOL_ID },
      { previousProperties: { UserPoolId: POOL_ID, DeletionProtection: 'INACTIVE' } },
    );
    expect(event.status).toBe('SUCCESS');
    expect(writeCount()).toBe(0);
  });

  it('refuses to move to another pool as NotUpdatable (CloudFormation replaces instead), calling nothing', async () => {
    const event = await invoke(
      'UPDATE',
      { UserPoolId: 'us-east-1_Another1' },
      { previousProperties: { UserPoolId: POOL_ID } },
    );
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'NotUpdatable' });
    expect(event.message).toContain(`UserPoolId cannot change from ${POOL_ID} to us-east-1_Another1`);
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('READ, DELETE and LIST', () => {
  it('READ returns the current settings and MFA factors in two round trips, without the marker', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool() });
    cognito
      .on(idp.GetUserPoolMfaConfigCommand)
      .resolves({ MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });
    const event = await invoke('READ', { UserPoolId: POOL_ID });
    expect(event.status).toBe('SUCCESS');
    expect(event.resourceModel).toMatchObject({
      UserPoolId: POOL_ID,
      PoolName: 'production-users',
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      UserPoolTags: { team: 'identity' },
    });
    expect(JSON.stringify(event.resourceModel)).not.toContain(OWNERSHIP_TAG_KEY);
    expect(JSON.stringify(event.resourceModel)).not.toContain('UnusedAccountValidityDays');
    // DescribeUserPool beside GetLogDeliveryConfiguration; then, as the pool uses MFA and
    // threat protection, GetUserPoolMfaConfig beside DescribeRiskConfiguration.
    expect(cognito.calls().map((call) => call.args[0].constructor.name)).toEqual([
      'DescribeUserPoolCommand',
      'GetLogDeliveryConfigurationCommand',
      'GetUserPoolMfaConfigCommand',
      'DescribeRiskConfigurationCommand',
    ]);
  });

  it('READ of an unmanaged pool answers NotFound', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: describedProductionPool() });
    expect(await invoke('READ', { UserPoolId: POOL_ID })).toMatchObject({ status: 'FAILED', errorCode: 'NotFound' });
  });

  it('DELETE removes only the ownership record, never UpdateUserPool, and returns no model', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool() });
    const event = await invoke('DELETE', { UserPoolId: POOL_ID });
    expect(event).toEqual({ status: 'SUCCESS', message: '', callbackDelaySeconds: 0 });
    // GetParameter and DeleteParameter: the settings are not even read.
    expect(cognito.calls()).toHaveLength(0);
    expect(ssm).toHaveReceivedCommandWith(ssmSdk.DeleteParameterCommand, {
      Name: `/org-cognito-userpoolsettings/${POOL_ID}`,
    });
    expect(cognito.commandCalls(idp.UpdateUserPoolCommand)).toHaveLength(0);
  });

  it('DELETE of a pool an earlier version claimed with its tag removes the tag with UntagResource', async () => {
    const pool = describedProductionPool();
    cognito.on(idp.DescribeUserPoolCommand).resolves({
      UserPool: { ...pool, UserPoolTags: { ...pool.UserPoolTags, [OWNERSHIP_TAG_KEY]: 'true' } },
    });
    expect((await invoke('DELETE', { UserPoolId: POOL_ID })).status).toBe('SUCCESS');
    expect(cognito).toHaveReceivedCommandWith(idp.UntagResourceCommand, {
      ResourceArn: pool.Arn,
      TagKeys: [OWNERSHIP_TAG_KEY],
    });
  });

  it('DELETE succeeds on a pool whose describe→update round trip Cognito would reject', async () => {
    // A describe-only member UpdateUserPool refuses: a full update would fail the DELETE.
    cognito.on(idp.UpdateUserPoolCommand).rejects(cognitoError('InvalidParameterException', 'unexpected member'));
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool() });
    expect((await invoke('DELETE', { UserPoolId: POOL_ID })).status).toBe('SUCCESS');
  });

  it('DELETE of an unmanaged pool answers NotFound with a message', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: describedProductionPool() });
    const event = await invoke('DELETE', { UserPoolId: POOL_ID });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'NotFound' });
    expect(event.message).toBeTruthy();
  });

  it('LIST reads the ownership records, then one ListUserPools page of legacy claims per invocation, with a token for the next', async () => {
    const legacyClaim = (Id: string) => {
      const pool = describedProductionPool();
      return { ...pool, Id, UserPoolTags: { ...pool.UserPoolTags, [OWNERSHIP_TAG_KEY]: 'true' } };
    };
    cognito
      .on(idp.ListUserPoolsCommand, { MaxResults: 60, NextToken: undefined })
      .resolves({ UserPools: [{ Id: 'us-east-1_a' }, { Id: 'us-east-1_b' }], NextToken: 'page-2' });
    cognito
      .on(idp.ListUserPoolsCommand, { MaxResults: 60, NextToken: 'page-2' })
      .resolves({ UserPools: [{ Id: 'us-east-1_c' }] });
    cognito
      .on(idp.DescribeUserPoolCommand, { UserPoolId: 'us-east-1_a' })
      .resolves({ UserPool: legacyClaim('us-east-1_a') });
    cognito
      .on(idp.DescribeUserPoolCommand, { UserPoolId: 'us-east-1_b' })
      .resolves({ UserPool: describedProductionPool() });
    cognito
      .on(idp.DescribeUserPoolCommand, { UserPoolId: 'us-east-1_c' })
      .resolves({ UserPool: legacyClaim('us-east-1_c') });
    // No ownership record yet: an empty page that still hands on to the legacy claims.
    const records = await invoke('LIST', {});
    expect(records).toMatchObject({ status: 'SUCCESS', resourceModels: [] });
    expect(ssm).toHaveReceivedCommandTimes(ssmSdk.GetParametersByPathCommand, 1);
    const first = await invoke('LIST', {}, { nextToken: records.nextToken });
    expect(first).toMatchObject({ status: 'SUCCESS', resourceModels: [{ UserPoolId: 'us-east-1_a' }] });
    expect(first.nextToken).toEqual(expect.any(String));
    expect(cognito).toHaveReceivedCommandTimes(idp.ListUserPoolsCommand, 1);
    expect(cognito).toHaveReceivedCommandTimes(idp.DescribeUserPoolCommand, 2);
    const second = await invoke('LIST', {}, { nextToken: first.nextToken });
    expect(second).toMatchObject({ status: 'SUCCESS', resourceModels: [{ UserPoolId: 'us-east-1_c' }] });
    expect(second.nextToken).toBeUndefined();
  });

  it('LIST refuses a nextToken it did not hand out, before any call', async () => {
    const event = await invoke('LIST', {}, { nextToken: 'not-a-token' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toContain('nextToken');
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('errors and retries', () => {
  beforeEach(() => cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool() }));

  it.each([
    ['InvalidParameterException', 'InvalidRequest'],
    ['InvalidEmailRoleAccessPolicyException', 'InvalidRequest'],
    ['FeatureUnavailableInTierException', 'InvalidRequest'],
    ['NotAuthorizedException', 'AccessDenied'],
    ['TooManyRequestsException', 'Throttling'],
    ['LimitExceededException', 'ServiceLimitExceeded'],
    ['InternalErrorException', 'ServiceInternalError'],
    ['ResourceNotFoundException', 'NotFound'],
  ])('maps %s to %s with Cognito message', async (cognitoName, errorCode) => {
    cognito.on(idp.UpdateUserPoolCommand).rejects(cognitoError(cognitoName, 'reason from Cognito'));
    const event = await invoke('UPDATE', { UserPoolId: POOL_ID, DeletionProtection: 'INACTIVE' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode });
    if (errorCode !== 'NotFound') expect(event.message).toContain('reason from Cognito');
  });

  it('retries a concurrent modification from a fresh read, then succeeds', async () => {
    cognito.on(idp.UpdateUserPoolCommand).rejectsOnce(cognitoError('ConcurrentModificationException')).resolves({});
    const event = await invoke('UPDATE', { UserPoolId: POOL_ID, DeletionProtection: 'INACTIVE' });
    expect(event.status).toBe('SUCCESS');
    expect(cognito).toHaveReceivedCommandTimes(idp.DescribeUserPoolCommand, 2);
  });

  it('gives up on endless concurrent modification with ResourceConflict', async () => {
    cognito.on(idp.UpdateUserPoolCommand).rejects(cognitoError('ConcurrentModificationException'));
    const event = await invoke('UPDATE', { UserPoolId: POOL_ID, DeletionProtection: 'INACTIVE' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'ResourceConflict' });
  });

  it.each(['InvalidSmsRoleTrustRelationshipException', 'InvalidSmsRoleAccessPolicyException'])(
    'waits for IAM propagation on %s: IN_PROGRESS with the identifier and an integer delay',
    async (name) => {
      cognito.on(idp.UpdateUserPoolCommand).rejects(cognitoError(name));
      const event = await invoke('UPDATE', { UserPoolId: POOL_ID, DeletionProtection: 'INACTIVE' });
      expect(event.status).toBe('IN_PROGRESS');
      expect(event.errorCode).toBeUndefined();
      expect(event.resourceModel).toEqual({ UserPoolId: POOL_ID, SettingsName: 'default' });
      expect(Number.isInteger(event.callbackDelaySeconds)).toBe(true);
      expect(event.callbackDelaySeconds).toBeGreaterThan(0);
      const again = await invoke(
        'UPDATE',
        { UserPoolId: POOL_ID, DeletionProtection: 'INACTIVE' },
        { callbackContext: event.callbackContext },
      );
      expect(
        (again as unknown as { callbackContext: { iamPropagationRetries: number } }).callbackContext
          .iamPropagationRetries,
      ).toBe(2);
    },
  );

  it('stops waiting for IAM after the retry budget with InvalidRequest', async () => {
    cognito.on(idp.UpdateUserPoolCommand).rejects(cognitoError('InvalidSmsRoleTrustRelationshipException'));
    const event = await invoke(
      'UPDATE',
      { UserPoolId: POOL_ID, DeletionProtection: 'INACTIVE' },
      { callbackContext: { iamPropagationRetries: 12 } },
    );
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
  });
});

describe('the invocation itself', () => {
  it("never pays the lib's fixed wait: its delay is not called on any path", async () => {
    const delay = jest.spyOn(libUtils, 'delay');
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool({ MfaConfiguration: 'OFF' }) });
    await invoke('UPDATE', { UserPoolId: POOL_ID });
    await invoke('READ', { UserPoolId: POOL_ID });
    await invoke('READ', { UserPoolId: 'us-east-1_missing', Polices: {} });
    expect(delay).not.toHaveBeenCalled();
    delay.mockRestore();
  });

  it('answers a request with no awsAccountId as InvalidRequest, as the lib does', async () => {
    const request = cfnRequest({ action: 'READ', properties: { UserPoolId: POOL_ID } });
    delete request.awsAccountId;
    const event = (await entrypoint(request, {} as never)) as unknown as ProgressEvent;
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('testEntrypoint (cfn test and SAM local)', () => {
  it('validates the raw properties first, as the production entrypoint does', async () => {
    const event = await testEntrypoint(
      testEvent('CREATE', { UserPoolId: POOL_ID, Policies: { PasswordPolicy: { MinLength: '14' } } }),
      lambdaContext(),
    );
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toContain('Policies.PasswordPolicy.MinLength: unknown property');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('runs the same handlers from a sam-tests style event', async () => {
    cognito.on(idp.DescribeUserPoolCommand).resolves({ UserPool: managedPool() });
    const event = await testEntrypoint(testEvent('READ', { UserPoolId: POOL_ID }), lambdaContext());
    expect(event.status).toBe('SUCCESS');
    expect(event.resourceModel?.userPoolId).toBe(POOL_ID);
  });
});
