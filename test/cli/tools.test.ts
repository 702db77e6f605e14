import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runClientDemo } from '../../cli/clientDemo';
import { main as demoMain, runDemo } from '../../cli/demo';
import { invoke, main, parseEventFile, UsageError } from '../../cli/invoke';

const SOURCE_HANDLER = path.resolve(__dirname, '../../src/handlers.ts');
const SOURCE_CLIENT_HANDLER = path.resolve(__dirname, '../../client-settings/src/handlers.ts');
const scratch = mkdtempSync(path.join(tmpdir(), 'invoke-test-'));

function eventFile(name: string, content: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

describe('npm start: the demo', () => {
  it('shows the declared change, the untouched settings, the refused locked change, the no-op and the delete', async () => {
    const lines: string[] = [];
    const result = await runDemo({ handlerPath: SOURCE_HANDLER, print: (line) => lines.push(line) });
    const output = lines.join('\n');

    expect(result.declaredChanges.map((change) => change.path)).toEqual(
      expect.arrayContaining([
        'Policies.PasswordPolicy.MinimumLength',
        'Policies.PasswordPolicy.RequireSymbols',
        'AdminCreateUserConfig.InviteMessageTemplate.EmailSubject',
        'UserPoolTags.cost-center',
      ]),
    );
    expect(result.untouchedSettings).toEqual(
      expect.arrayContaining([
        'LambdaConfig',
        'DeviceConfiguration',
        'VerificationMessageTemplate',
        'SmsConfiguration',
      ]),
    );
    expect(output).toContain('~ Policies.PasswordPolicy.MinimumLength: 12 → 14');
    // Untouched settings under the names a template uses; describe-only members are none.
    expect(result.untouchedSettings).not.toContain('SchemaAttributes');
    expect(result.untouchedSettings).not.toContain('Name');

    expect(result.lockedChange.event).toMatchObject({ status: 'FAILED', errorCode: 'NotUpdatable' });
    expect(result.lockedChange.poolUnchanged).toBe(true);
    expect(output).toContain('pool byte-for-byte as before: yes');

    expect(result.noOpUpdate.event.status).toBe('SUCCESS');
    expect(result.noOpUpdate.calls).toEqual({ GetParameter: 1, GetParametersByPath: 1, DescribeUserPool: 1 });
    expect(output).toContain('DescribeUserPool ×1 (no write)');

    expect(result.deleteResult).toMatchObject({ settingsKept: true, released: true });
    expect(result.deleteResult.event.status).toBe('SUCCESS');
    expect(result.changingUpdate.changes.map((change) => change.path)).toEqual([
      'Policies.PasswordPolicy.MinimumLength',
    ]);
    expect(output).toContain('~ Policies.PasswordPolicy.MinimumLength: 14 → 16');
    expect(result.removal).toMatchObject({ property: 'UserPoolTags', valueKept: true });
    expect(output).toContain('UserPoolTags on the pool unchanged: yes');
    expect(result.read.drift).toEqual([]);
    expect(output).toMatch(/READ with only UserPoolId, as drift detection calls it…\n {2}SUCCESS; .*IN_SYNC/);
    // The emulator's forgetting of a legacy member is not shown as a change.
    expect(output).not.toContain('UnusedAccountValidityDays');
  }, 60_000);
});

describe('npm start: a template with Policies only', () => {
  it('says there is nothing to remove, never "undefined"', async () => {
    const file = path.join(scratch, 'policies-only.yaml');
    writeFileSync(
      file,
      'Resources:\n  Settings:\n    Type: Org::Cognito::UserPoolSettings\n    Properties:\n      UserPoolId: !Ref UserPoolId\n      Policies:\n        PasswordPolicy:\n          MinimumLength: 14\n',
    );
    const lines: string[] = [];
    await runDemo({ template: file, handlerPath: SOURCE_HANDLER, print: (line) => lines.push(line) });
    const output = lines.join('\n');
    expect(output).not.toContain('undefined');
    expect(output).toContain('nothing removed, nothing to compare');
  }, 60_000);
});

describe('npm start: its options', () => {
  it.each([['--template', 'examples/artifact-bucket.yaml'], ['--template=examples/artifact-bucket.yaml']])(
    '%s: a template without a settings resource is said at once, before any emulator',
    async (...args) => {
      const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const started = Date.now();
      try {
        expect(await demoMain(args)).toBe(2);
        expect(String(stderr.mock.calls[0][0])).toContain(
          'examples/artifact-bucket.yaml holds no Org::Cognito settings resource: nothing to demo',
        );
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        stderr.mockRestore();
      }
    },
  );
});

describe('npm start: the app client demo', () => {
  it('shows what a one-field update resets, then the type changing only what the template declares', async () => {
    const lines: string[] = [];
    const result = await runClientDemo({ handlerPath: SOURCE_CLIENT_HANDLER, print: (line) => lines.push(line) });
    const output = lines.join('\n');

    // The declared field is not counted among the ones reset beside it.
    expect(output).toContain(`One field declared (IdTokenValidity); ${result.naiveUpdateResets.length - 1} other`);
    expect(result.naiveUpdateResets.map((change) => change.path)).toEqual(
      expect.arrayContaining(['AllowedOAuthFlowsUserPoolClient', 'CallbackURLs', 'TokenValidityUnits.AccessToken']),
    );
    expect(result.declaredChanges.map((change) => change.path)).toEqual(['AccessTokenValidity', 'CallbackURLs']);
    expect(result.untouchedSettings).toEqual(
      expect.arrayContaining(['AllowedOAuthFlows', 'TokenValidityUnits', 'ReadAttributes', 'LogoutURLs']),
    );
    expect(output).toContain('~ AccessTokenValidity: 60 → 15');
    expect(output).toContain(
      'CREATE Org::Cognito::UserPoolClientSettings on the second client from examples/client-settings.yaml',
    );
    expect(output).toContain(
      'calls: GetParameter ×1, GetParametersByPath ×2, DescribeUserPool ×1, DescribeUserPoolClient ×1, PutParameter ×2, UpdateUserPoolClient ×1.',
    );

    expect(result.lockedChange).toMatchObject({ clientUnchanged: true, writes: 0 });
    expect(result.lockedChange.event).toMatchObject({ status: 'FAILED', errorCode: 'NotUpdatable' });
    expect(result.lockedChange.event.message).toMatch(/^GenerateSecret is false on the client/);
    expect(result.noOpUpdate.calls).toEqual({
      DescribeUserPool: 1,
      DescribeUserPoolClient: 1,
      GetParameter: 1,
      GetParametersByPath: 1,
    });
    expect(result.read.drift).toEqual([]);
    expect(result.read.secretShown).toBe(false);
    expect(result.deleteResult).toMatchObject({ settingsKept: true });
    expect(result.deleteResult.event.status).toBe('SUCCESS');
  }, 60_000);
});

describe('npm run invoke', () => {
  it('runs a sam-tests event against the embedded cognito-local and returns the progress event', async () => {
    const event = await invoke({ eventFile: 'sam-tests/list.json', handlerPath: SOURCE_HANDLER });
    expect(event).toMatchObject({ status: 'SUCCESS', resourceModels: [] });
  }, 30_000);

  it('reads CloudFormation handler requests as well as sam-tests events', () => {
    const file = eventFile(
      'cfn.json',
      JSON.stringify({
        action: 'UPDATE',
        requestData: { resourceProperties: { UserPoolId: 'x' }, previousResourceProperties: { UserPoolId: 'x' } },
      }),
    );
    expect(parseEventFile(file)).toMatchObject({ action: 'UPDATE', properties: { UserPoolId: 'x' } });
    expect(parseEventFile('sam-tests/update.json')).toMatchObject({
      action: 'UPDATE',
      previousProperties: { UserPoolId: 'us-east-1_EXAMPLE1' },
    });
  });

  it.each([
    ['a missing file', path.join(scratch, 'missing.json'), /no such file/],
    ['malformed JSON', eventFile('bad.json', '{ not json'), /not valid JSON/],
    ['an unknown action', eventFile('action.json', '{"action": "PATCH"}'), /unknown action "PATCH"/],
  ])('refuses %s with a clear error', (_case, file, message) => {
    expect(() => parseEventFile(file)).toThrow(UsageError);
    expect(() => parseEventFile(file)).toThrow(message);
  });

  it.each(['create', 'read', 'update', 'delete', 'list'])(
    'runs sam-tests/%s.json against a production-like local pool with --with-pool',
    async (name) => {
      const event = await invoke({ eventFile: `sam-tests/${name}.json`, withPool: true, handlerPath: SOURCE_HANDLER });
      expect(event.status).toBe('SUCCESS');
      if (name === 'update') expect(event.resourceModel).toMatchObject({ DeletionProtection: 'ACTIVE' });
      // LIST finds the stand-in pool: it is claimed first.
      if (name === 'list') expect(event.resourceModels).toHaveLength(1);
    },
  );

  it.each(['create', 'read', 'update', 'delete', 'list'])(
    'runs client-settings/sam-tests/%s.json on an Amplify-like local app client with --with-pool',
    async (name) => {
      const eventFile = `client-settings/sam-tests/${name}.json`;
      expect(parseEventFile(eventFile).typeName).toBe('Org::Cognito::UserPoolClientSettings');
      const event = await invoke({ eventFile, withPool: true, handlerPath: SOURCE_CLIENT_HANDLER });
      expect({ status: event.status, message: event.message }).toMatchObject({ status: 'SUCCESS' });
      if (name === 'update') expect(event.resourceModel).toMatchObject({ AccessTokenValidity: 20 });
      // LIST finds the stand-in client: it is claimed first.
      if (name === 'list') expect(event.resourceModels).toHaveLength(1);
    },
  );

  it('says when the endpoint cannot be reached', async () => {
    await expect(invoke({ eventFile: 'sam-tests/read.json', endpoint: 'http://127.0.0.1:9' })).rejects.toThrow(
      /cannot reach http:\/\/127.0.0.1:9/,
    );
  });

  it('exits 2 with usage when no event file is given', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main([])).toBe(2);
    expect(String(stderr.mock.calls[0][0])).toContain('usage: npm run invoke');
    stderr.mockRestore();
  });

  it('prints the usage and exits 0 for --help', async () => {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['--help'])).toBe(0);
    expect(String(stdout.mock.calls[0][0])).toContain('usage: npm run invoke');
    stdout.mockRestore();
  });

  it('names a misspelt flag', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['sam-tests/read.json', '--jsn'])).toBe(2);
    expect(String(stderr.mock.calls[0][0])).toContain("Unknown option '--jsn'");
    stderr.mockRestore();
  });
});

describe('npm run bench', () => {
  it('flags a measure that misses its target instead of printing it as met', async () => {
    const { againstTarget } = await import('../../cli/measureTarget');
    expect(againstTarget(48, 50)).toBe('(target ≤ 50)');
    expect(againstTarget(63, 50)).toBe('**MISSES the target ≤ 50**');
  });
});
