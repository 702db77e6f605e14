import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { PLACEHOLDER_CREDENTIALS, type CfnRequestOptions } from './cfnRequest';
import { startCognitoLocal } from './cognitoLocal';
import { CognitoProxy } from './cognitoProxy';
import { loadHandler, runToCompletion } from './handlerRunner';
import { productionPoolRequest } from './productionPool';
import { projectRoot } from './projectRoot';

const ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER';
const root = projectRoot();
const BUNDLE = path.join(root, 'dist', 'handlers.js');
const STOCK = path.join(root, 'dist-stock', 'handlers.js');
const LOAD_RUNS = 9;
const THROUGHPUT_POOLS = 12;
const CONCURRENCY = 4;

type Row = [string, string, string];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function loadMs(script: string): number {
  const times: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run += 1) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--no-warnings', '-e', script], { cwd: root, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`node -e ${script} failed`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
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
      env: { ...process.env, [ENDPOINT_VARIABLE]: endpoint },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`worker ${args[0]} exited ${code}`))));
  });
}

function split<T>(items: T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, index) => items.filter((_, item) => item % parts === index));
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

  progress(`cold load, median of ${LOAD_RUNS} runs each`);
  const bare = loadMs('');
  const bundled = loadMs(`require(${JSON.stringify(BUNDLE)})`);
  const stock = loadMs(`require(${JSON.stringify(STOCK)})`);
  rows.push(['Cold load: bare `node`', `${bare.toFixed(0)} ms`, 'baseline']);
  rows.push([
    'Cold load: bundled handler',
    `${bundled.toFixed(0)} ms`,
    `+${(bundled - bare).toFixed(0)} ms over bare node (target ≤ 150)`,
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
    const maxRssKb = Number(await runWorker(['--memory-worker', memoryPool], local.endpoint));
    rows.push([
      'Peak memory of a CREATE (whole process)',
      `${(maxRssKb / 1024).toFixed(0)} MB`,
      'fits a 128 MB Lambda if < 128',
    ]);

    progress('Cognito calls per operation');
    process.env[ENDPOINT_VARIABLE] = proxied;
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
    await measure('CREATE (changing)', { action: 'CREATE', properties: base });
    await measure('UPDATE (no-op)', { action: 'UPDATE', properties: base });
    await measure('UPDATE (changing)', { action: 'UPDATE', properties: { ...base, UserPoolTags: { bench: 'yes' } } });
    await measure('UPDATE (changing, MFA declared)', {
      action: 'UPDATE',
      properties: { ...base, SoftwareTokenMfaConfiguration: { Enabled: true }, MfaConfiguration: 'OPTIONAL' },
    });
    await measure('READ', { action: 'READ', properties: { UserPoolId: poolId } });
    await measure('LIST (all pools described for the marker)', { action: 'LIST', properties: {} });
    await measure('DELETE', { action: 'DELETE', properties: { UserPoolId: poolId } });
    console.log = quiet;

    progress(`throughput: ${THROUGHPUT_POOLS} pools × CREATE+UPDATE+DELETE, ${CONCURRENCY} worker processes`);
    const pools = await Promise.all(
      Array.from({ length: THROUGHPUT_POOLS }, (_, index) => createPool(`bench-${index}`)),
    );
    let started = Date.now();
    await Promise.all(
      split(pools, CONCURRENCY).map((ids) => runWorker(['--throughput-worker', ...ids], local.endpoint)),
    );
    const handlerSeconds = (Date.now() - started) / 1000;
    const operations = THROUGHPUT_POOLS * 3;
    rows.push([
      'Throughput through the entrypoint',
      `${(operations / handlerSeconds).toFixed(1)} ops/s`,
      `${operations} operations in ${handlerSeconds.toFixed(1)} s; includes the lib's fixed 1 s log-flush wait per invocation`,
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

if (require.main === module) {
  const [mode, ...rest] = process.argv.slice(2);
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
