import { OWNERSHIP_TAG_KEY } from '../../src/ownership';
import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();

const WRITES = ['UpdateUserPool', 'SetUserPoolMfaConfig', 'TagResource', 'UntagResource', 'AddCustomAttributes'];
const writes = () => cognito.proxy.calls.filter((call) => WRITES.includes(call));

/** A pool with TOTP MFA OPTIONAL and no SMS configuration, as the console leaves one. */
async function poolWithOptionalTotp(): Promise<string> {
  const poolId = await cognito.createPool({ PoolName: 'mfa-optional', UserPoolTags: { team: 'identity' } });
  await cognito.proxy.setMfaAsAnotherWriter({
    UserPoolId: poolId,
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
  });
  return poolId;
}

async function expectMfaMode(poolId: string, mode: string): Promise<void> {
  expect((await cognito.proxy.describe(poolId)).MfaConfiguration).toBe(mode);
  expect((await cognito.proxy.describeMfa(poolId)).MfaConfiguration).toBe(mode);
  const read = await cognito.handle('READ', { UserPoolId: poolId });
  expect(read.resourceModel?.MfaConfiguration).toBe(mode);
}

describe('MFA: one mode, two writers, and the declared mode sticks', () => {
  it('CREATE declaring MfaConfiguration OFF on an OPTIONAL pool leaves DescribeUserPool and GetUserPoolMfaConfig at OFF', async () => {
    const poolId = await poolWithOptionalTotp();
    const created = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      MfaConfiguration: 'OFF',
      DeletionProtection: 'ACTIVE',
    });
    expect(created).toMatchObject({ status: 'SUCCESS' });
    expect(created.resourceModel?.MfaConfiguration).toBe('OFF');
    await expectMfaMode(poolId, 'OFF');
  });

  it('a downgrade to LITE with MFA OFF in one template ends at LITE and OFF', async () => {
    const poolId = await poolWithOptionalTotp();
    const created = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      UserPoolTier: 'LITE',
      MfaConfiguration: 'OFF',
    });
    expect(created).toMatchObject({ status: 'SUCCESS' });
    expect((await cognito.proxy.describe(poolId)).UserPoolTier).toBe('LITE');
    await expectMfaMode(poolId, 'OFF');
  });

  it('turning MFA ON beside a setting change ends ON, with UpdateUserPool never sending ON before the factor exists', async () => {
    const poolId = await cognito.createPool({ PoolName: 'mfa-off' });
    cognito.proxy.resetCounts();
    const created = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: 'true' },
      DeletionProtection: 'ACTIVE',
    });
    expect(created).toMatchObject({ status: 'SUCCESS' });
    expect(cognito.proxy.requestsOf('UpdateUserPool').map((request) => request.MfaConfiguration)).toEqual(['OFF']);
    await expectMfaMode(poolId, 'ON');
  });

  it('a factor change keeps the mode: OPTIONAL TOTP to OPTIONAL TOTP and email needs nothing else', async () => {
    const poolId = await poolWithOptionalTotp();
    await cognito.handle('CREATE', { UserPoolId: poolId, MfaConfiguration: 'OPTIONAL' });
    const updated = await cognito.handle('UPDATE', {
      UserPoolId: poolId,
      MfaConfiguration: 'OPTIONAL',
      Policies: { PasswordPolicy: { MinimumLength: '14' } },
    });
    expect(updated.status).toBe('SUCCESS');
    await expectMfaMode(poolId, 'OPTIONAL');
    expect((await cognito.proxy.describeMfa(poolId)).SoftwareTokenMfaConfiguration).toEqual({ Enabled: true });
  });
});

describe('tags: TagResource only, so another writer between read and write keeps its tag', () => {
  const otherTag = { 'cost-tool': 'tagged-meanwhile' };

  async function runWithConcurrentTagger(action: 'CREATE' | 'UPDATE', properties: Record<string, unknown>) {
    cognito.proxy.afterNext('DescribeUserPool', (poolId) => cognito.proxy.tagAsAnotherWriter(poolId, otherTag));
    const event = await cognito.handle(action, properties);
    expect(event).toMatchObject({ status: 'SUCCESS' });
    return event;
  }

  it('survives a changing CREATE, a changing UPDATE and a no-op UPDATE; UpdateUserPool never carries UserPoolTags', async () => {
    const poolId = await cognito.createPool();
    cognito.proxy.resetCounts();
    const declared = { UserPoolId: poolId, DeletionProtection: 'ACTIVE', UserPoolTags: { owner: 'platform' } };
    await runWithConcurrentTagger('CREATE', declared);
    let tags = (await cognito.describe(poolId)).UserPoolTags;
    expect(tags).toMatchObject({ ...otherTag, owner: 'platform', team: 'identity' });
    // The claim is the ownership record in Parameter Store: no marker tag takes one of the 50.
    expect(tags).not.toHaveProperty(OWNERSHIP_TAG_KEY);

    await cognito.proxy.tagAsAnotherWriter(poolId, { 'cost-tool': 'reset' });
    await runWithConcurrentTagger('UPDATE', { ...declared, DeletionProtection: 'INACTIVE' });
    tags = (await cognito.describe(poolId)).UserPoolTags;
    expect(tags).toMatchObject({ ...otherTag, owner: 'platform' });

    await cognito.proxy.tagAsAnotherWriter(poolId, { 'cost-tool': 'reset' });
    cognito.proxy.resetCounts();
    await runWithConcurrentTagger('UPDATE', { ...declared, DeletionProtection: 'INACTIVE' });
    expect(writes()).toEqual([]);
    expect((await cognito.describe(poolId)).UserPoolTags).toMatchObject(otherTag);
  });

  it('no UpdateUserPool request of a CREATE, UPDATE or undo carries UserPoolTags', async () => {
    const poolId = await cognito.createPool();
    cognito.proxy.resetCounts();
    await cognito.handle('CREATE', { UserPoolId: poolId, DeletionProtection: 'ACTIVE', UserPoolTags: { a: 'b' } });
    cognito.proxy.inject({ operation: 'TagResource', errorName: 'InvalidParameterException', times: 1 });
    const failed = await cognito.handle('UPDATE', {
      UserPoolId: poolId,
      DeletionProtection: 'INACTIVE',
      UserPoolTags: { a: 'c' },
    });
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    const sent = cognito.proxy.requestsOf('UpdateUserPool');
    expect(sent.length).toBe(3); // CREATE's, the UPDATE's and its undo
    for (const request of sent) expect(request).not.toHaveProperty('UserPoolTags');
    const after = await cognito.proxy.describe(poolId);
    expect(after.DeletionProtection).toBe('ACTIVE');
    expect(after.UserPoolTags).toMatchObject({ a: 'b' });
  });

  it('claims a pool that already has 50 tags (the claim takes no tag); one more declared tag is refused, nothing written', async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`tag-${index}`, 'x']));
    const poolId = await cognito.createPool({ PoolName: 'full-of-tags', UserPoolTags: fifty });
    cognito.proxy.resetCounts();
    expect((await cognito.handle('CREATE', { UserPoolId: poolId })).status).toBe('SUCCESS');
    expect(writes()).toEqual([]);
    const event = await cognito.handle('UPDATE', { UserPoolId: poolId, UserPoolTags: { one: 'more' } });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toMatch(/at most 50 tags per user pool/);
    expect(writes()).toEqual([]);
  });
});
