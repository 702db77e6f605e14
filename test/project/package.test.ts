import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import JSZip from 'jszip';
import { PLACEHOLDER_CREDENTIALS } from '../support/cfnRequest';
import { startCognitoLocal } from '../support/cognitoLocal';
import { pointHandlersAt } from '../support/emulatorEndpoints';
import { CognitoProxy } from '../support/cognitoProxy';
import { FakeCloudWatch } from '../support/fakeCloudWatch';
import { loadHandler, runToCompletion } from '../support/handlerRunner';
import { silenceConsoleLog } from '../../cli/localRun';
import { productionPoolRequest } from '../support/productionPool';
/* eslint-disable @typescript-eslint/no-require-imports */
const { bundle } = require('../../scripts/bundle.js');
const { buildPackage } = require('../../scripts/package.js');
const { renderResourceRole } = require('../../scripts/resource-role.js');
const { RESOURCE_TYPES } = require('../../scripts/resource-types.js');
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.resolve(__dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'package-test-'));
const handler = path.join(scratch, 'handlers.js');
const clientHandler = path.join(scratch, 'client-handlers.js');
const schema = JSON.parse(readFileSync(path.join(root, 'schema.json'), 'utf8'));
const clientType = RESOURCE_TYPES[1];
const clientSchema = JSON.parse(readFileSync(path.join(root, 'client-settings', 'schema.json'), 'utf8'));

/** The source files each bundle carries (esbuild's metafile). */
let bundledInputs: string[][] = [];

beforeAll(async () => {
  const results = await Promise.all([
    bundle({ outfile: handler }),
    bundle({ source: clientType.handlerSource, outfile: clientHandler }),
  ]);
  bundledInputs = results.map((result: { metafile: { inputs: object } }) => Object.keys(result.metafile.inputs));
}, 60_000);

describe('what the bundles carry', () => {
  it('no default credential chain: every client is built with the credentials in the request', () => {
    for (const inputs of bundledInputs) {
      expect(
        inputs.filter((file) => /credential-provider-(ini|sso|process|web-identity)|nested-clients/.test(file)),
      ).toEqual([]);
      expect(inputs.some((file) => file.endsWith('shims/credential-provider-node.js'))).toBe(true);
    }
  });
});

describe('npm run package', () => {
  it('names the package after the version, so each release gets its own S3 key', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { packageFileName } = require('../../scripts/package.js') as { packageFileName: () => string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require('../../package.json') as { version: string };
    expect(packageFileName()).toBe(`org-cognito-userpoolsettings-${version}.zip`);
  });

  it('builds byte-for-byte the same zip twice from the same inputs, so a hash can pin a release', async () => {
    const first = path.join(scratch, 'first.zip');
    const second = path.join(scratch, 'second.zip');
    await buildPackage({ handler, outfile: first, roleFile: path.join(scratch, 'role.yaml') });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a second later: zip times have 2 s resolution
    await buildPackage({ handler, outfile: second, roleFile: path.join(scratch, 'role.yaml') });
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
  }, 60_000);

  it('builds the submission zip with the layout cfn submit --dry-run gives a TypeScript project', async () => {
    const outfile = path.join(scratch, 'submission.zip');
    const { providerZipBytes } = await buildPackage({ handler, outfile, roleFile: path.join(scratch, 'role.yaml') });
    const submission = await JSZip.loadAsync(readFileSync(outfile));
    expect(Object.keys(submission.files).sort()).toEqual(
      [
        '.rpdk-config',
        'ResourceProvider.zip',
        'inputs/inputs_1_create.json',
        'inputs/inputs_1_invalid.json',
        'inputs/inputs_1_update.json',
        ...['2', '3', '4'].flatMap((set) =>
          ['create', 'invalid', 'update'].map((kind) => `inputs/inputs_${set}_${kind}.json`),
        ),
        'schema.json',
      ].sort(),
    );
    expect(JSON.parse(await submission.file('schema.json')!.async('string'))).toEqual(schema);
    const provider = await JSZip.loadAsync(await submission.file('ResourceProvider.zip')!.async('nodebuffer'));
    const providerFiles = Object.values(provider.files).filter((entry) => !entry.dir);
    expect(providerFiles.map((entry) => entry.name)).toEqual(['dist/handlers.js']);
    expect(providerZipBytes).toBeLessThan(2 * 1024 * 1024);
  }, 60_000);

  it("builds the app client type's submission from client-settings/, its own cfn project", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { packageFileName } = require('../../scripts/package.js') as {
      packageFileName: (type: unknown) => string;
    };
    expect(packageFileName(clientType)).toMatch(/^org-cognito-userpoolclientsettings-\d+\.\d+\.\d+\.zip$/);
    const outfile = path.join(scratch, 'client-submission.zip');
    await buildPackage({ type: clientType, handler: clientHandler, outfile, roleFile: path.join(scratch, 'c.yaml') });
    const submission = await JSZip.loadAsync(readFileSync(outfile));
    const files = Object.keys(submission.files).filter((name) => !name.endsWith('/'));
    expect(files.filter((name) => !name.startsWith('inputs/')).sort()).toEqual(
      ['.rpdk-config', 'ResourceProvider.zip', 'schema.json'].sort(),
    );
    expect(files.filter((name) => name.startsWith('inputs/')).length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(await submission.file('schema.json')!.async('string'))).toEqual(clientSchema);
    expect(JSON.parse(await submission.file('.rpdk-config')!.async('string')).typeName).toBe(
      'Org::Cognito::UserPoolClientSettings',
    );
  }, 60_000);

  it('keeps client-settings/resource-role.yaml equal to the union of its schema handler permissions', () => {
    const committed = readFileSync(path.join(root, 'client-settings', 'resource-role.yaml'), 'utf8');
    expect(committed).toBe(renderResourceRole(clientSchema));
    expect(committed).toContain('"cognito-idp:UpdateUserPoolClient"');
    expect(committed).toContain('type/resource/Org-Cognito-UserPoolClientSettings/*');
  });

  it('keeps resource-role.yaml equal to the union of the schema handler permissions', () => {
    const committed = readFileSync(path.join(root, 'resource-role.yaml'), 'utf8');
    expect(committed).toBe(renderResourceRole(schema));
    for (const handlerSpec of Object.values(schema.handlers) as { permissions: string[] }[]) {
      for (const permission of handlerSpec.permissions) expect(committed).toContain(`"${permission}"`);
    }
    expect(committed).not.toContain('"*"\n                Action');
  });
});

describe('the bundled handler', () => {
  it('applies a CREATE on cognito-local and delivers provider telemetry: the bundle keeps the SDKs and the lib working', async () => {
    const local = await startCognitoLocal();
    const proxy = new CognitoProxy(local.endpoint);
    const fake = new FakeCloudWatch(['bundle-logs']);
    const fakeEndpoint = await fake.start();
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = fakeEndpoint;
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH = fakeEndpoint;
    const client = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      credentials: PLACEHOLDER_CREDENTIALS,
      endpoint: local.endpoint,
    });
    const restoreEndpoints = pointHandlersAt(await proxy.start());
    const restoreLog = silenceConsoleLog();
    try {
      const poolId = (await client.send(new CreateUserPoolCommand(productionPoolRequest('bundle')))).UserPool?.Id ?? '';
      const { event } = await runToCompletion(loadHandler(handler), {
        action: 'CREATE',
        properties: { UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 15 } } },
        provider: { logGroupName: 'bundle-logs', credentials: PLACEHOLDER_CREDENTIALS },
      });
      expect({ status: event.status, message: event.message }).toEqual({ status: 'SUCCESS', message: '' });
      expect(fake.logEvents.some((line) => line.message.startsWith('[CREATE] SUCCESS'))).toBe(true);
      expect(fake.metrics.map((metric) => metric.metricName)).toContain('HandlerInvocationCount');
      const after = await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
      expect(after.UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(15);
      expect(after.UserPool?.LambdaConfig?.PreSignUp).toBeDefined();
    } finally {
      restoreLog();
      restoreEndpoints();
      delete process.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS;
      delete process.env.AWS_ENDPOINT_URL_CLOUDWATCH;
      client.destroy();
      await fake.stop();
      await proxy.stop();
      await local.stop();
    }
  }, 60_000);

  it('the app client bundle applies a CREATE on cognito-local too', async () => {
    const local = await startCognitoLocal();
    const proxy = new CognitoProxy(local.endpoint);
    const restoreEndpoints = pointHandlersAt(await proxy.start());
    const client = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      credentials: PLACEHOLDER_CREDENTIALS,
      endpoint: process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
    });
    const restoreLog = silenceConsoleLog();
    try {
      const poolId = (await client.send(new CreateUserPoolCommand(productionPoolRequest('bundle')))).UserPool?.Id ?? '';
      const created = await client.send(
        new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', AuthSessionValidity: 3 }),
      );
      const clientId = created.UserPoolClient?.ClientId ?? '';
      const { event } = await runToCompletion(loadHandler(clientHandler), {
        action: 'CREATE',
        resourceType: 'Org::Cognito::UserPoolClientSettings',
        properties: { UserPoolId: poolId, ClientId: clientId, AuthSessionValidity: 7 },
      });
      expect({ status: event.status, message: event.message }).toEqual({ status: 'SUCCESS', message: '' });
      expect(event.resourceModel).toMatchObject({ ClientId: clientId, AuthSessionValidity: 7 });
      expect((await proxy.describeClient(poolId, clientId)).AuthSessionValidity).toBe(7);
    } finally {
      restoreLog();
      restoreEndpoints();
      client.destroy();
      await proxy.stop();
      await local.stop();
    }
  }, 60_000);

  it('is one file that keeps exception class names, so error codes survive bundling', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(handler) as { entrypoint: (event: unknown, context: unknown) => Promise<unknown> };
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const event = (await bundled.entrypoint(
        {
          awsAccountId: '123456789012',
          bearerToken: 'token',
          region: 'us-east-1',
          action: 'READ',
          requestData: { resourceProperties: {}, callerCredentials: { accessKeyId: 'a', secretAccessKey: 'b' } },
        },
        { getRemainingTimeInMillis: () => 1000 },
      )) as { status: string; errorCode: string; message: string };
      expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
      expect(event.message).toContain('UserPoolId');
    } finally {
      spy.mockRestore();
    }
  }, 30_000);
});

describe('npm run lint', () => {
  it('checks the files git tracks, never an untracked scratch file in the tree', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { lintTargets } = require('../../scripts/lint.js') as {
      lintTargets: () => { eslint: string[]; prettier: string[] };
    };
    const scratch = path.join(root, 'engine', 'scratch-untracked-by-lint-test.ts');
    writeFileSync(scratch, 'const   unformatted=1\n');
    try {
      const targets = lintTargets();
      expect(targets.eslint).toContain('engine/lifecycle.ts');
      expect(targets.prettier).toContain('README.md');
      expect([...targets.eslint, ...targets.prettier]).not.toContain('engine/scratch-untracked-by-lint-test.ts');
    } finally {
      rmSync(scratch);
    }
  });
});

describe('the docs and examples name paths that exist', () => {
  it('no example or doc names src/shared/, which the engine replaced', () => {
    const tracked = execFileSync('git', ['ls-files', 'examples', 'docs', 'README.md', 'CONTRIBUTING.md'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    const naming = tracked.filter((file) => readFileSync(path.join(root, file), 'utf8').includes('src/shared/'));
    expect(naming).toEqual([]);
  });
});
