import { useLocalCognito } from './harness';

const cognito = useLocalCognito();

/** Runs LIST page by page, as CloudFormation and the contract tests do, counting each invocation's calls. */
async function listAll(run: (nextToken?: string) => ReturnType<typeof cognito.run>) {
  const found: Record<string, unknown>[] = [];
  const callsPerInvocation: number[] = [];
  let nextToken: string | undefined;
  do {
    cognito.proxy.resetCounts();
    const event = (await run(nextToken)) as Awaited<ReturnType<typeof cognito.run>> & { nextToken?: string };
    expect(event.status).toBe('SUCCESS');
    callsPerInvocation.push(cognito.proxy.calls.length);
    found.push(...(event.resourceModels ?? []));
    nextToken = event.nextToken;
  } while (nextToken);
  return { found, callsPerInvocation };
}

describe('LIST in bounded pages', () => {
  it('over 200 pools with 7 managed returns exactly those 7, never more than 61 Cognito calls in one invocation', async () => {
    const poolIds: string[] = [];
    for (let batch = 0; batch < 200; batch += 20) {
      poolIds.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, index) => cognito.createPool({ PoolName: `list-${batch + index}` })),
        )),
      );
    }
    const managed = [3, 40, 61, 99, 120, 180, 199].map((index) => poolIds[index]);
    for (const poolId of managed) {
      expect((await cognito.handle('CREATE', { UserPoolId: poolId })).status).toBe('SUCCESS');
    }
    const { found, callsPerInvocation } = await listAll((nextToken) => cognito.run({ action: 'LIST', nextToken }));
    expect(found.map((model) => model.UserPoolId).sort()).toEqual([...managed].sort());
    expect(callsPerInvocation.length).toBe(4); // 60 + 60 + 60 + 20 pools
    expect(Math.max(...callsPerInvocation)).toBeLessThanOrEqual(61);
    // READ agrees with LIST on which pools are managed.
    expect((await cognito.handle('READ', { UserPoolId: managed[0] })).status).toBe('SUCCESS');
    expect((await cognito.handle('READ', { UserPoolId: poolIds[0] })).errorCode).toBe('NotFound');
  }, 120_000);

  it('pages an app client LIST through ListUserPoolClients: 130 clients, 5 managed, at most 2 calls an invocation', async () => {
    const poolId = await cognito.createPool({ PoolName: 'many-clients' });
    const clientIds: string[] = [];
    for (let batch = 0; batch < 130; batch += 26) {
      clientIds.push(
        ...(await Promise.all(
          Array.from({ length: 26 }, (_, index) =>
            cognito.createClient(poolId, { ClientName: `tenant-${batch + index}` }),
          ),
        )),
      );
    }
    const managed = [0, 59, 60, 100, 129].map((index) => clientIds[index]);
    for (const clientId of managed) {
      expect((await cognito.handleClient('CREATE', { UserPoolId: poolId, ClientId: clientId })).status).toBe('SUCCESS');
    }
    const { found, callsPerInvocation } = await listAll((nextToken) =>
      cognito.runClient({ action: 'LIST', properties: { UserPoolId: poolId }, nextToken }),
    );
    expect(found.map((model) => model.ClientId).sort()).toEqual([...managed].sort());
    expect(callsPerInvocation).toEqual([2, 2, 2]);
  }, 120_000);

  it('a malformed nextToken is InvalidRequest', async () => {
    const event = await cognito.run({ action: 'LIST', nextToken: 'bm90IG91cnM' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
  });
});
