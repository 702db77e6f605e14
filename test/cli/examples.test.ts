import { TYPE_NAME } from '../../cli/typeNames';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import clientSchema from '../../client-settings/schema.json';
import schema from '../../schema.json';
import * as clientValidation from '../../client-settings/src/validation';
import { findSchemaProblems } from '../../src/validation';
import { runDemo } from '../../cli/demo';
import { settingsFromTemplate } from '../../cli/exampleTemplate';
import { projectRoot } from '../../cli/projectRoot';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoGateway } from '../../engine/cognito/gateway';
import { PLACEHOLDER_CREDENTIALS } from '../support/cfnRequest';
import { planFile } from '../../cli/plan';
import { poolChangesFor, productionPoolRequest } from '../support/productionPool';
import { useLocalCognito } from '../support/localCognito';
import { specificationProblems } from '../support/cloudFormationSpec';

const EXAMPLES = path.join(projectRoot(), 'examples');
const SOURCE_HANDLER = path.join(projectRoot(), 'src', 'handlers.ts');
const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.yaml'));
const TYPE = 'Org::Cognito::UserPoolSettings';
const CLIENT_TYPE = 'Org::Cognito::UserPoolClientSettings';

/** Parses a template, reading every CloudFormation short-form tag as a plain value. */
function template(file: string): {
  Description?: string;
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
} {
  const tags = [
    'Ref',
    'Sub',
    'GetAtt',
    'ImportValue',
    'Join',
    'Select',
    'If',
    'Equals',
    'Not',
    'FindInMap',
    'Base64',
  ].map((name) => ({ tag: `!${name}`, resolve: (value: unknown) => ({ [name]: value }) }));
  // Short forms on sequences and maps stay as parsed; the checks here read neither.
  return parse(readFileSync(path.join(EXAMPLES, file), 'utf8'), { customTags: tags, logLevel: 'error' });
}

const withType = files.filter((file) =>
  Object.values(template(file).Resources).some((resource) => resource.Type === TYPE),
);

describe('every example', () => {
  it.each(files)('%s parses and states the feature plan it needs', (file) => {
    expect(template(file).Description).toMatch(/Feature plan: /);
  });

  it.each(withType)('%s: its %s properties are valid against schema.json', (file) => {
    const properties = settingsFromTemplate(path.join(EXAMPLES, file), { UserPoolId: 'us-east-1_EXAMPLE1' });
    expect(findSchemaProblems(properties)).toEqual([]);
  });

  const withClientType = files.filter((file) =>
    Object.values(template(file).Resources).some((resource) => resource.Type === CLIENT_TYPE),
  );
  it('client-settings.yaml declares the app client type', () => {
    expect(withClientType).toContain('client-settings.yaml');
  });

  it.each(withClientType)('%s: its app client properties are valid against client-settings/schema.json', (file) => {
    const ids = { UserPoolId: 'us-east-1_EXAMPLE1', ClientId: 'exampleclient1' };
    const properties = settingsFromTemplate(path.join(EXAMPLES, file), ids, CLIENT_TYPE);
    expect(clientValidation.findSchemaProblems(properties)).toEqual([]);
  });

  it('stackset-register-type.yaml gives the execution role exactly the permissions the schema handlers declare', () => {
    const role = template('stackset-register-type.yaml').Resources.ExecutionRole.Properties as {
      Policies: { PolicyDocument: { Statement: { Action: string[] }[] } }[];
    };
    const granted = role.Policies.flatMap((policy) =>
      policy.PolicyDocument.Statement.flatMap((statement) => statement.Action),
    );
    const declared = new Set(Object.values(schema.handlers).flatMap((handler) => handler.permissions));
    expect([...new Set(granted)].sort()).toEqual([...declared].sort());
  });

  it('stackset-register-type.yaml lets both types pass roles to Cognito only, and only the roles allowed', () => {
    for (const roleName of ['ExecutionRole', 'ClientExecutionRole']) {
      const role = template('stackset-register-type.yaml').Resources[roleName].Properties as {
        Policies: { PolicyDocument: { Statement: { Action: string[]; Resource: unknown; Condition?: object }[] } }[];
      };
      const statements = role.Policies.flatMap((policy) => policy.PolicyDocument.Statement);
      const passing = statements.filter((statement) => statement.Action.includes('iam:PassRole'));
      expect(passing).toHaveLength(1);
      expect(passing[0].Action).toEqual(['iam:PassRole']);
      expect(passing[0].Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'cognito-idp.amazonaws.com' } });
      expect(JSON.stringify(passing[0].Resource)).toContain('role/${PassableRoles}');
    }
  });

  it("stackset-register-type.yaml gives the app client type's execution role exactly its schema's permissions", () => {
    const role = template('stackset-register-type.yaml').Resources.ClientExecutionRole.Properties as {
      Policies: { PolicyDocument: { Statement: { Action: string[] }[] } }[];
    };
    const granted = role.Policies.flatMap((policy) =>
      policy.PolicyDocument.Statement.flatMap((statement) => statement.Action),
    );
    const declared = new Set(Object.values(clientSchema.handlers).flatMap((handler) => handler.permissions));
    expect([...new Set(granted)].sort()).toEqual([...declared].sort());
  });

  it.each(files)('%s: its AWS resources follow the CloudFormation resource specification', (file) => {
    expect(specificationProblems(template(file))).toEqual([]);
  });

  it('the specification check finds a misspelt property, a missing required one and a bad allowed value', () => {
    const broken = {
      Resources: {
        Sets: {
          Type: 'AWS::CloudFormation::StackSet',
          Properties: { PermissionModel: 'SERVICE_MANAGED', CallAs: 'ADMIN', AutoDeploy: {} },
        },
      },
    };
    expect(specificationProblems(broken)).toEqual(
      expect.arrayContaining([
        'Sets.Properties.StackSetName: required',
        'Sets.Properties.CallAs: ADMIN is not one of SELF, DELEGATED_ADMIN',
        'Sets.Properties.AutoDeploy: not a property of this type',
      ]),
    );
  });

  it('org-rollout.yaml registers first, then applies the settings, for new accounts too, as either administrator', () => {
    const rollout = template('org-rollout.yaml') as unknown as {
      Parameters: Record<string, { AllowedValues?: string[] }>;
      Resources: Record<string, { DependsOn?: string; Properties: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const { RegisterTypes: register, ApplySettings: apply } = rollout.Resources;
    expect(apply.DependsOn).toBe('RegisterTypes');
    expect(JSON.stringify(apply.Properties.AutoDeployment.DependsOn)).toContain('${RegisterTypes}');
    expect(rollout.Parameters.CallAs.AllowedValues).toEqual(['SELF', 'DELEGATED_ADMIN']);
    for (const stackSet of [register, apply]) expect(stackSet.Properties.CallAs).toEqual({ Ref: 'CallAs' });
    // The parameters each StackSet passes are exactly the ones its template declares.
    const keys = (stackSet: { Properties: Record<string, unknown> }) =>
      (stackSet.Properties.Parameters as { ParameterKey: string }[]).map((parameter) => parameter.ParameterKey).sort();
    const declared = (file: string) =>
      Object.keys((template(file) as unknown as { Parameters: object }).Parameters).sort();
    expect(keys(register)).toEqual(declared('stackset-register-type.yaml'));
    expect(keys(apply)).toEqual(declared('stackset-apply-settings.yaml'));
    expect(register.Properties.Capabilities).toEqual(['CAPABILITY_IAM']);
  });

  it('stackset-apply-settings.yaml reads the pool id from the SSM parameter of the stated convention', () => {
    const settings = template('stackset-apply-settings.yaml') as unknown as {
      Parameters: { UserPoolId: { Type: string; Default: string } };
    };
    expect(settings.Parameters.UserPoolId).toMatchObject({
      Type: 'AWS::SSM::Parameter::Value<String>',
      Default: '/org/cognito/users-pool-id',
    });
  });

  it('artifact-bucket.yaml lets only the organization read the packages', () => {
    const policy = template('artifact-bucket.yaml').Resources.ArtifactBucketPolicy.Properties as {
      PolicyDocument: {
        Statement: { Effect: string; Action: string; Condition: Record<string, Record<string, unknown>> }[];
      };
    };
    const read = policy.PolicyDocument.Statement.find((statement) => statement.Action === 's3:GetObject');
    expect(read?.Effect).toBe('Allow');
    expect(Object.keys(read?.Condition.StringEquals ?? {})).toEqual(['aws:PrincipalOrgID']);
  });

  it('artifact-bucket.yaml lets the organization read every package npm run package writes', () => {
    const policy = template('artifact-bucket.yaml').Resources.ArtifactBucketPolicy.Properties as {
      PolicyDocument: { Statement: { Action: string; Resource: unknown }[] };
    };
    const read = policy.PolicyDocument.Statement.find((statement) => statement.Action === 's3:GetObject');
    // S3 wildcards, read from the policy's object ARNs (after the bucket ARN).
    const patterns = [read?.Resource]
      .flat()
      .map((resource) => String((resource as { Sub: string }).Sub).replace('${ArtifactBucket.Arn}/', ''))
      .map((glob) => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { packageFileName } = require('../../scripts/package.js') as { packageFileName: (type: unknown) => string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { RESOURCE_TYPES } = require('../../scripts/resource-types.js') as { RESOURCE_TYPES: unknown[] };
    const packages = RESOURCE_TYPES.map((type) => packageFileName(type));
    expect(packages).toHaveLength(2);
    for (const name of packages)
      expect({ name, readable: patterns.some((pattern) => pattern.test(name)) }).toEqual({ name, readable: true });
  });
});

describe('the examples that run on the emulator: the demo and plan on the same pool', () => {
  const cognito = useLocalCognito();
  const gateway = () =>
    new CognitoGateway(
      new CognitoIdentityProviderClient({ region: 'us-east-1', credentials: PLACEHOLDER_CREDENTIALS }),
      TYPE_NAME,
    );

  it.each(withType)('%s applies, stays in sync on READ, and deletes cleanly', async (file) => {
    const result = await runDemo({
      template: path.join(EXAMPLES, file),
      handlerPath: SOURCE_HANDLER,
      print: () => undefined,
    });
    expect(result.read.event.status).toBe('SUCCESS');
    expect(result.read.drift).toEqual([]);
    expect(result.deleteResult).toMatchObject({ settingsKept: true, released: true });
    // Every declared top-level setting shows as changed or untouched, as the handler sees the pool.
    const declared = Object.keys(settingsFromTemplate(path.join(EXAMPLES, file), { UserPoolId: 'x' })).filter(
      (key) =>
        !['UserPoolId', 'SettingsName', 'Schema', 'PoolName', 'UsernameAttributes', 'UsernameConfiguration'].includes(
          key,
        ),
    );
    const shown = new Set([
      ...result.declaredChanges.map((change) => change.path.split('.')[0]),
      ...result.untouchedSettings,
    ]);
    expect(declared.filter((key) => !shown.has(key))).toEqual([]);
  });

  it.each(withType)('%s plans on the pool the demo would make for it, with no refusal', async (file) => {
    const declared = settingsFromTemplate(path.join(EXAMPLES, file), { UserPoolId: 'x' });
    const poolId = await cognito.createPool({
      ...productionPoolRequest('example-plan'),
      ...poolChangesFor(declared).changes,
    });
    const connection = {
      gateway: gateway(),
      clientGateway: gateway(),
      poolId,
      where: 'test',
      close: async () => undefined,
    };
    const plans = await planFile(path.join(EXAMPLES, file), connection);
    for (const plan of plans.filter((candidate) => candidate.preview)) {
      expect({ file, problems: plan.preview?.problems, refusals: plan.preview?.refusals }).toEqual({
        file,
        problems: [],
        refusals: [],
      });
    }
  });

  it('stackset-apply-settings.yaml: the demo shows the declared DeletionProtection change', async () => {
    const result = await runDemo({
      template: path.join(EXAMPLES, 'stackset-apply-settings.yaml'),
      handlerPath: SOURCE_HANDLER,
      print: () => undefined,
    });
    expect(result.declaredChanges).toContainEqual({ path: 'DeletionProtection', before: 'INACTIVE', after: 'ACTIVE' });
  });
});
