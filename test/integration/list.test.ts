import { useLocalCognito } from '../support/localCognito';

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
    // One page of ownership records (at most 10), then the pools earlier versions claimed with
    // a tag: ListUserPools pages of 60 + 60 + 60 + 20 pools.
    expect(callsPerInvocation.length).toBe(5);
    expect(Math.max(...callsPerInvocation)).toBeLessThanOrEqual(61);
    // READ agrees with LIST on which pools are managed.
    expect((await cognito.handle('READ', { UserPoolId: managed[0] })).status).toBe('SUCCESS');
    expect((await cognito.handle('READ', { UserPoolId: poolIds[0] })).errorCode).toBe('NotFound');
  }, 120_000);

  it('app clients: 120 clients on a pool that already has 49 tags are each claimed, read, updated, listed and deleted; the pool tags never change', async () => {
    const tags = Object.fromEntries(Array.from({ length: 49 }, (_, index) => [`own-${index}`, 'v']));
    const poolId = await cognito.createPool({ PoolName: 'many-tenants', UserPoolTags: tags });
    const clientIds: string[] = [];
    for (let batch = 0; batch < 120; batch += 24) {
      clientIds.push(
        ...(await Promise.all(
          Array.from({ length: 24 }, (_, index) =>
            cognito.createClient(poolId, { ClientName: `tenant-${batch + index}` }),
          ),
        )),
      );
    }
    const unmanaged = await cognito.createClient(poolId, { ClientName: 'not-managed' });
    const ids = (clientId: string) => ({ UserPoolId: poolId, ClientId: clientId });
    for (const action of ['CREATE', 'READ', 'UPDATE'] as const) {
      const events = await Promise.all(
        clientIds.map((clientId) =>
          cognito.handleClient(action, { ...ids(clientId), AuthSessionValidity: 4 }, ids(clientId)),
        ),
      );
      expect(events.filter((event) => event.status !== 'SUCCESS')).toEqual([]);
    }
    expect((await cognito.describe(poolId)).UserPoolTags).toEqual(tags);

    // LIST: one page of at most 10 ownership parameters per invocation, each client checked to exist.
    const { found, callsPerInvocation } = await listAll((nextToken) =>
      cognito.runClient({ action: 'LIST', properties: { UserPoolId: poolId }, nextToken }),
    );
    expect(found.map((model) => model.ClientId).sort()).toEqual([...clientIds].sort());
    expect(found.map((model) => model.ClientId)).not.toContain(unmanaged);
    // 12 pages of ownership records, then the one page of clients claimed by a pool tag.
    expect(callsPerInvocation.length).toBe(13);
    expect(Math.max(...callsPerInvocation)).toBeLessThanOrEqual(12);

    const deleted = await Promise.all(clientIds.map((clientId) => cognito.handleClient('DELETE', ids(clientId))));
    expect(deleted.filter((event) => event.status !== 'SUCCESS')).toEqual([]);
    expect((await cognito.describe(poolId)).UserPoolTags).toEqual(tags);
    const left = [...cognito.proxy.parameterStore.parameters.keys()].filter((name) => name.includes(poolId));
    expect(left).toEqual([]);
  }, 120_000);

  it('concurrent CREATEs of one app client from three stacks: exactly one wins, the others are AlreadyExists naming the winner', async () => {
    const poolId = await cognito.createPool({ PoolName: 'race' });
    const clientId = await cognito.createClient(poolId, { ClientName: 'contested' });
    const properties = { UserPoolId: poolId, ClientId: clientId, AuthSessionValidity: 5 };
    // Three stacks: one stack's own resource never races itself (CloudFormation runs its
    // operations one at a time), and a CREATE from the claim's own stack carries on.
    const stack = (name: string) => `arn:aws:cloudformation:us-east-1:123456789012:stack/${name}/1`;
    const events = await Promise.all(
      ['a', 'b', 'c'].map((name) => cognito.runClient({ action: 'CREATE', properties, stackId: stack(name) })),
    );
    expect(events.map((event) => event.status).sort()).toEqual(['FAILED', 'FAILED', 'SUCCESS']);
    for (const event of events.filter((candidate) => candidate.status === 'FAILED')) {
      expect(event.errorCode).toBe('AlreadyExists');
      expect(event.message).toContain('in stack arn:aws:cloudformation:');
    }
  });

  it('a malformed nextToken is InvalidRequest', async () => {
    const event = await cognito.run({ action: 'LIST', nextToken: 'bm90IG91cnM' });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
  });
});
