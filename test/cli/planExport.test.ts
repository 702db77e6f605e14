import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { projectRoot } from '../../cli/projectRoot';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CognitoGateway } from '../../engine/cognito/gateway';
import { PLACEHOLDER_CREDENTIALS } from '../support/cfnRequest';
import { exportClientTemplate, exportTemplate } from '../../cli/export';
import { declaresClient, formatPlans, planFile, propertiesFromFile } from '../../cli/plan';

import { amplifyLikeClient } from '../support/productionClient';
import { CLIENT_TYPE_NAME, TYPE_NAME } from '../../cli/typeNames';
import { formatPreview, previewClientPlan, previewPlan } from '../../cli/planPreview';
import { flatten } from '../../engine/leafChanges';
import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();
const scratch = mkdtempSync(path.join(tmpdir(), 'plan-export-'));
let gateway: CognitoGateway;

beforeAll(() => {
  // Through the same proxy as the handler, so the preview sees what the handler sees.
  gateway = new CognitoGateway(
    new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: PLACEHOLDER_CREDENTIALS }),
    TYPE_NAME,
  );
});

const WRITES = [
  'UpdateUserPool',
  'SetUserPoolMfaConfig',
  'AddCustomAttributes',
  'TagResource',
  'UntagResource',
  'UpdateUserPoolClient',
  'PutParameter',
  'DeleteParameter',
];

describe('npm run plan', () => {
  it('previews the CREATE of examples/apply-settings.yaml leaf by leaf, and CREATE then does exactly that', async () => {
    const poolId = await cognito.createPool();
    const properties = propertiesFromFile('examples/apply-settings.yaml', poolId);
    cognito.proxy.resetCounts();
    const preview = await previewPlan(gateway, poolId, properties);
    expect(cognito.proxy.calls.filter((call) => WRITES.includes(call))).toEqual([]);
    const text = formatPreview(preview, 'test');
    expect(text).toContain(`Plan: CREATE of Org::Cognito::UserPoolSettings on ${poolId}`);
    expect(text).toContain('~ Policies.PasswordPolicy.MinimumLength: 12 → 14');
    // The ownership records are read first (this one, the other resources' on the pool), the
    // record is written before and after the Cognito writes, and the claim checked after it.
    expect(text).toContain(
      'Cognito calls: GetParameter → GetParametersByPath → DescribeUserPool → PutParameter → GetParametersByPath → UpdateUserPool',
    );
    expect(text).toContain('Nothing was written.');

    const before = flatten(await cognito.describe(poolId));
    cognito.proxy.resetCounts();
    expect((await cognito.handle('CREATE', properties)).status).toBe('SUCCESS');
    expect(cognito.proxy.calls).toEqual(preview.calls);
    const after = flatten(await cognito.describe(poolId));
    // Every write but the ownership record's (Parameter Store, not the pool).
    const poolWrites = preview.writes.filter((write) => write.operation !== 'PutParameter');
    for (const change of poolWrites.flatMap((write) => write.changes)) {
      expect({ path: change.path, before: before.get(change.path), after: after.get(change.path) }).toEqual(change);
    }
  });

  it('says when the last operation never finished, and what the handler puts back first', async () => {
    const poolId = await cognito.createPool();
    expect((await cognito.handle('CREATE', { UserPoolId: poolId })).status).toBe('SUCCESS');
    const name = `/org-cognito-userpoolsettings/${poolId}`;
    const stored = cognito.proxy.parameterStore.parameters.get(name)!;
    const record = JSON.parse(stored.Value);
    record.operation = {
      ...record.operation,
      finished: false,
      changes: [{ path: ['DeletionProtection'], before: 'INACTIVE', after: 'ACTIVE' }],
    };
    cognito.proxy.parameterStore.parameters.set(name, { ...stored, Value: JSON.stringify(record) });
    const preview = await previewPlan(gateway, poolId, { UserPoolId: poolId });
    expect(preview.unfinished).toEqual(['DeletionProtection']);
    expect(formatPreview(preview, 'test')).toContain(
      'First, the last operation never finished: the handler puts back DeletionProtection.',
    );
  });

  it('lists what the handler would refuse, with its message, and writes nothing', async () => {
    const poolId = await cognito.createPool();
    const file = path.join(scratch, 'rename.json');
    writeFileSync(file, JSON.stringify({ PoolName: 'renamed', Policies: { PasswordPolicy: { MinimumLength: '20' } } }));
    const preview = await previewPlan(gateway, poolId, propertiesFromFile(file, poolId));
    expect(preview.refusals).toEqual([expect.stringMatching(/^PoolName is .* needs a new user pool/)]);
    expect(preview.writes).toEqual([]);
    expect(formatPreview(preview, 'test')).toMatch(/Refused \(nothing would be written\):\n {2}✗ PoolName/);
  });

  it('names invalid properties as CloudFormation would refuse them', async () => {
    const poolId = await cognito.createPool();
    const preview = await previewPlan(gateway, poolId, { Polices: {} });
    expect(preview.problems).toEqual(['Polices: unknown property']);
  });
});

describe('npm run plan on an app client template', () => {
  it('previews examples/client-settings.yaml leaf by leaf, and CREATE then does exactly that', async () => {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(poolId, amplifyLikeClient());
    const file = 'examples/client-settings.yaml';
    expect(declaresClient(file)).toBe(true);
    const properties = propertiesFromFile(file, poolId, clientId);
    expect(properties).toMatchObject({ UserPoolId: poolId, ClientId: clientId, AccessTokenValidity: 15 });
    const clientGateway = new CognitoGateway(
      new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: PLACEHOLDER_CREDENTIALS }),
      CLIENT_TYPE_NAME,
    );
    const preview = await previewClientPlan(clientGateway, poolId, clientId, properties);
    expect(cognito.proxy.calls.filter((call) => WRITES.includes(call))).toEqual([]);
    const text = formatPreview(preview, 'test');
    expect(text).toContain(
      `Plan: CREATE of Org::Cognito::UserPoolClientSettings on app client ${clientId} of ${poolId}`,
    );
    expect(text).toContain('~ AccessTokenValidity: 60 → 15');
    expect(preview.writes.map((write) => write.operation)).toEqual([
      'PutParameter',
      'UpdateUserPoolClient',
      'PutParameter',
    ]);
    expect(preview.writes[1].changes.map((change) => change.path)).toEqual(['AccessTokenValidity', 'CallbackURLs']);

    const before = flatten(await cognito.describeClient(poolId, clientId));
    cognito.proxy.resetCounts();
    expect((await cognito.handleClient('CREATE', properties)).status).toBe('SUCCESS');
    expect([...cognito.proxy.calls].sort()).toEqual([...preview.calls].sort());
    expect(cognito.proxy.calls.filter((call) => WRITES.includes(call))).toEqual([
      'PutParameter',
      'UpdateUserPoolClient',
      'PutParameter',
    ]);
    const after = flatten(await cognito.describeClient(poolId, clientId));
    for (const change of preview.writes[1].changes) {
      expect({ path: change.path, before: before.get(change.path), after: after.get(change.path) }).toEqual(change);
    }
  });

  it('shows a differing GenerateSecret as refused, with nothing to write', async () => {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(poolId, amplifyLikeClient());
    const clientGateway = new CognitoGateway(
      new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: PLACEHOLDER_CREDENTIALS }),
      CLIENT_TYPE_NAME,
    );
    const preview = await previewClientPlan(clientGateway, poolId, clientId, { GenerateSecret: 'true' });
    expect(preview.refusals).toEqual([expect.stringContaining('GenerateSecret is false on the client')]);
    expect(preview.writes).toEqual([]);
  });

  it('names invalid properties even when the client does not exist (yet)', async () => {
    const poolId = await cognito.createPool();
    const clientGateway = new CognitoGateway(
      new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: PLACEHOLDER_CREDENTIALS }),
      CLIENT_TYPE_NAME,
    );
    const preview = await previewClientPlan(clientGateway, poolId, 'noSuchClient0000000000000', {
      AllowedOAuthFlows: ['password'],
    });
    expect(preview.action).toBe('CREATE');
    expect(preview.problems).toEqual([expect.stringContaining('AllowedOAuthFlows.0')]);
    expect(preview.writes).toEqual([]);
  });
});

describe('npm run export --client', () => {
  it('prints a template that, planned against the same app client, changes no setting and holds no secret', async () => {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(poolId, amplifyLikeClient({ GenerateSecret: true }));
    const secret = String((await cognito.describeClient(poolId, clientId)).ClientSecret);
    const clientGateway = new CognitoGateway(
      new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: PLACEHOLDER_CREDENTIALS }),
      CLIENT_TYPE_NAME,
    );
    const template = await exportClientTemplate(clientGateway, poolId, clientId);
    expect(template).toContain('Type: Org::Cognito::UserPoolClientSettings');
    expect(template).toContain('ClientId: !Ref ClientId');
    expect(template).toContain('GenerateSecret: true');
    expect(template).not.toContain(secret);
    const file = path.join(scratch, 'client.yaml');
    writeFileSync(file, template);
    const properties = propertiesFromFile(file, poolId, clientId);
    const preview = await previewClientPlan(clientGateway, poolId, clientId, properties);
    expect(preview.refusals).toEqual([]);
    expect(preview.writes.map((write) => write.operation)).toEqual(['PutParameter']);
    const before = await cognito.describeClient(poolId, clientId);
    expect((await cognito.handleClient('CREATE', properties)).status).toBe('SUCCESS');
    expect(await cognito.describeClient(poolId, clientId)).toEqual(before);
  });
});

describe('npm run export', () => {
  it('prints a template that, planned against the same pool, changes no setting (only claims it)', async () => {
    const poolId = await cognito.createPool();
    const template = await exportTemplate(gateway, poolId);
    expect(template).toContain('Type: Org::Cognito::UserPoolSettings');
    expect(template).toContain('UserPoolId: !Ref UserPoolId');
    expect(template).toMatch(/^AWSTemplateFormatVersion: "2010-09-09"$/m);
    const file = path.join(scratch, 'exported.yaml');
    writeFileSync(file, template);
    const preview = await previewPlan(gateway, poolId, propertiesFromFile(file, poolId));
    expect(preview.problems).toEqual([]);
    expect(preview.refusals).toEqual([]);
    // The claim: the ownership record, and no Cognito write.
    expect(preview.writes.map((write) => write.operation)).toEqual(['PutParameter']);
    // And CREATE from it leaves every setting as it was.
    const before = await cognito.describe(poolId);
    expect((await cognito.handle('CREATE', propertiesFromFile(file, poolId))).status).toBe('SUCCESS');
    const after = await cognito.describe(poolId);
    expect({ ...after, LastModifiedDate: undefined }).toEqual({ ...before, LastModifiedDate: undefined });
  });
});

describe('plan and export: the security baseline', () => {
  /** A Plus pool with threat protection, whose risk configuration and logs another writer set. */
  async function configuredPool(): Promise<string> {
    const poolId = await cognito.createPool({
      PoolName: 'baseline',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
    cognito.proxy.setTier(poolId, 'PLUS');
    await cognito.proxy.sendAsAnotherWriter('SetRiskConfiguration', {
      UserPoolId: poolId,
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
      RiskExceptionConfiguration: { BlockedIPRangeList: ['192.0.2.0/24'] },
    });
    await cognito.proxy.sendAsAnotherWriter('SetLogDeliveryConfiguration', {
      UserPoolId: poolId,
      LogConfigurations: [
        {
          EventSource: 'userNotification',
          LogLevel: 'ERROR',
          CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:notifications' },
        },
      ],
    });
    return poolId;
  }

  it('export declares the risk configuration and log delivery, and planning the export changes nothing', async () => {
    const poolId = await configuredPool();
    const template = await exportTemplate(gateway, poolId);
    expect(template).toContain('RiskConfiguration:');
    expect(template).toContain('EventSource: userNotification');
    const file = path.join(scratch, 'baseline-export.yaml');
    writeFileSync(file, template);
    const preview = await previewPlan(gateway, poolId, propertiesFromFile(file, poolId));
    expect(preview.refusals).toEqual([]);
    expect(preview.writes.map((write) => write.operation)).toEqual(['PutParameter']);
    expect(preview.calls).toEqual(expect.arrayContaining(['DescribeRiskConfiguration', 'GetLogDeliveryConfiguration']));
  });

  it('plan shows the one risk member and the one log entry a template changes, and refuses what Cognito would', async () => {
    const poolId = await configuredPool();
    const preview = await previewPlan(gateway, poolId, {
      RiskConfiguration: { CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'NO_ACTION' } } },
      LogDeliveryConfiguration: {
        LogConfigurations: [
          {
            EventSource: 'userAuthEvents',
            LogLevel: 'INFO',
            S3Configuration: { BucketArn: 'arn:aws:s3:::activity-logs' },
          },
        ],
      },
    });
    expect(preview.refusals).toEqual([]);
    const risk = preview.writes.find((write) => write.operation === 'SetRiskConfiguration');
    expect(risk?.changes).toEqual([
      {
        path: 'RiskConfiguration.CompromisedCredentialsRiskConfiguration.Actions.EventAction',
        before: 'BLOCK',
        after: 'NO_ACTION',
      },
    ]);
    const logs = preview.writes.find((write) => write.operation === 'SetLogDeliveryConfiguration');
    expect(logs?.changes.map((change) => change.path)).toEqual(['LogDeliveryConfiguration.LogConfigurations']);

    const essentials = await cognito.createPool({ PoolName: 'essentials-plan' });
    const refused = await previewPlan(gateway, essentials, {
      RiskConfiguration: { CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } } },
    });
    expect(refused.refusals).toEqual([expect.stringContaining('RiskConfiguration: threat protection needs the Plus')]);
    expect(refused.writes).toEqual([]);
  });
});

describe('plan and export: several settings resources on one pool', () => {
  it('plan lists the members the other resources own, and refuses an overlap as the handler would', async () => {
    const poolId = await cognito.createPool();
    const baseline = propertiesFromFile('examples/org-baseline.yaml', poolId);
    cognito.proxy.setTier(poolId, 'PLUS');
    expect(
      (
        await cognito.run({
          action: 'CREATE',
          properties: baseline,
          stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/org-baseline/1',
          logicalResourceId: 'SecurityBaseline',
        })
      ).status,
    ).toBe('SUCCESS');

    const team = await previewPlan(gateway, poolId, propertiesFromFile('examples/app-team-settings.yaml', poolId));
    expect(team.refusals).toEqual([]);
    const text = formatPreview(team, 'test');
    expect(text).toContain('Other settings resources on this pool own:');
    expect(text).toMatch(/org-baseline \(SecurityBaseline in stack .*org-baseline\/1\): .*DeletionProtection/);

    const overlapping = await previewPlan(gateway, poolId, {
      SettingsName: 'checkout-team',
      DeletionProtection: 'INACTIVE',
    });
    expect(overlapping.refusals).toEqual([
      expect.stringContaining('DeletionProtection is owned by SecurityBaseline in stack'),
    ]);
    expect(overlapping.writes).toEqual([]);
  });

  it('export declares the whole pool under the settings name it is given', async () => {
    const poolId = await cognito.createPool();
    const template = await exportTemplate(gateway, poolId, 'adopted');
    expect(template).toContain('SettingsName: adopted');
    const file = path.join(scratch, 'named-export.yaml');
    writeFileSync(file, template);
    const preview = await previewPlan(gateway, poolId, propertiesFromFile(file, poolId));
    expect(preview.refusals).toEqual([]);
    expect(preview.writes.map((write) => write.operation)).toEqual(['PutParameter']);
  });
});

describe('the plan and export commands', () => {
  it.each([
    ['plan', () => import('../../cli/plan')],
    ['export', () => import('../../cli/export')],
  ])('%s: --help prints the usage and exits 0; a misspelt flag is named and exits 2', async (name, load) => {
    const { main } = await load();
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--help'])).toBe(0);
      expect(String(stdout.mock.calls[0][0])).toContain(`usage: npm run ${name}`);
      expect(await main(['--pol', 'x'])).toBe(2);
      expect(String(stderr.mock.calls[0][0])).toContain("Unknown option '--pol'");
      expect(await main(['--pool'])).toBe(2);
      expect(String(stderr.mock.calls[1][0])).toContain("'--pool <value>' argument missing");
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });

  it('plan refuses --settings-name (the template names the resource), before any emulator starts', async () => {
    const { main } = await import('../../cli/plan');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--settings-name', 'team', 'examples/app-team-settings.yaml'])).toBe(2);
      expect(String(stderr.mock.calls[0][0])).toContain('--settings-name is for export');
    } finally {
      stderr.mockRestore();
    }
  });

  it('reads --pool ID and --pool=ID alike', async () => {
    const { parseArguments } = await import('../../cli/cliArguments');
    const expected = { poolId: 'us-east-1_A', clientId: 'c1', files: ['t.yaml'] };
    expect(parseArguments(['--pool', 'us-east-1_A', '--client', 'c1', 't.yaml'])).toMatchObject(expected);
    expect(parseArguments(['--pool=us-east-1_A', '--client=c1', 't.yaml'])).toMatchObject(expected);
  });
});

describe('npm run export --client, offline', () => {
  it('exports an app client set up as Amplify does on the embedded emulator', async () => {
    const { main } = await import('../../cli/export');
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--client', 'my-client-id'])).toBe(0);
      const template = stdout.mock.calls.map((call) => String(call[0])).join('');
      expect(template).toContain('Type: Org::Cognito::UserPoolClientSettings');
      expect(template).toContain('ClientId: !Ref ClientId');
      expect(template).toContain('AllowedOAuthFlows');
    } finally {
      stdout.mockRestore();
    }
  }, 60_000);
});

describe('plan exit codes, as a pipeline reads them', () => {
  const run = async (args: string[]) => {
    const { main } = await import('../../cli/plan');
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await main(args);
      return { code, out: [...stdout.mock.calls, ...stderr.mock.calls].map((call) => String(call[0])).join('') };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  };
  const template = (name: string, body: string) => {
    const file = path.join(scratch, name);
    writeFileSync(file, body);
    return file;
  };
  const settings = (properties: string) =>
    `Resources:\n  Settings:\n    Type: Org::Cognito::UserPoolSettings\n    Properties:\n${properties}`;

  it('3 for a file with no settings resource, said before any emulator starts', async () => {
    const started = Date.now();
    const result = await run([template('topic.yaml', 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n')]);
    expect(result).toMatchObject({ code: 3 });
    expect(result.out).toContain('No Org::Cognito settings resource');
    // No emulator was started: that takes seconds.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('2 for a parse error, naming the file and the line', async () => {
    const file = template('broken.yaml', 'Resources:\n  Settings:\n    Type: [unclosed\n');
    const result = await run([file]);
    expect(result.code).toBe(2);
    expect(result.out).toContain(file);
    expect(result.out).toMatch(/line \d+/);
    const json = path.join(scratch, 'broken.json');
    writeFileSync(json, '{\n  "UserPoolId": "x",\n  Policies\n}');
    const jsonResult = await run(['--pool', 'us-east-1_X', json]);
    expect(jsonResult.code).toBe(2);
    expect(jsonResult.out).toContain(json);
    expect(jsonResult.out).toMatch(/line 3/);
  });

  it('1 for a template without UserPoolId (CloudFormation refuses it), 4 for a change, 0 for nothing to change', async () => {
    const missing = await run([template('no-pool.yaml', settings('      DeletionProtection: ACTIVE\n'))]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('UserPoolId: is required');
    const changing = template(
      'change.yaml',
      settings('      UserPoolId: !Ref UserPoolId\n      DeletionProtection: INACTIVE\n'),
    );
    expect((await run([changing])).code).toBe(4);
  }, 60_000);
});

/** Reads YAML as CloudFormation does (1.1), with its short-form tags. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readAsCloudFormation(text: string): Record<string, any> {
  const tags = ['Ref', 'Sub', 'GetAtt', 'ImportValue', 'Join', 'Select', 'If', 'FindInMap', 'Base64'].map((name) => ({
    tag: `!${name}`,
    resolve: (value: unknown) => ({ [name]: value }),
  }));
  return parse(text, { version: '1.1', customTags: tags, logLevel: 'error' });
}

describe('export and the examples, read as CloudFormation reads YAML (1.1)', () => {
  it('the export of a pool with MFA OFF reads back as READ reports it, and plans to nothing but the claim', async () => {
    const poolId = await cognito.createPool();
    const template = await exportTemplate(gateway, poolId);
    expect(template).toMatch(/MfaConfiguration: "OFF"/);
    const properties = readAsCloudFormation(template).Resources.UserPoolSettings.Properties;
    const file = path.join(scratch, 'exported-off.yaml');
    writeFileSync(file, template);
    const connection = { gateway, clientGateway: gateway, poolId, where: 'test', close: async () => undefined };
    const plans = await planFile(file, connection);
    expect(plans.map((plan) => plan.preview?.writes.map((write) => write.operation))).toEqual([['PutParameter']]);
    // Deployed unchanged (CloudFormation sends every primitive as a string), then READ: the same model.
    const asSent = JSON.parse(
      JSON.stringify({ ...properties, UserPoolId: poolId }, (_key, value) =>
        typeof value === 'number' || typeof value === 'boolean' ? String(value) : value,
      ),
    );
    expect((await cognito.handle('CREATE', asSent)).status).toBe('SUCCESS');
    const read = await cognito.handle('READ', { UserPoolId: poolId });
    expect({ ...properties, UserPoolId: poolId, SettingsName: 'default' }).toEqual(read.resourceModel);
  });

  it('an unquoted OFF is what CloudFormation sends as "false": plan shows the problem instead of hiding it', async () => {
    const poolId = await cognito.createPool();
    const file = path.join(scratch, 'bare-off.yaml');
    writeFileSync(
      file,
      'Resources:\n  Settings:\n    Type: Org::Cognito::UserPoolSettings\n    Properties:\n      UserPoolId: x\n      MfaConfiguration: OFF\n',
    );
    const [plan] = await planFile(file, {
      gateway,
      clientGateway: gateway,
      poolId,
      where: 'test',
      close: async () => undefined,
    });
    expect(plan.preview?.problems.join()).toContain('MfaConfiguration');
  });

  it.each(readdirSync(path.join(projectRoot(), 'examples')).filter((file) => file.endsWith('.yaml')))(
    'examples/%s reads the same as YAML 1.1 and 1.2: no bare scalar changes meaning',
    (file) => {
      const text = readFileSync(path.join(projectRoot(), 'examples', file), 'utf8');
      const asTwelve = parse(text, {
        customTags: ['Ref', 'Sub', 'GetAtt', 'ImportValue', 'Join', 'Select', 'If', 'FindInMap', 'Base64'].map(
          (name) => ({ tag: `!${name}`, resolve: (value: unknown) => ({ [name]: value }) }),
        ),
        logLevel: 'error',
      });
      expect(readAsCloudFormation(text)).toEqual(asTwelve);
    },
  );
});

describe('plan covers every resource of a template', () => {
  it('plans both types in dependency order, one section each, and says what it skipped and why', async () => {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(poolId, amplifyLikeClient());
    const file = path.join(scratch, 'both-types.yaml');
    writeFileSync(
      file,
      [
        'Parameters:',
        '  UserPoolId: { Type: String }',
        '  ClientId: { Type: String }',
        'Resources:',
        '  ClientSettings:',
        '    Type: Org::Cognito::UserPoolClientSettings',
        '    DependsOn: PoolSettings',
        '    Properties:',
        '      UserPoolId: !Ref UserPoolId',
        '      ClientId: !Ref ClientId',
        "      AccessTokenValidity: '30'",
        '  PoolSettings:',
        '    Type: Org::Cognito::UserPoolSettings',
        '    Properties:',
        '      UserPoolId: !Ref UserPoolId',
        '      DeletionProtection: ACTIVE',
        '  SecondPoolSettings:',
        '    Type: Org::Cognito::UserPoolSettings',
        '    Properties:',
        '      UserPoolId: !Ref UserPoolId',
        '      AccountRecoverySetting:',
        '        RecoveryMechanisms:',
        '          - { Priority: 1, Name: verified_email }',
        '  Topic:',
        '    Type: AWS::SNS::Topic',
      ].join('\n'),
    );
    const connection = {
      gateway,
      clientGateway: gateway,
      poolId,
      clientId,
      where: 'test',
      close: async () => undefined,
    };
    const plans = await planFile(file, connection);
    expect(plans.map((plan) => plan.logicalId)).toEqual([
      'PoolSettings',
      'ClientSettings',
      'SecondPoolSettings',
      'Topic',
    ]);
    expect(plans[3]).toMatchObject({ skipped: 'not a settings type this command plans' });
    expect(plans[1].preview?.clientId).toBe(clientId);
    // Key order inside a list item is no change: the pool holds { Name, Priority }.
    const second = plans[2].preview;
    expect(second?.writes.flatMap((write) => write.changes.map((change) => change.path))).toEqual([
      `/org-cognito-userpoolsettings/${poolId}`,
    ]);
    const text = formatPlans(plans, 'test');
    expect(text).toContain('== PoolSettings (Org::Cognito::UserPoolSettings)');
    expect(text).toContain('== ClientSettings (Org::Cognito::UserPoolClientSettings)');
    expect(text).toContain('== Topic (AWS::SNS::Topic): skipped, not a settings type this command plans');

    const withoutClient = await planFile(file, { ...connection, clientId: undefined });
    expect(withoutClient[1]).toMatchObject({ skipped: expect.stringContaining('--client <id>') });
  });
});

describe('plan against a real account checks what the settings name, read-only', () => {
  it("warns, per setting, that the pool's undeclared SES identity is not verified", async () => {
    const ses = mockClient(SESv2Client);
    const iam = mockClient(IAMClient);
    const lambda = mockClient(LambdaClient);
    try {
      ses.on(GetEmailIdentityCommand).resolves({ VerifiedForSendingStatus: false });
      iam.on(GetRoleCommand).resolves({ Role: { AssumeRolePolicyDocument: 'cognito-idp.amazonaws.com' } as never });
      lambda.on(GetFunctionConfigurationCommand).resolves({});
      const poolId = await cognito.createPool();
      const file = path.join(scratch, 'password-only.json');
      writeFileSync(file, JSON.stringify({ Policies: { PasswordPolicy: { MinimumLength: 15 } } }));
      const referenceClients = {
        ses: () => new SESv2Client({ region: 'us-east-1' }),
        iam: new IAMClient({ region: 'us-east-1' }),
        lambda: () => new LambdaClient({ region: 'us-east-1' }),
      };
      const connection = {
        gateway,
        clientGateway: gateway,
        poolId,
        where: 'account',
        referenceClients,
        close: async () => undefined,
      };
      const text = formatPlans(await planFile(file, connection), 'account');
      expect(text).toContain(
        "⚠ EmailConfiguration.SourceArn (not declared: the pool's current value, sent back unchanged by every update): the Amazon SES identity no-reply@example.com is not verified for sending",
      );
    } finally {
      ses.restore();
      iam.restore();
      lambda.restore();
    }
  });
});
