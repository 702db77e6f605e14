import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { againstTarget } from '../cli/measureTarget';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { PLACEHOLDER_CREDENTIALS, type CfnRequestOptions } from '../test/support/cfnRequest';
import { startCognitoLocal, exitCleanlyOnSignals } from '../test/support/cognitoLocal';
import { CognitoProxy } from '../test/support/cognitoProxy';
import { endpointEnvironment, pointHandlersAt } from '../test/support/emulatorEndpoints';
import { FakeCloudWatch } from '../test/support/fakeCloudWatch';
import { loadHandler, runToCompletion } from '../test/support/handlerRunner';
import { CLIENT_TYPE_NAME } from '../cli/typeNames';
import { amplifyLikeClient } from '../test/support/productionClient';
import { productionPoolRequest } from '../test/support/productionPool';
import { handlerBundle, projectRoot } from '../cli/projectRoot';

const root = projectRoot();
const BUNDLE = handlerBundle();
const CLIENT_BUNDLE = handlerBundle(CLIENT_TYPE_NAME);
const STOCK = path.join(root, 'dist-stock', 'src', 'handlers.js');
const LOAD_RUNS = 15;
const INVOCATION_RUNS = 15;
const THROUGHPUT_POOLS = 12;
const CONCURRENCY = 4;

type Row = [string, string, string];

/** Cold load over bare node, against the issue's target: within 50 ms of bare Node 22. */
const COLD_LOAD_TARGET_MS = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function loadOnceMs(script: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--no-warnings', '-e', script], { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node -e ${script} failed`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Median load time of each script, the runs interleaved so machine noise hits all alike. */
function loadMs(scripts: string[]): number[] {
  const times = scripts.map(() => [] as number[]);
  for (let run = 0; run < LOAD_RUNS; run += 1) {
    scripts.forEach((script, index) => times[index].push(loadOnceMs(script)));
  }
  return times.map(median);
}

function loadRssMb(script: string): number {
  const output = execFileSync(
    process.execPath,
    ['--no-warnings', '-e', `${script};process.stdout.write(String(process.resourceUsage().maxRSS))`],
    { cwd: root },
  );
  return Number(output.toString()) / 1024;
}

/** Runs as a child process: one CREATE through the bundle, then prints its peak RSS. */
async function memoryWorker(poolId: string): Promise<void> {
  const entrypoint = loadHandler(BUNDLE);
  console.log = () => undefined;
  const { event } = await runToCompletion(entrypoint, {
    action: 'CREATE',
    properties: { UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 15 } } },
  });
  if (event.status !== 'SUCCESS') throw new Error(`CREATE failed: ${event.message}`);
  process.stdout.write(String(process.resourceUsage().maxRSS));
}

/** Runs as a child process, like one Lambda instance: CREATE+UPDATE+DELETE per pool, in turn. */
async function throughputWorker(poolIds: string[]): Promise<void> {
  const entrypoint = loadHandler(BUNDLE);
  console.log = () => undefined;
  for (const poolId of poolIds) {
    for (const request of [
      { action: 'CREATE', properties: { UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 13 } } } },
      { action: 'UPDATE', properties: { UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 14 } } } },
      { action: 'DELETE', properties: { UserPoolId: poolId } },
    ] as CfnRequestOptions[]) {
      const { event } = await runToCompletion(entrypoint, request);
      if (event.status !== 'SUCCESS') throw new Error(`${request.action} failed: ${event.message}`);
    }
  }
}

function runWorker(args: string[], endpoint: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', __filename, ...args], {
      env: { ...process.env, ...endpointEnvironment(endpoint) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`worker ${args[0]} exited ${code}`))));
  });
}

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < INVOCATION_RUNS; index += 1) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

/**
 * What one no-op UPDATE costs through the entrypoint, against its one DescribeUserPool
 * alone: through this type's invocation path, through the lib's stock `entrypoint`
 * (the same handlers), and with provider telemetry on against a local CloudWatch fake
 * that works, that never answers, and that is not there at all.
 */
async function invocationRows(
  entrypoint: ReturnType<typeof loadHandler>,
  client: CognitoIdentityProviderClient,
  proxied: string,
  poolId: string,
): Promise<Row[]> {
  const properties = { UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 13 } } };
  const created = await runToCompletion(entrypoint, { action: 'CREATE', properties });
  if (created.event.status !== 'SUCCESS') throw new Error(`CREATE failed: ${created.event.message}`);
  const noOpUpdate =
    (options: Partial<CfnRequestOptions> = {}) =>
    async () => {
      const { event } = await runToCompletion(entrypoint, { action: 'UPDATE', properties, ...options });
      if (event.status !== 'SUCCESS') throw new Error(`no-op UPDATE failed: ${event.message}`);
    };
  const describeClient = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: PLACEHOLDER_CREDENTIALS,
    endpoint: proxied,
  });
  const describe = await medianMs(() => describeClient.send(new DescribeUserPoolCommand({ UserPoolId: poolId })));
  describeClient.destroy();
  const ours = await medianMs(noOpUpdate());

  // The lib's own entrypoint, on the same handlers from the unbundled build.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const stockResource = (require(STOCK) as { resource: object }).resource;
  const { BaseResource } = require('@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib') as {
    BaseResource: { prototype: { entrypoint: (event: unknown, context: unknown) => Promise<unknown> } };
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const stockEntrypoint = (event: unknown, context: unknown) =>
    BaseResource.prototype.entrypoint.call(stockResource, event, context);
  const stock = await medianMs(async () => {
    const { event } = await runToCompletion(stockEntrypoint, { action: 'UPDATE', properties });
    if (event.status !== 'SUCCESS') throw new Error(`stock no-op UPDATE failed: ${event.message}`);
  });

  const fake = new FakeCloudWatch(['bench-provider-logs']);
  const fakeEndpoint = await fake.start();
  const provider = { logGroupName: 'bench-provider-logs', credentials: PLACEHOLDER_CREDENTIALS };
  const telemetryVariables = ['AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', 'AWS_ENDPOINT_URL_CLOUDWATCH'];
  const pointTelemetryAt = (endpoint: string) => telemetryVariables.forEach((name) => (process.env[name] = endpoint));
  try {
    pointTelemetryAt(fakeEndpoint);
    const withTelemetry = await medianMs(noOpUpdate({ provider }));
    const delivered = fake.logEvents.length;
    fake.mode = 'hang';
    const hanging = await medianMs(noOpUpdate({ provider }));
    fake.mode = 'ok';
    pointTelemetryAt('http://127.0.0.1:9');
    const unreachable = await medianMs(noOpUpdate({ provider }));
    const over = (ms: number) => `+${(ms - describe).toFixed(0)} ms over its DescribeUserPool`;
    return [
      [
        'Invocation: DescribeUserPool alone (emulator)',
        `${describe.toFixed(1)} ms`,
        'the one call a no-op UPDATE makes',
      ],
      [
        'Invocation: no-op UPDATE, this type',
        `${ours.toFixed(0)} ms`,
        `${over(ours)} ${againstTarget(ours - describe, 50)}`,
      ],
      [
        'Invocation: no-op UPDATE, stock lib entrypoint',
        `${stock.toFixed(0)} ms`,
        `${over(stock)}; the lib's fixed 1 s wait`,
      ],
      [
        'Invocation: no-op UPDATE, provider telemetry on',
        `${withTelemetry.toFixed(0)} ms`,
        `${over(withTelemetry)}; ${delivered} log lines delivered to the fake`,
      ],
      [
        'Invocation: no-op UPDATE, CloudWatch never answers',
        `${hanging.toFixed(0)} ms`,
        `${over(hanging)}; bounded by the telemetry budget, result SUCCESS`,
      ],
      [
        'Invocation: no-op UPDATE, CloudWatch unreachable',
        `${unreachable.toFixed(0)} ms`,
        `${over(unreachable)}; result SUCCESS`,
      ],
    ];
  } finally {
    telemetryVariables.forEach((name) => delete process.env[name]);
    await fake.stop();
  }
}

function split<T>(items: T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, index) => items.filter((_, item) => item % parts === index));
}

type Entrypoint = ReturnType<typeof loadHandler>;

const LIST_POOLS = 1000;
const CONCURRENT = 50;
/** The request rate the quota rows use, per operation category (Cognito's defaults are on its "Quotas" page). */
const QUOTA_RPS = 10;

function viaProxyClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: PLACEHOLDER_CREDENTIALS, endpoint });
}

/** LIST of many pools page by page, and many concurrent UPDATEs under a request quota. */
async function scaleRows(
  entrypoint: Entrypoint,
  clientEntrypoint: Entrypoint,
  emulator: CognitoIdentityProviderClient,
  viaProxy: CognitoIdentityProviderClient,
  proxy: CognitoProxy,
): Promise<Row[]> {
  const rows: Row[] = [];
  const created: string[] = [];
  for (let start = 0; start < LIST_POOLS; start += 50) {
    created.push(
      ...(await Promise.all(
        Array.from({ length: 50 }, async (_, index) => {
          const answer = await emulator.send(new CreateUserPoolCommand({ PoolName: `bench-list-${start + index}` }));
          return answer.UserPool?.Id ?? '';
        }),
      )),
    );
  }
  const managed = created.filter((_, index) => index % 100 === 7);
  for (const poolId of managed)
    await runToCompletion(entrypoint, { action: 'CREATE', properties: { UserPoolId: poolId } });

  const listAll = async () => {
    let nextToken: string | undefined;
    let pages = 0;
    let most = 0;
    let found = 0;
    const started = Date.now();
    const throttledSoFar = () => Object.values(proxy.throttled).reduce((sum, count) => sum + count, 0);
    do {
      proxy.resetCounts();
      const throttledBefore = throttledSoFar();
      const { event } = await runToCompletion(entrypoint, { action: 'LIST', nextToken });
      if (event.status !== 'SUCCESS') throw new Error(`LIST failed: ${event.errorCode} ${event.message}`);
      pages += 1;
      // Calls that got through; a throttled request is sent again by the SDK and counted once.
      most = Math.max(most, proxy.calls.length - (throttledSoFar() - throttledBefore));
      found += event.resourceModels?.length ?? 0;
      nextToken = (event as { nextToken?: string }).nextToken;
    } while (nextToken);
    return { pages, most, found, seconds: (Date.now() - started) / 1000 };
  };
  // cognito-local answers every pool at once when asked directly.
  const total = (await emulator.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.length ?? 0;
  const open = await listAll();
  rows.push([
    `LIST over ${total} pools (${managed.length} managed), emulator`,
    `${open.seconds.toFixed(1)} s`,
    `${open.pages} invocations, at most ${open.most} Cognito calls in one ${againstTarget(open.most, 61)}; ${open.found} found`,
  ]);
  proxy.enforceQuotas({ ratePerSecond: QUOTA_RPS });
  const limited = await listAll();
  const throttledList = Object.values(proxy.throttled).reduce((sum, count) => sum + count, 0);
  rows.push([
    `LIST over ${total} pools under a ${QUOTA_RPS} RPS quota per category`,
    `${limited.seconds.toFixed(1)} s`,
    `${limited.pages} invocations, at most ${limited.most} Cognito calls in one; ${throttledList} requests answered TooManyRequestsException and retried; ${limited.found} found`,
  ]);
  proxy.enforceQuotas(undefined);

  const concurrentRow = async (label: string, requests: CfnRequestOptions[], handler: Entrypoint) => {
    proxy.enforceQuotas({ ratePerSecond: QUOTA_RPS });
    const started = Date.now();
    const events = await Promise.all(requests.map((request) => runToCompletion(handler, request)));
    const seconds = (Date.now() - started) / 1000;
    const throttled = Object.values(proxy.throttled).reduce((sum, count) => sum + count, 0);
    proxy.enforceQuotas(undefined);
    const succeeded = events.filter(({ event }) => event.status === 'SUCCESS').length;
    const throttledOut = events.filter(({ event }) => event.errorCode === 'Throttling').length;
    rows.push([
      label,
      `${seconds.toFixed(1)} s`,
      `${succeeded} SUCCESS, ${throttledOut} Throttling, ${events.length - succeeded - throttledOut} other; ${throttled} calls answered TooManyRequestsException and retried`,
    ]);
  };
  const updatePools = managed.slice(0, Math.min(managed.length, CONCURRENT));
  const morePools = created.filter((id) => !managed.includes(id)).slice(0, CONCURRENT - updatePools.length);
  for (const poolId of morePools)
    await runToCompletion(entrypoint, { action: 'CREATE', properties: { UserPoolId: poolId } });
  await concurrentRow(
    `${CONCURRENT} concurrent UPDATEs on ${CONCURRENT} pools, ${QUOTA_RPS} RPS quota`,
    [...updatePools, ...morePools].map((poolId, index) => ({
      action: 'UPDATE',
      properties: { UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 10 + (index % 10) } } },
    })),
    entrypoint,
  );
  const clientPool =
    (await emulator.send(new CreateUserPoolCommand({ PoolName: 'bench-quota-clients' }))).UserPool?.Id ?? '';
  const clientIds: string[] = [];
  for (let index = 0; index < CONCURRENT; index += 1) {
    const answer = await viaProxy.send(
      new CreateUserPoolClientCommand({ UserPoolId: clientPool, ClientName: `c${index}` }),
    );
    clientIds.push(answer.UserPoolClient?.ClientId ?? '');
  }
  for (const clientId of clientIds) {
    await runToCompletion(clientEntrypoint, {
      action: 'CREATE',
      resourceType: CLIENT_TYPE_NAME,
      properties: { UserPoolId: clientPool, ClientId: clientId },
    });
  }
  rows.push(await manyClientsRow(clientEntrypoint, emulator, viaProxy, proxy));
  await concurrentRow(
    `${CONCURRENT} concurrent app client UPDATEs, ${QUOTA_RPS} RPS quota`,
    clientIds.map((clientId, index) => ({
      action: 'UPDATE',
      resourceType: CLIENT_TYPE_NAME,
      properties: { UserPoolId: clientPool, ClientId: clientId, AuthSessionValidity: 4 + (index % 10) },
    })),
    clientEntrypoint,
  );
  return rows;
}

const MANY_CLIENTS = 1000;

/** 1,000 app clients on one pool that already has 49 tags: each claimed, read, updated, listed and deleted. */
async function manyClientsRow(
  clientEntrypoint: Entrypoint,
  emulator: CognitoIdentityProviderClient,
  viaProxy: CognitoIdentityProviderClient,
  proxy: CognitoProxy,
): Promise<Row> {
  const tags = Object.fromEntries(Array.from({ length: 49 }, (_, index) => [`own-${index}`, 'v']));
  const poolId =
    (await emulator.send(new CreateUserPoolCommand({ PoolName: 'bench-many-clients', UserPoolTags: tags }))).UserPool
      ?.Id ?? '';
  const clientIds: string[] = [];
  for (let start = 0; start < MANY_CLIENTS; start += 50) {
    clientIds.push(
      ...(await Promise.all(
        Array.from({ length: 50 }, async (_, index) => {
          const answer = await viaProxy.send(
            new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: `tenant-${start + index}` }),
          );
          return answer.UserPoolClient?.ClientId ?? '';
        }),
      )),
    );
  }
  const started = Date.now();
  const failures: string[] = [];
  for (const action of ['CREATE', 'READ', 'UPDATE'] as const) {
    for (let start = 0; start < clientIds.length; start += 25) {
      const events = await Promise.all(
        clientIds.slice(start, start + 25).map((clientId) =>
          runToCompletion(clientEntrypoint, {
            action,
            resourceType: CLIENT_TYPE_NAME,
            properties: { UserPoolId: poolId, ClientId: clientId, AuthSessionValidity: 4 },
          }),
        ),
      );
      failures.push(
        ...events.filter(({ event }) => event.status !== 'SUCCESS').map(({ event }) => `${action} ${event.errorCode}`),
      );
    }
  }
  let pages = 0;
  let most = 0;
  let found = 0;
  let nextToken: string | undefined;
  do {
    proxy.resetCounts();
    const { event } = await runToCompletion(clientEntrypoint, {
      action: 'LIST',
      resourceType: CLIENT_TYPE_NAME,
      properties: { UserPoolId: poolId },
      nextToken,
    });
    pages += 1;
    most = Math.max(most, proxy.calls.length);
    found += event.resourceModels?.length ?? 0;
    nextToken = (event as { nextToken?: string }).nextToken;
  } while (nextToken);
  for (let start = 0; start < clientIds.length; start += 25) {
    const events = await Promise.all(
      clientIds.slice(start, start + 25).map((clientId) =>
        runToCompletion(clientEntrypoint, {
          action: 'DELETE',
          resourceType: CLIENT_TYPE_NAME,
          properties: { UserPoolId: poolId, ClientId: clientId },
        }),
      ),
    );
    failures.push(
      ...events.filter(({ event }) => event.status !== 'SUCCESS').map(({ event }) => `DELETE ${event.errorCode}`),
    );
  }
  const seconds = (Date.now() - started) / 1000;
  const tagsAfter = Object.keys(
    (await emulator.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.UserPoolTags ?? {},
  );
  return [
    `${MANY_CLIENTS} app clients on one pool with 49 tags: CREATE, READ, UPDATE, LIST, DELETE`,
    `${seconds.toFixed(1)} s`,
    `${failures.length} failures; LIST ${pages} invocations, at most ${most} calls in one, ${found} found; pool tags after: ${tagsAfter.length}`,
  ];
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const progress = (message: string) => process.stderr.write(`… ${message}\n`);

  progress('building the stock unbundled handler (tsc output + node_modules) for comparison');
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', 'dist-stock'],
    {
      cwd: root,
    },
  );

  progress(`cold load, median of ${LOAD_RUNS} interleaved runs each`);
  const [bare, bundled, stock, clientBundled] = loadMs([
    '',
    `require(${JSON.stringify(BUNDLE)})`,
    `require(${JSON.stringify(STOCK)})`,
    `require(${JSON.stringify(CLIENT_BUNDLE)})`,
  ]);
  rows.push([`Cold load: bare \`node\` ${process.version}`, `${bare.toFixed(0)} ms`, 'baseline']);
  rows.push([
    'Cold load: bundled handler',
    `${bundled.toFixed(0)} ms`,
    `+${(bundled - bare).toFixed(0)} ms over bare node ${againstTarget(bundled - bare, COLD_LOAD_TARGET_MS)}`,
  ]);
  rows.push([
    'Cold load: app client type, bundled handler',
    `${clientBundled.toFixed(0)} ms`,
    `+${(clientBundled - bare).toFixed(0)} ms over bare node ${againstTarget(clientBundled - bare, COLD_LOAD_TARGET_MS)}`,
  ]);
  rows.push([
    'Cold load: stock (tsc + node_modules, aws-sdk v2)',
    `${stock.toFixed(0)} ms`,
    `+${(stock - bare).toFixed(0)} ms over bare node`,
  ]);
  const bareRss = loadRssMb('');
  rows.push([
    'Memory after load: bundled / stock',
    `${(loadRssMb(`require(${JSON.stringify(BUNDLE)})`) - bareRss).toFixed(0)} MB / ${(loadRssMb(`require(${JSON.stringify(STOCK)})`) - bareRss).toFixed(0)} MB`,
    'RSS above bare node',
  ]);

  progress('packaging');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildPackage } = require(path.join(root, 'scripts', 'package.js'));
  const { providerZipBytes, submissionBytes } = await buildPackage();
  rows.push(['Handler package (ResourceProvider.zip)', `${(providerZipBytes / 1024).toFixed(0)} KiB`, 'target < 2 MB']);
  rows.push(['Submission zip', `${(submissionBytes / 1024).toFixed(0)} KiB`, 'schema, .rpdk-config, inputs, handler']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RESOURCE_TYPES } = require(path.join(root, 'scripts', 'resource-types.js'));
  const clientPackage = await buildPackage({ type: RESOURCE_TYPES[1] });
  rows.push([
    'App client type: handler package / submission zip',
    `${(clientPackage.providerZipBytes / 1024).toFixed(0)} KiB / ${(clientPackage.submissionBytes / 1024).toFixed(0)} KiB`,
    'target < 2 MB',
  ]);

  progress('starting cognito-local');
  const local = await startCognitoLocal();
  const proxy = new CognitoProxy(local.endpoint);
  const proxied = await proxy.start();
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: PLACEHOLDER_CREDENTIALS,
    endpoint: local.endpoint,
  });
  const createPool = async (name: string) =>
    (await client.send(new CreateUserPoolCommand(productionPoolRequest(name)))).UserPool?.Id ?? '';
  try {
    progress('peak memory of a CREATE');
    const memoryPool = await createPool('bench-memory');
    const maxRssKb = Number(await runWorker(['--memory-worker', memoryPool], proxied));
    rows.push([
      'Peak memory of a CREATE (whole process)',
      `${(maxRssKb / 1024).toFixed(0)} MB`,
      'fits a 128 MB Lambda if < 128',
    ]);

    progress('Cognito calls per operation');
    pointHandlersAt(proxied);
    const entrypoint = loadHandler(BUNDLE);
    const quiet = console.log;
    console.log = () => undefined;
    const poolId = await createPool('bench-calls');
    const measure = async (label: string, request: CfnRequestOptions) => {
      proxy.resetCounts();
      const { event } = await runToCompletion(entrypoint, request);
      const calls = Object.entries(proxy.counts())
        .map(([name, count]) => `${name} ×${count}`)
        .join(' + ');
      rows.push([`Calls: ${label}`, String(proxy.calls.length), `${calls || 'none'} (${event.status})`]);
    };
    const base = { UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 13 } } };
    const unchangedPool = await createPool('bench-claim');
    await measure('CREATE (nothing to change: claim only)', {
      action: 'CREATE',
      properties: { UserPoolId: unchangedPool, DeletionProtection: 'INACTIVE' },
    });
    await measure('CREATE (changing)', { action: 'CREATE', properties: base });
    await measure('UPDATE (no-op)', { action: 'UPDATE', properties: base });
    await measure('UPDATE (changing)', { action: 'UPDATE', properties: { ...base, UserPoolTags: { bench: 'yes' } } });
    await measure('UPDATE (changing, MFA declared)', {
      action: 'UPDATE',
      // TOTP next to SMS: Cognito keeps SMS MFA on while the pool has an SMS configuration.
      properties: {
        ...base,
        SoftwareTokenMfaConfiguration: { Enabled: true },
        SmsMfaConfiguration: {},
        MfaConfiguration: 'OPTIONAL',
      },
    });
    await measure('READ', { action: 'READ', properties: { UserPoolId: poolId } });
    await measure('LIST (one page of ownership records, each pool checked to exist)', {
      action: 'LIST',
      properties: {},
    });
    await measure('DELETE', { action: 'DELETE', properties: { UserPoolId: poolId } });
    // The security baseline: a Plus pool, threat protection on, a risk configuration and logs.
    const baselinePool = await createPool('bench-baseline');
    proxy.setTier(baselinePool, 'PLUS');
    const baseline = {
      UserPoolId: baselinePool,
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      RiskConfiguration: { CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } } },
      LogDeliveryConfiguration: {
        LogConfigurations: [
          { EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: 'arn:aws:s3:::bench' } },
        ],
      },
    };
    await measure('CREATE (security baseline: threat protection, risk configuration, logs)', {
      action: 'CREATE',
      properties: baseline,
    });
    await measure('UPDATE (security baseline, no-op)', { action: 'UPDATE', properties: baseline });
    await measure('READ (threat protection on, logs delivered)', {
      action: 'READ',
      properties: { UserPoolId: baselinePool },
    });
    // A second settings resource on the same pool (an app team's), beside the baseline.
    const team = {
      UserPoolId: baselinePool,
      SettingsName: 'app-team',
      LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:123456789012:function:bench-team' },
    };
    await measure('CREATE (a second resource on the pool, its own members)', {
      action: 'CREATE',
      properties: team,
      stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/app-team/1',
      logicalResourceId: 'TeamSettings',
    });
    const asTeam = {
      stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/app-team/1',
      logicalResourceId: 'TeamSettings',
    };
    const newTrigger = {
      ...team,
      LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:123456789012:function:bench-v2' },
    };
    const withTag = { ...newTrigger, UserPoolTags: { team: 'bench' } };
    await measure('UPDATE (the second resource, changing its trigger)', {
      action: 'UPDATE',
      properties: newTrigger,
      ...asTeam,
    });
    await measure('UPDATE (the second resource, adding a member: claimed, then checked)', {
      action: 'UPDATE',
      properties: withTag,
      ...asTeam,
    });
    await measure('UPDATE (the second resource, no-op)', { action: 'UPDATE', properties: withTag, ...asTeam });
    await measure('READ (the second resource: its own share)', {
      action: 'READ',
      properties: { UserPoolId: baselinePool, SettingsName: 'app-team' },
    });

    progress('app client type: Cognito calls per operation');
    const clientEntrypoint = loadHandler(CLIENT_BUNDLE);
    const viaProxy = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      credentials: PLACEHOLDER_CREDENTIALS,
      endpoint: proxied,
    });
    const clientPool = await createPool('bench-clients');
    const appClientId =
      (await viaProxy.send(new CreateUserPoolClientCommand({ ...amplifyLikeClient(), UserPoolId: clientPool })))
        .UserPoolClient?.ClientId ?? '';
    const ids = { UserPoolId: clientPool, ClientId: appClientId };
    const measureClient = async (label: string, request: CfnRequestOptions) => {
      proxy.resetCounts();
      const { event } = await runToCompletion(clientEntrypoint, { ...request, resourceType: CLIENT_TYPE_NAME });
      const calls = Object.entries(proxy.counts())
        .map(([name, count]) => `${name} ×${count}`)
        .join(' + ');
      rows.push([`App client calls: ${label}`, String(proxy.calls.length), `${calls || 'none'} (${event.status})`]);
    };
    const shorter = { ...ids, AccessTokenValidity: 15 };
    await measureClient('CREATE (changing)', { action: 'CREATE', properties: shorter });
    await measureClient('UPDATE (no-op)', { action: 'UPDATE', properties: shorter });
    await measureClient('UPDATE (changing)', { action: 'UPDATE', properties: { ...shorter, AuthSessionValidity: 9 } });
    await measureClient('READ', { action: 'READ', properties: ids });
    await measureClient('LIST (one pool)', { action: 'LIST', properties: { UserPoolId: clientPool } });
    const noOpClient = await medianMs(async () => {
      const { event } = await runToCompletion(clientEntrypoint, {
        action: 'UPDATE',
        properties: { ...shorter, AuthSessionValidity: 9 },
        resourceType: CLIENT_TYPE_NAME,
      });
      if (event.status !== 'SUCCESS') throw new Error(`no-op client UPDATE failed: ${event.message}`);
    });
    const bothReads = await medianMs(() =>
      Promise.all([
        viaProxy.send(new DescribeUserPoolCommand({ UserPoolId: clientPool })),
        viaProxy.send(new DescribeUserPoolClientCommand(ids)),
      ]),
    );
    rows.push([
      'App client no-op UPDATE through the entrypoint',
      `${noOpClient.toFixed(0)} ms`,
      `+${(noOpClient - bothReads).toFixed(0)} ms over DescribeUserPool and DescribeUserPoolClient in parallel (${bothReads.toFixed(0)} ms); its GetParameter runs beside them`,
    ]);
    await measureClient('DELETE', { action: 'DELETE', properties: ids });
    viaProxy.destroy();

    progress(`scale: LIST over ${LIST_POOLS} pools, and ${CONCURRENT} concurrent UPDATEs under a quota`);
    rows.push(...(await scaleRows(entrypoint, clientEntrypoint, client, viaProxyClient(proxied), proxy)));

    progress(`invocation wall time, median of ${INVOCATION_RUNS}`);
    rows.push(...(await invocationRows(entrypoint, client, proxied, await createPool('bench-invocation'))));
    console.log = quiet;

    progress(`throughput: ${THROUGHPUT_POOLS} pools × CREATE+UPDATE+DELETE, ${CONCURRENCY} worker processes`);
    const pools = await Promise.all(
      Array.from({ length: THROUGHPUT_POOLS }, (_, index) => createPool(`bench-${index}`)),
    );
    let started = Date.now();
    await Promise.all(split(pools, CONCURRENCY).map((ids) => runWorker(['--throughput-worker', ...ids], proxied)));
    const handlerSeconds = (Date.now() - started) / 1000;
    const operations = THROUGHPUT_POOLS * 3;
    rows.push([
      'Throughput through the entrypoint',
      `${(operations / handlerSeconds).toFixed(1)} ops/s`,
      `${operations} operations in ${handlerSeconds.toFixed(1)} s, no provider telemetry`,
    ]);

    started = Date.now();
    await Promise.all(
      split(pools, CONCURRENCY).map(async (ids) => {
        for (const id of ids) {
          for (let pair = 0; pair < 3; pair += 1) {
            const pool = (await client.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool;
            await client.send(
              new UpdateUserPoolCommand({ UserPoolId: id, Policies: pool?.Policies, UserPoolTags: pool?.UserPoolTags }),
            );
          }
        }
      }),
    );
    const pairSeconds = (Date.now() - started) / 1000;
    rows.push([
      'Emulator cost: bare Describe+Update pairs',
      `${(operations / pairSeconds).toFixed(1)} pairs/s`,
      `${operations} pairs in ${pairSeconds.toFixed(1)} s, same concurrency`,
    ]);
  } finally {
    client.destroy();
    await proxy.stop();
    await local.stop();
  }

  const header = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`;
  const table = ['| Measure | Value | Notes |', '|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
    '\n',
  );
  process.stdout.write(`${header}\n\n${table}\n`);
}

const USAGE = `usage: npm run bench

Measures the handler on the embedded emulator (cold load, package size, calls per
operation, invocation overhead, LIST over many pools, concurrent operations under
Cognito's request quotas) and prints a Markdown table for BENCHMARKS.md. Takes a few
minutes; it starts and stops its own cognito-local.`;

if (require.main === module) {
  exitCleanlyOnSignals();
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === '--help' || mode === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (mode !== undefined && !mode.endsWith('-worker')) {
    process.stderr.write(`unknown option ${mode}\n${USAGE}\n`);
    process.exit(2);
  }
  const run =
    mode === '--memory-worker'
      ? memoryWorker(rest[0])
      : mode === '--throughput-worker'
        ? throughputWorker(rest)
        : main();
  run.then(
    () => process.exit(0),
    (error: Error) => {
      process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}
