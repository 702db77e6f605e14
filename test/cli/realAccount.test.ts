import { accountCredentials, regionForPool, regionOfPoolId } from '../../cli/localRun';
import { previewPlan } from '../../cli/planPreview';
import { connect } from '../../cli/poolConnection';
import { describedProductionPool } from '../support/describedPool';
import { FixtureServer } from '../support/fixtureServer';

/** Runs with only the given AWS_* variables set, as a user's shell might be (the SDK's own notice switch kept). */
async function withEnvironment<T>(variables: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env))
    if (name.startsWith('AWS_') && !name.startsWith('AWS_SDK_JS')) delete process.env[name];
  Object.assign(process.env, variables);
  try {
    return await run();
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

describe('--real reaches the pool where its id says it is', () => {
  it('reads the Region from the pool id', () => {
    expect(regionOfPoolId('eu-west-1_AbC123def')).toBe('eu-west-1');
    expect(regionOfPoolId('us-gov-west-1_AbC123def')).toBe('us-gov-west-1');
    expect(regionOfPoolId('local_abc')).toBeUndefined();
  });

  it("connects in the pool id's Region, not the default one", async () => {
    const connection = await withEnvironment(
      {
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
        AWS_SECRET_ACCESS_KEY: 'example',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      () => connect({ real: true, poolId: 'eu-west-1_AbC123def' }),
    );
    try {
      expect(connection.where).toBe('account, eu-west-1');
      const client = (connection.gateway as unknown as { client: { config: { region: () => Promise<string> } } })
        .client;
      expect(await client.config.region()).toBe('eu-west-1');
    } finally {
      await connection.close();
    }
  });

  it("plan --real signs its calls for the pool id's Region (a recorded endpoint answers them)", async () => {
    const poolId = 'eu-west-1_AbC123def';
    // On the wire, dates are epoch seconds: the fixture leaves them out.
    const { CreationDate: _created, LastModifiedDate: _modified, ...pool } = describedProductionPool();
    const server = new FixtureServer({ pool: { ...pool, Id: poolId } });
    const endpoint = await server.start();
    try {
      const environment = {
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
        AWS_SECRET_ACCESS_KEY: 'example',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint,
        AWS_ENDPOINT_URL_SSM: endpoint,
      };
      await withEnvironment(environment, async () => {
        const connection = await connect({ real: true, poolId });
        try {
          const preview = await previewPlan(connection.gateway, poolId, { DeletionProtection: 'INACTIVE' });
          expect(preview.refusals).toEqual([]);
        } finally {
          await connection.close();
        }
      });
      const describe = server.requests.find((request) => request.operation === 'DescribeUserPool');
      expect(String(describe?.headers.authorization)).toContain('/eu-west-1/cognito-idp/aws4_request');
    } finally {
      await server.stop();
    }
  });

  it('refuses a pool id whose Region disagrees with an explicit AWS_REGION', async () => {
    await withEnvironment({ AWS_REGION: 'us-east-1' }, async () => {
      expect(() => regionForPool('eu-west-1_AbC123def')).toThrow(
        'The pool eu-west-1_AbC123def is in eu-west-1, but AWS_REGION says us-east-1',
      );
    });
  });

  it('without credentials, fails at once and says what to do', async () => {
    const started = Date.now();
    await withEnvironment(
      {
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
        AWS_CONFIG_FILE: '/nonexistent/config',
      },
      async () => {
        await expect(accountCredentials('us-east-1')).rejects.toThrow(/No AWS credentials for --real .*AWS_PROFILE/s);
      },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
