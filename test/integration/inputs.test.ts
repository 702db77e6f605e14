import { OWNERSHIP_TAG_KEY } from '../../src/ownership';
import { productionPoolRequest } from '../support/productionPool';
import { projectRoot } from '../../cli/projectRoot';
import { driftBetween, inputSets } from '../support/contractRules';
import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();
const TRIGGER = 'arn:aws:lambda:us-east-1:123456789012:function:contract-test-trigger';
const sets = inputSets(projectRoot(), {
  OrgCognitoUserPoolSettingsContractTestPoolId: 'POOL_ID',
  OrgCognitoUserPoolSettingsContractTestTriggerArn: TRIGGER,
});

// Like examples/contract-test-pool.yaml: no SMS configuration, so TOTP-only MFA is valid.
const contractTestPool = () => {
  const { SmsConfiguration: _sms, ...pool } = productionPoolRequest(`contract-${Date.now()}`);
  return pool;
};

/** The settings name an input declares, as READ's identifiers. */
const named = (input: Record<string, unknown>) =>
  input.SettingsName === undefined ? {} : { SettingsName: input.SettingsName };

const forPool = (properties: Record<string, unknown>, poolId: string) =>
  JSON.parse(JSON.stringify(properties).split('POOL_ID').join(poolId)) as Record<string, unknown>;

describe.each(sets.map((set) => [set.name, set] as const))('cfn test input set %s on cognito-local', (_name, set) => {
  it('CREATE returns the input; READ with only the identifier shows no drift and equals what CREATE returned', async () => {
    const poolId = await cognito.createPool(contractTestPool());
    const input = forPool(set.create, poolId);
    const created = await cognito.handle('CREATE', input);
    expect(created).toMatchObject({ status: 'SUCCESS' });
    expect(created.errorCode).toBeUndefined();
    expect(driftBetween(input, created.resourceModel)).toEqual([]);
    const read = await cognito.handle('READ', { UserPoolId: poolId, ...named(input) });
    expect(read.status).toBe('SUCCESS');
    expect(driftBetween(input, read.resourceModel)).toEqual([]);
    expect(read.resourceModel).toEqual(created.resourceModel);
    // Write-only properties and the ownership marker are never returned.
    expect(read.resourceModel).not.toHaveProperty('Schema');
    expect(JSON.stringify(read.resourceModel)).not.toContain(OWNERSHIP_TAG_KEY);
  });

  it('UPDATE (the create model overlaid with the update input, as cfn test does) shows no drift on READ', async () => {
    const poolId = await cognito.createPool(contractTestPool());
    const createInput = forPool(set.create, poolId);
    expect((await cognito.handle('CREATE', createInput)).status).toBe('SUCCESS');
    const updateInput = { ...createInput, ...forPool(set.update, poolId) };
    const updated = await cognito.handle('UPDATE', updateInput, createInput);
    expect(updated.status).toBe('SUCCESS');
    expect(driftBetween(updateInput, updated.resourceModel)).toEqual([]);
    const read = await cognito.handle('READ', { UserPoolId: poolId, ...named(updateInput) });
    expect(driftBetween(updateInput, read.resourceModel)).toEqual([]);
    expect(read.resourceModel).toEqual(updated.resourceModel);
  });

  it('the invalid input fails with InvalidRequest and leaves the pool exactly as it was', async () => {
    const poolId = await cognito.createPool(contractTestPool());
    const before = await cognito.describe(poolId);
    cognito.proxy.resetCounts();
    const event = await cognito.handle('CREATE', forPool(set.invalid, poolId));
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toBeTruthy();
    expect(await cognito.describe(poolId)).toEqual(before);
  });
});
