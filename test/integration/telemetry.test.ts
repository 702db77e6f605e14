import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OWNERSHIP_TAG_KEY } from '../../src/ownership';
import { PLACEHOLDER_CREDENTIALS, type CfnRequestOptions, type HandlerAction } from '../support/cfnRequest';
import { FakeCloudWatch, type FakeCloudWatchMode } from '../support/fakeCloudWatch';
import { machineClient } from '../support/productionClient';
import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();
const LOG_GROUP = 'org-cognito-userpoolsettings-logs';
const PROVIDER = {
  logGroupName: LOG_GROUP,
  credentials: {
    accessKeyId: 'AKIAPROVIDEREXAMPLE0',
    secretAccessKey: 'provider-secret-access-key',
    sessionToken: 'provider-session-token',
  },
};
const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', 'AWS_ENDPOINT_URL_CLOUDWATCH', 'AWS_ENDPOINT_URL_S3'];
const fake = new FakeCloudWatch([LOG_GROUP]);

function pointTelemetryAt(endpoint: string): void {
  for (const variable of ENDPOINT_VARIABLES) process.env[variable] = endpoint;
}

beforeAll(async () => pointTelemetryAt(await fake.start()));
afterAll(async () => {
  await fake.stop();
  for (const variable of ENDPOINT_VARIABLES) delete process.env[variable];
});
beforeEach(() => fake.reset());

const withProvider = (request: CfnRequestOptions): CfnRequestOptions => ({ ...request, provider: PROVIDER });

/** Runs CREATE, READ, UPDATE, LIST and DELETE on a new pool, as a stack's life would. */
async function lifecycle(options: (request: CfnRequestOptions) => CfnRequestOptions) {
  const poolId = await cognito.createPool();
  const properties = { UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 14 } } };
  const results: Partial<Record<HandlerAction, Awaited<ReturnType<typeof cognito.run>>>> = {};
  results.CREATE = await cognito.run(options({ action: 'CREATE', properties }));
  results.READ = await cognito.run(options({ action: 'READ', properties: { UserPoolId: poolId } }));
  const updated = { ...properties, DeletionProtection: 'ACTIVE' };
  results.UPDATE = await cognito.run(
    options({ action: 'UPDATE', properties: updated, previousProperties: properties }),
  );
  results.LIST = await cognito.run(options({ action: 'LIST', properties: {} }));
  results.DELETE = await cognito.run(options({ action: 'DELETE', properties: updated }));
  return { poolId, results };
}

describe('provider telemetry (a type registered with a logging configuration)', () => {
  it('Org::Cognito::UserPoolClientSettings logs its writes by member name and never the client secret', async () => {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(poolId, machineClient());
    const secret = String((await cognito.describeClient(poolId, clientId)).ClientSecret);
    const ids = { UserPoolId: poolId, ClientId: clientId };
    const properties = { ...ids, AuthSessionValidity: 12 };
    for (const request of [
      { action: 'CREATE' as const, properties },
      { action: 'READ' as const, properties: ids },
      {
        action: 'UPDATE' as const,
        properties: { ...properties, AuthSessionValidity: 13 },
        previousProperties: properties,
      },
      { action: 'DELETE' as const, properties: ids },
    ]) {
      expect((await cognito.runClient(withProvider(request))).status).toBe('SUCCESS');
    }
    const lines = fake.logEvents.map((event) => event.message);
    expect(lines.some((line) => line.includes(`UpdateUserPoolClient ${poolId}/${clientId}: AuthSessionValidity`))).toBe(
      true,
    );
    expect(lines.some((line) => line.startsWith('[DELETE] SUCCESS'))).toBe(true);
    expect(lines.join('\n')).not.toContain(secret);
    expect(
      fake.metrics.some(
        (metric) => metric.dimensions.DimensionKeyResourceType === 'Org::Cognito::UserPoolClientSettings',
      ),
    ).toBe(true);
  });

  it('delivers the handler log lines to the provider log group and the invocation metrics, when CloudWatch works', async () => {
    const { poolId, results } = await lifecycle(withProvider);
    for (const result of Object.values(results)) expect(result?.status).toBe('SUCCESS');

    const lines = fake.logEvents.filter((event) => event.logGroupName === LOG_GROUP).map((event) => event.message);
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.some((line) => line.includes(`UpdateUserPool ${poolId}`))).toBe(true);
    expect(lines.some((line) => line.startsWith('[DELETE] SUCCESS'))).toBe(true);
    // One stream per stack resource, named without ':' as CloudWatch requires.
    expect(new Set(fake.logEvents.map((event) => event.logStreamName)).size).toBe(1);
    expect(fake.logEvents[0].logStreamName).toMatch(/UserPoolSettings$/);
    expect(fake.logEvents[0].logStreamName).not.toContain(':');

    const invocations = fake.metrics.filter((metric) => metric.metricName === 'HandlerInvocationCount');
    expect(invocations.map((metric) => metric.dimensions.DimensionKeyActionType).sort()).toEqual(
      ['CREATE', 'DELETE', 'LIST', 'READ', 'UPDATE'].sort(),
    );
    expect(invocations[0].namespace).toBe('AWS/CloudFormation/Org/Cognito/UserPoolSettings');
    expect(fake.metrics.filter((metric) => metric.metricName === 'HandlerInvocationDuration')).toHaveLength(5);
  });

  it('never logs the bearer token or any credential', async () => {
    await lifecycle(withProvider);
    const delivered = fake.logEvents.map((event) => event.message).join('\n');
    const secrets = [
      'example-bearer-token',
      ...Object.values(PLACEHOLDER_CREDENTIALS),
      ...Object.values(PROVIDER.credentials),
    ];
    for (const secret of secrets.filter((value) => typeof value === 'string')) {
      expect(delivered).not.toContain(secret);
    }
  });

  it('creates nothing for its own logs: no log group, no S3 bucket, only the log stream it writes to', async () => {
    await lifecycle(withProvider);
    expect(new Set(fake.calls)).toEqual(
      new Set([
        'Logs_20140328.CreateLogStream',
        'Logs_20140328.PutLogEvents',
        'GraniteServiceVersion20100801.PutMetricData',
      ]),
    );
  });

  it('records a failed invocation as a HandlerException metric, with the same error code the handler answers', async () => {
    const event = await cognito.run(
      withProvider({ action: 'READ', properties: { UserPoolId: 'us-east-1_doesnotexist' } }),
    );
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'NotFound' });
    const exception = fake.metrics.find((metric) => metric.metricName === 'HandlerException');
    expect(exception?.dimensions).toMatchObject({
      DimensionKeyActionType: 'READ',
      DimensionKeyExceptionType: 'NotFound',
    });
  });

  it('with provider credentials but no log group name, delivers metrics only', async () => {
    const poolId = await cognito.createPool();
    const event = await cognito.run({
      action: 'CREATE',
      properties: { UserPoolId: poolId },
      provider: { ...PROVIDER, logGroupName: '' },
    });
    expect(event.status).toBe('SUCCESS');
    expect(fake.calls).toEqual(['GraniteServiceVersion20100801.PutMetricData']);
  });

  it('with no such provider log group, delivers metrics, creates no log group, and the result stands', async () => {
    const poolId = await cognito.createPool();
    const event = await cognito.run({
      action: 'CREATE',
      properties: { UserPoolId: poolId },
      provider: { ...PROVIDER, logGroupName: 'no-such-group' },
    });
    expect(event.status).toBe('SUCCESS');
    expect(fake.logEvents).toHaveLength(0);
    expect(fake.metrics.length).toBeGreaterThan(0);
    expect(fake.calls).not.toContain('Logs_20140328.CreateLogGroup');
  });

  const failures: [string, FakeCloudWatchMode][] = [
    ['throttling', 'throttle'],
    ['denying access', 'deny'],
    ['accepting connections and never answering', 'hang'],
  ];
  it.each(failures)('with CloudWatch %s, every action answers exactly as without telemetry', async (_label, mode) => {
    fake.mode = mode;
    const withTelemetry = await lifecycle(withProvider);
    fake.mode = 'ok';
    const without = await lifecycle((request) => request);
    expectSameOutcomes(withTelemetry, without);
    const after = await cognito.describe(withTelemetry.poolId);
    expect(after.DeletionProtection ?? 'ACTIVE').toBe('ACTIVE');
    expect(after.UserPoolTags?.[OWNERSHIP_TAG_KEY]).toBeUndefined();
  });

  it('with CloudWatch unreachable (nothing listening), every action answers exactly as without telemetry', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const fakeEndpoint = process.env.AWS_ENDPOINT_URL_CLOUDWATCH as string;
    pointTelemetryAt(`http://127.0.0.1:${port}`);
    try {
      const withTelemetry = await lifecycle(withProvider);
      pointTelemetryAt(fakeEndpoint);
      expectSameOutcomes(withTelemetry, await lifecycle((request) => request));
    } finally {
      pointTelemetryAt(fakeEndpoint);
    }
  });
});

type Lifecycle = Awaited<ReturnType<typeof lifecycle>>;

// Same status, error code and model per action; models differ only by pool id.
function expectSameOutcomes(actual: Lifecycle, expected: Lifecycle): void {
  const normalise = (run: Lifecycle) =>
    JSON.parse(
      JSON.stringify(
        Object.fromEntries(
          Object.entries(run.results)
            .filter(([action]) => action !== 'LIST')
            .map(([action, event]) => [
              action,
              { status: event?.status, errorCode: event?.errorCode, model: event?.resourceModel },
            ]),
        ),
      )
        .split(run.poolId)
        .join('POOL')
        .replace(/"PoolName":"[^"]*"/g, '"PoolName":"NAME"'),
    );
  expect(normalise(actual)).toEqual(normalise(expected));
  for (const run of [actual, expected]) expect(run.results.LIST?.status).toBe('SUCCESS');
  for (const run of [actual, expected]) expect(run.results.CREATE?.status).toBe('SUCCESS');
}
