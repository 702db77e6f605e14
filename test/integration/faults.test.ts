import { conflictRetry } from '../../engine/retry';
import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();

beforeAll(() => {
  conflictRetry.sleep = () => Promise.resolve();
});

afterEach(() => cognito.proxy.clearFaults());

async function managedPool(): Promise<string> {
  const poolId = await cognito.createPool();
  const created = await cognito.handle('CREATE', { UserPoolId: poolId });
  expect(created.status).toBe('SUCCESS');
  return poolId;
}

const change = (poolId: string) => ({ UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 17 } } });

describe('Cognito answering with errors for a while', () => {
  it('retries TooManyRequestsException in the SDK and ends in SUCCESS', async () => {
    const poolId = await managedPool();
    cognito.proxy.inject({ operation: 'UpdateUserPool', errorName: 'TooManyRequestsException', times: 2 });
    const event = await cognito.handle('UPDATE', change(poolId));
    expect(event.status).toBe('SUCCESS');
    expect((await cognito.describe(poolId)).Policies?.PasswordPolicy?.MinimumLength).toBe(17);
  }, 30_000);

  it('fails with Throttling when throttling outlasts the retries, and the pool is unchanged', async () => {
    const poolId = await managedPool();
    const before = await cognito.describe(poolId);
    cognito.proxy.inject({ operation: 'UpdateUserPool', errorName: 'TooManyRequestsException', times: 100 });
    const event = await cognito.handle('UPDATE', change(poolId));
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'Throttling' });
    expect(await cognito.describe(poolId)).toEqual(before);
  }, 60_000);

  it('retries ConcurrentModificationException from a fresh read and ends in SUCCESS', async () => {
    const poolId = await managedPool();
    cognito.proxy.inject({ operation: 'UpdateUserPool', errorName: 'ConcurrentModificationException', times: 2 });
    cognito.proxy.resetCounts();
    const event = await cognito.handle('UPDATE', change(poolId));
    expect(event.status).toBe('SUCCESS');
    expect(cognito.proxy.counts().DescribeUserPool).toBe(3);
  });

  it('fails with ResourceConflict when the conflict persists, and the pool is unchanged', async () => {
    const poolId = await managedPool();
    const before = await cognito.describe(poolId);
    cognito.proxy.inject({ operation: 'UpdateUserPool', errorName: 'ConcurrentModificationException', times: 100 });
    const event = await cognito.handle('UPDATE', change(poolId));
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'ResourceConflict' });
    expect(await cognito.describe(poolId)).toEqual(before);
  });

  it('undoes UpdateUserPool when SetUserPoolMfaConfig then fails: never a half-applied pool', async () => {
    const poolId = await managedPool();
    const before = await cognito.describe(poolId);
    cognito.proxy.inject({ operation: 'SetUserPoolMfaConfig', errorName: 'InvalidParameterException', times: 1 });
    const event = await cognito.handle('UPDATE', {
      ...change(poolId),
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    const after = await cognito.describe(poolId);
    // Any UpdateUserPool, the restoring one included, leaves out the legacy member Cognito
    // derives from TemporaryPasswordValidityDays; everything else is as it was.
    const settings = ({ LastModifiedDate: _modified, AdminCreateUserConfig, ...rest }: typeof before) => {
      const { UnusedAccountValidityDays: _legacy, ...config } = AdminCreateUserConfig ?? {};
      return { ...rest, AdminCreateUserConfig: config };
    };
    expect(settings(after)).toEqual(settings(before));
  }, 60_000);

  it('waits for IAM propagation of the SMS role with IN_PROGRESS, then succeeds', async () => {
    const poolId = await managedPool();
    cognito.proxy.inject({
      operation: 'UpdateUserPool',
      errorName: 'InvalidSmsRoleTrustRelationshipException',
      times: 2,
    });
    const event = await cognito.handle('UPDATE', change(poolId));
    expect(event.status).toBe('SUCCESS');
    expect((await cognito.describe(poolId)).Policies?.PasswordPolicy?.MinimumLength).toBe(17);
  });
});
