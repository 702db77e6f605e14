import { isDeepStrictEqual } from 'node:util';
import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();
// A documented rate for the test: 10 requests per second per category, as Cognito
// enforces per account and Region (its defaults are on the "Quotas" page).
const QUOTA = { ratePerSecond: 10 };

/** A pool without the describe-only members that change on any write. */
function settingsOf(pool: Record<string, unknown>): Record<string, unknown> {
  const { LastModifiedDate: _modified, ...settings } = pool;
  return settings;
}

afterEach(() => cognito.proxy.enforceQuotas(undefined));

describe("under Cognito's request quotas, many operations at once", () => {
  it('50 concurrent UPDATEs on 50 pools end SUCCESS or Throttling, each pool fully written or untouched', async () => {
    const poolIds = await Promise.all(Array.from({ length: 50 }, () => cognito.createPool(undefined)));
    for (const poolId of poolIds)
      expect((await cognito.handle('CREATE', { UserPoolId: poolId })).status).toBe('SUCCESS');
    const before = await Promise.all(poolIds.map((poolId) => cognito.proxy.describe(poolId)));

    cognito.proxy.enforceQuotas(QUOTA);
    const declared = poolIds.map((poolId, index) => ({
      UserPoolId: poolId,
      Policies: { PasswordPolicy: { MinimumLength: 13 + (index % 10) } },
      DeletionProtection: 'ACTIVE',
      UserPoolTags: { wave: `w${index}` },
    }));
    const events = await Promise.all(declared.map((properties) => cognito.handle('UPDATE', properties)));
    const throttledCalls = Object.values(cognito.proxy.throttled).reduce((sum, count) => sum + count, 0);
    cognito.proxy.enforceQuotas(undefined);

    expect(throttledCalls).toBeGreaterThan(0);
    for (const [index, event] of events.entries()) {
      expect(['SUCCESS', 'FAILED:Throttling']).toContain(
        event.status === 'SUCCESS' ? 'SUCCESS' : `FAILED:${event.errorCode}`,
      );
      const after = await cognito.proxy.describe(poolIds[index]);
      const expected =
        event.status === 'SUCCESS'
          ? {
              ...before[index],
              Policies: {
                ...before[index].Policies,
                PasswordPolicy: { ...before[index].Policies.PasswordPolicy, MinimumLength: 13 + (index % 10) },
              },
              DeletionProtection: 'ACTIVE',
              UserPoolTags: { ...before[index].UserPoolTags, wave: `w${index}` },
            }
          : before[index];
      // Whatever the outcome: every declared setting holds or none was written, nothing else changed.
      expect({ pool: index, status: event.status, after: settingsOf(after) }).toEqual({
        pool: index,
        status: event.status,
        after: settingsOf(expected),
      });
    }
  }, 180_000);

  it('READ, LIST and DELETE under the quota end SUCCESS or a clear Throttling', async () => {
    const poolIds = await Promise.all(Array.from({ length: 20 }, () => cognito.createPool(undefined)));
    for (const poolId of poolIds) await cognito.handle('CREATE', { UserPoolId: poolId });
    cognito.proxy.enforceQuotas(QUOTA);
    const outcomes = await Promise.all([
      ...poolIds.map((poolId) => cognito.handle('READ', { UserPoolId: poolId })),
      cognito.run({ action: 'LIST' }),
      ...poolIds.slice(0, 10).map((poolId) => cognito.handle('DELETE', { UserPoolId: poolId })),
    ]);
    cognito.proxy.enforceQuotas(undefined);
    for (const event of outcomes) {
      expect(event.status === 'SUCCESS' || (event.status === 'FAILED' && event.errorCode === 'Throttling')).toBe(true);
      if (event.errorCode === 'Throttling') expect(event.message).toMatch(/TooManyRequestsException/);
    }
  }, 180_000);

  it('50 concurrent app client UPDATEs end SUCCESS or Throttling, each client fully written or untouched', async () => {
    // A pool without tags of its own: each managed client's marker is one of its 50 tags.
    const poolId = await cognito.createPool({ PoolName: 'many-clients' });
    const clientIds = await Promise.all(
      Array.from({ length: 50 }, (_, index) => cognito.createClient(poolId, { ClientName: `c${index}` })),
    );
    for (const clientId of clientIds) {
      expect((await cognito.handleClient('CREATE', { UserPoolId: poolId, ClientId: clientId })).status).toBe('SUCCESS');
    }
    const before = await Promise.all(clientIds.map((clientId) => cognito.describeClient(poolId, clientId)));
    cognito.proxy.enforceQuotas(QUOTA);
    const events = await Promise.all(
      clientIds.map((clientId, index) =>
        cognito.handleClient('UPDATE', {
          UserPoolId: poolId,
          ClientId: clientId,
          AuthSessionValidity: 4 + (index % 10),
        }),
      ),
    );
    cognito.proxy.enforceQuotas(undefined);
    for (const [index, event] of events.entries()) {
      expect(event.status === 'SUCCESS' || event.errorCode === 'Throttling').toBe(true);
      const after = await cognito.describeClient(poolId, clientIds[index]);
      const expected =
        event.status === 'SUCCESS' ? { ...before[index], AuthSessionValidity: 4 + (index % 10) } : before[index];
      const { LastModifiedDate: _a, ...afterSettings } = after;
      const { LastModifiedDate: _b, ...expectedSettings } = expected;
      expect({ client: index, same: isDeepStrictEqual(afterSettings, expectedSettings) }).toEqual({
        client: index,
        same: true,
      });
    }
  }, 180_000);
});
