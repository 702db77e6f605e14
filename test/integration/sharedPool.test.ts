import { conflictRetry } from '../../engine/retry';
import { OWNERSHIP_TAG_KEY } from '../../src/ownership';
import { useLocalCognito } from '../support/localCognito';

/**
 * Several settings resources on one pool (or app client), each owning the members it
 * declares: a central baseline and an app team side by side. Requests as CloudFormation
 * sends them, each with its own stack and logical id.
 */
const cognito = useLocalCognito();

beforeAll(() => {
  conflictRetry.sleep = () => Promise.resolve();
});
afterEach(() => cognito.proxy.clearFaults());

const BASELINE_STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/org-baseline/1';
const TEAM_STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/app-team/2';
const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** The platform team's baseline: password policy, deletion protection, a tag. */
const baseline = (poolId: string) => ({
  UserPoolId: poolId,
  SettingsName: 'org-baseline',
  Policies: { PasswordPolicy: { MinimumLength: '14', RequireSymbols: 'true' } },
  DeletionProtection: 'ACTIVE',
  UserPoolTags: { 'security-baseline': '2026-12' },
});

/** The app team's own members: a trigger, a message template, its own tag. */
const team = (poolId: string) => ({
  UserPoolId: poolId,
  SettingsName: 'app-team',
  LambdaConfig: { PreSignUp: lambda('team-pre-sign-up') },
  VerificationMessageTemplate: { EmailSubject: 'Welcome to the team app' },
  UserPoolTags: { team: 'checkout' },
});

const asBaseline = { stackId: BASELINE_STACK, logicalResourceId: 'Baseline' };
const asTeam = { stackId: TEAM_STACK, logicalResourceId: 'TeamSettings' };

describe('a central baseline and a team on one pool', () => {
  it('both CREATE, UPDATE and READ their own members; deleting one leaves the other owned and unchanged', async () => {
    const poolId = await cognito.createPool();
    const created = await cognito.run({ action: 'CREATE', properties: baseline(poolId), ...asBaseline });
    expect(created.status).toBe('SUCCESS');
    expect(created.resourceModel).toMatchObject({ SettingsName: 'org-baseline', DeletionProtection: 'ACTIVE' });
    const teamCreated = await cognito.run({ action: 'CREATE', properties: team(poolId), ...asTeam });
    expect(teamCreated.status).toBe('SUCCESS');

    // READ reports each resource's own members: drift detection sees its own share.
    const baselineRead = await cognito.handle('READ', { UserPoolId: poolId, SettingsName: 'org-baseline' });
    expect(baselineRead.resourceModel).toEqual({
      UserPoolId: poolId,
      SettingsName: 'org-baseline',
      Policies: { PasswordPolicy: { MinimumLength: 14, RequireSymbols: true } },
      DeletionProtection: 'ACTIVE',
      UserPoolTags: { 'security-baseline': '2026-12' },
    });
    const teamRead = await cognito.handle('READ', { UserPoolId: poolId, SettingsName: 'app-team' });
    expect(teamRead.resourceModel).toEqual({
      UserPoolId: poolId,
      SettingsName: 'app-team',
      LambdaConfig: { PreSignUp: lambda('team-pre-sign-up') },
      VerificationMessageTemplate: { EmailSubject: 'Welcome to the team app' },
      UserPoolTags: { team: 'checkout' },
    });

    // The team's UPDATE changes its trigger; the baseline's members stay as they are.
    const updatedTeam = { ...team(poolId), LambdaConfig: { PreSignUp: lambda('team-pre-sign-up-v2') } };
    const updated = await cognito.run({
      action: 'UPDATE',
      properties: updatedTeam,
      previousProperties: team(poolId),
      ...asTeam,
    });
    expect(updated.status).toBe('SUCCESS');
    const pool = await cognito.proxy.describe(poolId);
    expect(pool.LambdaConfig.PreSignUp).toBe(lambda('team-pre-sign-up-v2'));
    expect(pool.Policies.PasswordPolicy).toMatchObject({ MinimumLength: 14, RequireSymbols: true });
    expect(pool.DeletionProtection).toBe('ACTIVE');

    // A no-op UPDATE writes nothing.
    cognito.proxy.resetCounts();
    const noOp = await cognito.run({
      action: 'UPDATE',
      properties: updatedTeam,
      previousProperties: updatedTeam,
      ...asTeam,
    });
    expect(noOp.status).toBe('SUCCESS');
    expect(cognito.proxy.calls.filter((call) => !/^(Get|Describe)/.test(call))).toEqual([]);

    // LIST names both, by pool and settings name.
    const listed = await cognito.handle('LIST', {});
    expect(listed.resourceModels).toEqual(
      expect.arrayContaining([
        { UserPoolId: poolId, SettingsName: 'org-baseline' },
        { UserPoolId: poolId, SettingsName: 'app-team' },
      ]),
    );

    // Deleting the team's resource releases its members only; the baseline's stay owned.
    const beforeDelete = await cognito.proxy.describe(poolId);
    expect((await cognito.handle('DELETE', { UserPoolId: poolId, SettingsName: 'app-team' })).status).toBe('SUCCESS');
    expect((await cognito.handle('READ', { UserPoolId: poolId, SettingsName: 'app-team' })).errorCode).toBe('NotFound');
    expect((await cognito.handle('READ', { UserPoolId: poolId, SettingsName: 'org-baseline' })).resourceModel).toEqual(
      baselineRead.resourceModel,
    );
    const { LastModifiedDate: _before, ...kept } = beforeDelete;
    const { LastModifiedDate: _after, ...after } = await cognito.proxy.describe(poolId);
    expect(after).toEqual(kept);
    // With the team gone, another resource may own its members.
    const adopted = await cognito.run({
      action: 'CREATE',
      properties: { UserPoolId: poolId, SettingsName: 'new-team', LambdaConfig: { PreSignUp: lambda('another') } },
      stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/new-team/3',
      logicalResourceId: 'NewTeam',
    });
    expect(adopted.status).toBe('SUCCESS');
  });

  it("a rollback puts back only its own members' before-values; the other resource's changes since stay", async () => {
    const poolId = await cognito.createPool();
    expect((await cognito.run({ action: 'CREATE', properties: baseline(poolId), ...asBaseline })).status).toBe(
      'SUCCESS',
    );
    expect((await cognito.run({ action: 'CREATE', properties: team(poolId), ...asTeam })).status).toBe('SUCCESS');
    // The team's UPDATE (a new trigger and a new tag) succeeds, then the baseline changes its own members.
    const next = {
      ...team(poolId),
      LambdaConfig: { PreSignUp: lambda('team-pre-sign-up-v2') },
      UserPoolTags: { team: 'checkout', release: 'v2' },
    };
    expect(
      (await cognito.run({ action: 'UPDATE', properties: next, previousProperties: team(poolId), ...asTeam })).status,
    ).toBe('SUCCESS');
    const tightened = {
      ...baseline(poolId),
      Policies: { PasswordPolicy: { MinimumLength: '16', RequireSymbols: 'true' } },
    };
    expect(
      (
        await cognito.run({
          action: 'UPDATE',
          properties: tightened,
          previousProperties: baseline(poolId),
          ...asBaseline,
        })
      ).status,
    ).toBe('SUCCESS');

    // The team's stack rolls back: its own members go back; the baseline's stay as it set them.
    const rolledBack = await cognito.run({
      action: 'UPDATE',
      properties: team(poolId),
      previousProperties: next,
      rollback: true,
      ...asTeam,
    });
    expect(rolledBack.status).toBe('SUCCESS');
    const pool = await cognito.proxy.describe(poolId);
    expect(pool.LambdaConfig.PreSignUp).toBe(lambda('team-pre-sign-up'));
    expect(pool.UserPoolTags).not.toHaveProperty('release');
    expect(pool.Policies.PasswordPolicy.MinimumLength).toBe(16);
    expect(pool.DeletionProtection).toBe('ACTIVE');
  });

  it('refuses a member another resource owns, naming it and its owner, with nothing written', async () => {
    const poolId = await cognito.createPool();
    expect((await cognito.run({ action: 'CREATE', properties: baseline(poolId), ...asBaseline })).status).toBe(
      'SUCCESS',
    );
    const before = await cognito.proxy.describe(poolId);
    cognito.proxy.resetCounts();
    const overlapping = await cognito.run({
      action: 'CREATE',
      properties: { ...team(poolId), Policies: { PasswordPolicy: { MinimumLength: '8' } } },
      ...asTeam,
    });
    expect(overlapping).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(overlapping.message).toContain(
      `Policies.PasswordPolicy.MinimumLength is owned by Baseline in stack ${BASELINE_STACK} (SettingsName org-baseline)`,
    );
    expect(cognito.proxy.calls.filter((call) => !/^(Get|Describe)/.test(call))).toEqual([]);
    expect(await cognito.proxy.describe(poolId)).toEqual(before);

    // A whole object over an owned leaf overlaps too; another leaf of the same object does not.
    const whole = await cognito.run({
      action: 'CREATE',
      properties: { ...team(poolId), Policies: { PasswordPolicy: { RequireNumbers: 'true' } } },
      ...asTeam,
    });
    expect(whole.status).toBe('SUCCESS');
  });

  it('a block another mode replaces whole (EmailConfiguration) is one member: a second resource cannot declare any of it', async () => {
    const poolId = await cognito.createPool();
    const replyTo = {
      UserPoolId: poolId,
      SettingsName: 'one',
      EmailConfiguration: { ReplyToEmailAddress: 'help@example.com' },
    };
    expect((await cognito.run({ action: 'CREATE', properties: replyTo, ...asBaseline })).status).toBe('SUCCESS');
    const switching = await cognito.run({
      action: 'CREATE',
      properties: {
        UserPoolId: poolId,
        SettingsName: 'two',
        EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      },
      ...asTeam,
    });
    expect(switching).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(switching.message).toContain('EmailConfiguration is owned by Baseline');
  });

  it('locked-setting assertions and identical custom attributes own nothing and never conflict', async () => {
    const poolId = await cognito.createPool();
    const { Name } = await cognito.proxy.describe(poolId);
    const asserting = (settingsName: string) => ({
      UserPoolId: poolId,
      SettingsName: settingsName,
      PoolName: Name,
      Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: 'true' }],
    });
    expect((await cognito.run({ action: 'CREATE', properties: asserting('one'), ...asBaseline })).status).toBe(
      'SUCCESS',
    );
    expect((await cognito.run({ action: 'CREATE', properties: asserting('two'), ...asTeam })).status).toBe('SUCCESS');
  });

  it.each([
    ['one after another', false],
    ['all reading before any claims (the race the claim check decides)', true],
  ])('five concurrent CREATEs declaring the same member, %s: exactly one succeeds', async (_case, together) => {
    const poolId = await cognito.createPool();
    // Every contender's first read of the other records is answered only once all five asked.
    if (together) cognito.proxy.gather('GetParametersByPath', 5);
    const contenders = ['a', 'b', 'c', 'd', 'e'].map((name, index) =>
      cognito.run({
        action: 'CREATE',
        properties: { UserPoolId: poolId, SettingsName: `team-${name}`, DeletionProtection: 'ACTIVE' },
        stackId: `arn:aws:cloudformation:us-east-1:123456789012:stack/team-${name}/${index}`,
        logicalResourceId: `Team${name.toUpperCase()}`,
      }),
    );
    const results = await Promise.all(contenders);
    const winners = results.filter((result) => result.status === 'SUCCESS');
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((result) => result.status !== 'SUCCESS')) {
      expect(loser.errorCode).toBe('InvalidRequest');
      expect(loser.message).toMatch(/DeletionProtection is owned by Team[A-E]/);
      if (together) expect(loser.message).toContain('claimed first, at the same time');
    }
    // Only the winner's record is left.
    const listed = await cognito.handle('LIST', {});
    const onPool = (listed.resourceModels ?? []).filter((model) => model.UserPoolId === poolId);
    expect(onPool).toEqual([{ UserPoolId: poolId, SettingsName: winners[0].resourceModel?.SettingsName }]);
  });

  it('a settings name leaves an earlier version’s claim tag to the default resource', async () => {
    const poolId = await cognito.createPool();
    await cognito.proxy.tagAsAnotherWriter(poolId, { [OWNERSHIP_TAG_KEY]: 'true' });
    const named = await cognito.run({ action: 'CREATE', properties: team(poolId), ...asTeam });
    expect(named.status).toBe('SUCCESS');
    expect((await cognito.proxy.describe(poolId)).UserPoolTags[OWNERSHIP_TAG_KEY]).toBe('true');
    // The default resource is still the tag's: READ finds it managed.
    expect((await cognito.handle('READ', { UserPoolId: poolId })).status).toBe('SUCCESS');
  });
});

describe('several settings resources on one app client', () => {
  it('each owns its members; an overlap is refused naming its owner', async () => {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(poolId);
    const ids = { UserPoolId: poolId, ClientId: clientId };
    const first = await cognito.runClient({
      action: 'CREATE',
      properties: { ...ids, SettingsName: 'platform', AccessTokenValidity: '12' },
      ...asBaseline,
    });
    expect(first.status).toBe('SUCCESS');
    const second = await cognito.runClient({
      action: 'CREATE',
      properties: { ...ids, SettingsName: 'team', ReadAttributes: ['email', 'name'] },
      ...asTeam,
    });
    expect(second.status).toBe('SUCCESS');
    const read = await cognito.handleClient('READ', { ...ids, SettingsName: 'team' });
    expect(read.resourceModel).toEqual({
      ...ids,
      SettingsName: 'team',
      ReadAttributes: ['email', 'name'],
    });
    const overlapping = await cognito.runClient({
      action: 'CREATE',
      properties: { ...ids, SettingsName: 'third', AccessTokenValidity: '6' },
      stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/third/3',
      logicalResourceId: 'Third',
    });
    expect(overlapping).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(overlapping.message).toContain('AccessTokenValidity is owned by Baseline');
    const listed = await cognito.handleClient('LIST', { UserPoolId: poolId });
    expect(listed.resourceModels).toEqual(
      expect.arrayContaining([
        { ...ids, SettingsName: 'platform' },
        { ...ids, SettingsName: 'team' },
      ]),
    );
  });
});
