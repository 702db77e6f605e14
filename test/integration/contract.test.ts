import { OWNERSHIP_TAG_KEY } from '../../src/ownership';
import { productionPoolRequest } from '../support/productionPool';
import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();

function withoutMarker<T extends { UserPoolTags?: Record<string, string> }>(pool: T): T {
  const tags = { ...pool.UserPoolTags };
  delete tags[OWNERSHIP_TAG_KEY];
  return { ...pool, UserPoolTags: tags };
}

function settingsOf<T extends object>(pool: T): Partial<T> {
  const { LastModifiedDate: _modified, ...settings } = pool as T & { LastModifiedDate?: unknown };
  return settings as Partial<T>;
}

describe('the core scenario on cognito-local', () => {
  it('CREATE declaring one nested setting changes only that setting of a many-settings pool', async () => {
    const poolId = await cognito.createPool();
    const before = await cognito.describe(poolId);
    const event = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      Policies: { PasswordPolicy: { MinimumLength: 16 } },
    });
    expect(event.status).toBe('SUCCESS');
    const after = await cognito.describe(poolId);
    const { UnusedAccountValidityDays: _legacy, ...adminCreateUserConfig } = before.AdminCreateUserConfig ?? {};
    expect(settingsOf(withoutMarker(after))).toEqual(
      settingsOf({
        ...before,
        // The one declared change:
        Policies: { PasswordPolicy: { ...before.Policies?.PasswordPolicy, MinimumLength: 16 } },
        // The legacy field Cognito reports but rejects next to TemporaryPasswordValidityDays:
        AdminCreateUserConfig: adminCreateUserConfig,
      }),
    );
    expect(before.LambdaConfig?.PreSignUp).toBeDefined();
    expect(after.DeviceConfiguration).toEqual(before.DeviceConfiguration);
  });
});

describe('the resource handler contract, as cfn test checks it', () => {
  const createInput = (poolId: string) => ({
    UserPoolId: poolId,
    Policies: { PasswordPolicy: { MinimumLength: 13, RequireSymbols: true } },
    DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: true },
    UserPoolTags: { 'contract-test': 'create' },
    AutoVerifiedAttributes: ['email'],
  });
  const updateInput = (poolId: string) => ({
    UserPoolId: poolId,
    Policies: { PasswordPolicy: { MinimumLength: 15, RequireSymbols: false } },
    UserPoolTags: { 'contract-test': 'update' },
    VerificationMessageTemplate: { EmailSubject: 'Verify now' },
  });

  it('create then create again, from another stack or logical resource, answers AlreadyExists naming the owner', async () => {
    const poolId = await cognito.createPool();
    expect((await cognito.handle('CREATE', createInput(poolId))).status).toBe('SUCCESS');
    const otherStack = 'arn:aws:cloudformation:us-east-1:123456789012:stack/other/11111111-1111-1111-1111-111111111111';
    const fromOtherStack = await cognito.run({
      action: 'CREATE',
      properties: createInput(poolId),
      stackId: otherStack,
    });
    expect(fromOtherStack).toMatchObject({ status: 'FAILED', errorCode: 'AlreadyExists' });
    expect(fromOtherStack.message).toContain('by UserPoolSettings in stack arn:aws:cloudformation');
    const otherResource = await cognito.run({
      action: 'CREATE',
      properties: createInput(poolId),
      logicalResourceId: 'SecondSettings',
    });
    expect(otherResource).toMatchObject({ status: 'FAILED', errorCode: 'AlreadyExists' });
    // The same stack and logical id is CloudFormation retrying a CREATE whose answer it lost.
    expect((await cognito.handle('CREATE', createInput(poolId))).status).toBe('SUCCESS');
  });

  it('create then read returns the input values; success carries no error code', async () => {
    const poolId = await cognito.createPool();
    const created = await cognito.handle('CREATE', createInput(poolId));
    expect(created.errorCode).toBeUndefined();
    expect(created.resourceModel).toMatchObject(createInput(poolId));
    const read = await cognito.handle('READ', { UserPoolId: poolId });
    expect(read.status).toBe('SUCCESS');
    expect(read.errorCode).toBeUndefined();
    expect(read.resourceModel).toMatchObject(createInput(poolId));
  });

  it('create then list contains the pool', async () => {
    const poolId = await cognito.createPool();
    await cognito.handle('CREATE', createInput(poolId));
    const unmanaged = await cognito.createPool();
    const listed = await cognito.handle('LIST', {});
    expect(listed.status).toBe('SUCCESS');
    expect(listed.resourceModels).toContainEqual({ UserPoolId: poolId, SettingsName: 'default' });
    expect(listed.resourceModels).not.toContainEqual({ UserPoolId: unmanaged, SettingsName: 'default' });
  });

  it('update then read returns the update input', async () => {
    const poolId = await cognito.createPool();
    await cognito.handle('CREATE', createInput(poolId));
    const updated = await cognito.handle('UPDATE', updateInput(poolId), createInput(poolId));
    expect(updated.status).toBe('SUCCESS');
    const read = await cognito.handle('READ', { UserPoolId: poolId });
    expect(read.resourceModel).toMatchObject(updateInput(poolId));
  });

  it('after DELETE: no model, and READ, UPDATE and DELETE answer NotFound with a message', async () => {
    const poolId = await cognito.createPool();
    await cognito.handle('CREATE', createInput(poolId));
    const before = await cognito.describe(poolId);
    const deleted = await cognito.handle('DELETE', { UserPoolId: poolId });
    expect(deleted.status).toBe('SUCCESS');
    expect(deleted.resourceModel).toBeUndefined();
    expect(settingsOf(await cognito.describe(poolId))).toEqual(settingsOf(withoutMarker(before)));
    for (const action of ['READ', 'UPDATE', 'DELETE'] as const) {
      const event = await cognito.handle(action, updateInput(poolId));
      expect({ action, status: event.status, errorCode: event.errorCode }).toEqual({
        action,
        status: 'FAILED',
        errorCode: 'NotFound',
      });
      expect(event.message).toBeTruthy();
    }
    const listed = await cognito.handle('LIST', {});
    expect(listed.resourceModels ?? []).not.toContainEqual({ UserPoolId: poolId });
  });

  it('update without create answers NotFound', async () => {
    const poolId = await cognito.createPool();
    expect(await cognito.handle('UPDATE', updateInput(poolId))).toMatchObject({
      status: 'FAILED',
      errorCode: 'NotFound',
    });
  });

  it('create on a pool that does not exist answers NotFound', async () => {
    const event = await cognito.handle('CREATE', { UserPoolId: 'local_doesnotexist' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'NotFound' });
  });

  it('re-create after delete succeeds', async () => {
    const poolId = await cognito.createPool();
    await cognito.handle('CREATE', createInput(poolId));
    await cognito.handle('DELETE', { UserPoolId: poolId });
    expect((await cognito.handle('CREATE', createInput(poolId))).status).toBe('SUCCESS');
  });

  it('a no-op UPDATE reads once and writes nothing', async () => {
    const poolId = await cognito.createPool();
    await cognito.handle('CREATE', createInput(poolId));
    cognito.proxy.resetCounts();
    expect((await cognito.handle('UPDATE', createInput(poolId), createInput(poolId))).status).toBe('SUCCESS');
    // The record, the other settings resources' records and the pool, in parallel.
    expect(cognito.proxy.counts()).toEqual({ GetParameter: 1, GetParametersByPath: 1, DescribeUserPool: 1 });
  });

  it('a changing UPDATE takes one read, one UpdateUserPool and, for its changed tag, one TagResource', async () => {
    const poolId = await cognito.createPool();
    await cognito.handle('CREATE', createInput(poolId));
    cognito.proxy.resetCounts();
    await cognito.handle('UPDATE', updateInput(poolId), createInput(poolId));
    // The declared tag changes too: TagResource writes it (DESIGN's calls per operation); the
    // ownership record is written before the first write and marked finished after the last.
    // The update declares members the CREATE did not: the other resources' records are read
    // before, and again after the record claims them (a concurrent claim loses or wins).
    expect(cognito.proxy.counts()).toEqual({
      GetParameter: 1,
      GetParametersByPath: 2,
      DescribeUserPool: 1,
      PutParameter: 2,
      UpdateUserPool: 1,
      TagResource: 1,
    });
  });
});

describe('refusals leave the pool byte-for-byte as it was', () => {
  it.each([
    ['PoolName', { PoolName: 'another-name' }, 'NotUpdatable'],
    ['UsernameAttributes', { UsernameAttributes: ['phone_number'] }, 'NotUpdatable'],
    ['AliasAttributes', { AliasAttributes: ['preferred_username'] }, 'NotUpdatable'],
    ['UsernameConfiguration', { UsernameConfiguration: { CaseSensitive: true } }, 'NotUpdatable'],
    ['Schema', { Schema: [{ Name: 'custom:tenant', AttributeDataType: 'Number' }] }, 'NotUpdatable'],
    [
      'Policies.PasswordPolicy.MinimumLength',
      { Policies: { PasswordPolicy: { MinimumLength: 200 } } },
      'InvalidRequest',
    ],
    [
      'MfaConfiguration',
      { MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: true } },
      'InvalidRequest',
    ],
  ])('%s', async (setting, declared, errorCode) => {
    const poolId = await cognito.createPool();
    await cognito.handle('CREATE', { UserPoolId: poolId });
    const before = await cognito.describe(poolId);
    const event = await cognito.handle('UPDATE', {
      UserPoolId: poolId,
      Policies: { PasswordPolicy: { MinimumLength: 9 } },
      ...declared,
    });
    expect(event).toMatchObject({ status: 'FAILED', errorCode });
    expect(event.message).toContain(setting);
    expect(await cognito.describe(poolId)).toEqual(before);
  });
});

describe('MFA and custom attributes on cognito-local', () => {
  it('turns TOTP MFA on and adds a custom attribute, leaving everything else alone', async () => {
    // No SMS configuration: Cognito refuses TOTP-only MFA on a pool that has one.
    const { SmsConfiguration: _sms, ...request } = productionPoolRequest('totp-only');
    const poolId = await cognito.createPool(request);
    const before = await cognito.describe(poolId);
    const event = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      Schema: [{ Name: 'plan', AttributeDataType: 'String', Mutable: true }],
    });
    expect(event.status).toBe('SUCCESS');
    const after = await cognito.describe(poolId);
    expect(after.MfaConfiguration).toBe('ON');
    expect(after.SchemaAttributes?.map((attribute) => attribute.Name)).toContain('custom:plan');
    expect(after.Policies).toEqual(before.Policies);
    expect(after.LambdaConfig).toEqual(before.LambdaConfig);
    const read = await cognito.handle('READ', { UserPoolId: poolId });
    expect(read.resourceModel).toMatchObject({
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    // Schema is write-only: the attribute exists, and READ never reports it as drift.
    expect(read.resourceModel).not.toHaveProperty('Schema');
    expect(event.resourceModel).toEqual(read.resourceModel);
  });
});
