import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { DECLARABLE_FIELDS, LOCKED_FIELDS, MFA_FIELDS, MERGEABLE_FIELDS, FIELDS } from '../../src/fields';
import * as clientFields from '../../client-settings/src/fields';
import { CLIENT_TYPE_NAME, TYPE_NAME } from '../../cli/typeNames';
import { TYPE_VERSION } from '../../engine/version';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderModels } = require('../../scripts/generate-models.js') as { renderModels: (schema: unknown) => string };

const root = path.resolve(__dirname, '../..');
const schemaText = readFileSync(path.join(root, 'schema.json'), 'utf8');
const schema = JSON.parse(schemaText);

type JsonSchema = Record<string, unknown> & {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $ref?: string;
};

function walk(node: JsonSchema, visit: (node: JsonSchema, where: string) => void, where: string): void {
  visit(node, where);
  for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, visit, `${where}.${name}`);
  if (node.items) walk(node.items, visit, `${where}[]`);
  for (const [key, child] of Object.entries((node.patternProperties as Record<string, JsonSchema>) ?? {})) {
    walk(child, visit, `${where}{${key}}`);
  }
}

function everyNode(of: JsonSchema, visit: (node: JsonSchema, where: string) => void): void {
  walk(of, visit, '');
  for (const [name, definition] of Object.entries((of.definitions ?? {}) as Record<string, JsonSchema>)) {
    walk(definition, visit, `#/definitions/${name}`);
  }
}

// Each type is its own cfn project: its directory, schema and identifiers.
const PROJECTS = [
  { typeName: TYPE_NAME, directory: '.', identifiers: ['UserPoolId'] },
  {
    typeName: CLIENT_TYPE_NAME,
    directory: 'client-settings',
    identifiers: ['UserPoolId', 'ClientId'],
  },
].map((project) => {
  const text = readFileSync(path.join(root, project.directory, 'schema.json'), 'utf8');
  return { ...project, schemaText: text, schema: JSON.parse(text) };
});

describe('the field table, the schema and the models agree', () => {
  it('the schema declares exactly its identifiers and the declarable fields of the table', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(['UserPoolId', 'SettingsName', ...DECLARABLE_FIELDS].sort());
  });

  it('classifies the fields the design lists', () => {
    expect([...LOCKED_FIELDS].sort()).toEqual(
      ['AliasAttributes', 'PoolName', 'Schema', 'UsernameAttributes', 'UsernameConfiguration'].sort(),
    );
    expect([...MFA_FIELDS].sort()).toEqual(
      [
        'EmailMfaConfiguration',
        'MfaConfiguration',
        'SmsMfaConfiguration',
        'SoftwareTokenMfaConfiguration',
        'WebAuthnConfiguration',
      ].sort(),
    );
    expect(MERGEABLE_FIELDS).toContain('UserPoolTier');
    expect(Object.keys(FIELDS)).not.toContain('UnusedAccountValidityDays');
  });

  it("each type's models.ts is what the generator makes from its schema.json", () => {
    expect(readFileSync(path.join(root, 'src', 'models.ts'), 'utf8')).toBe(renderModels(schema));
    const clientSchema = JSON.parse(readFileSync(path.join(root, 'client-settings', 'schema.json'), 'utf8'));
    expect(readFileSync(path.join(root, 'client-settings', 'src', 'models.ts'), 'utf8')).toBe(
      renderModels(clientSchema),
    );
  });

  it('the app client schema declares exactly its identifiers and the declarable fields of its table', () => {
    const clientSchema = JSON.parse(readFileSync(path.join(root, 'client-settings', 'schema.json'), 'utf8'));
    expect(Object.keys(clientSchema.properties).sort()).toEqual(
      ['UserPoolId', 'ClientId', 'SettingsName', ...clientFields.DECLARABLE_FIELDS].sort(),
    );
    expect(clientFields.LOCKED_FIELDS).toEqual(['GenerateSecret']);
    // LIST is per pool: CloudFormation passes the UserPoolId the list handler schema requires.
    expect(clientSchema.handlers.list.handlerSchema).toEqual({
      properties: { UserPoolId: { $ref: 'resource-schema.json#/properties/UserPoolId' } },
      required: ['UserPoolId'],
    });
    expect(Object.keys(clientSchema.properties)).not.toContain('ClientSecret');
  });

  it.each(PROJECTS)(
    '$typeName: the schema is reachable under the file name the cfn CLI derives from the type name, as one copy',
    ({ typeName, directory }) => {
      const slug = typeName.toLowerCase().replace(/::/g, '-');
      expect(readlinkSync(path.join(root, directory, `${slug}.json`))).toBe('schema.json');
    },
  );

  it.each(PROJECTS)(
    '$typeName: .rpdk-config, template.yml, sam-tests/ and inputs/ make it a cfn project',
    ({ typeName, directory, schema: typeSchema }) => {
      const config = JSON.parse(readFileSync(path.join(root, directory, '.rpdk-config'), 'utf8'));
      expect(config).toMatchObject({
        typeName,
        language: 'typescript',
        runtime: 'nodejs22.x',
        entrypoint: 'dist/handlers.entrypoint',
        testEntrypoint: 'dist/handlers.testEntrypoint',
        settings: { protocolVersion: '2.0.0' },
      });
      expect(typeSchema.typeName).toBe(typeName);
      const template = readFileSync(path.join(root, directory, 'template.yml'), 'utf8');
      expect(template).toContain('Handler: dist/handlers.entrypoint');
      expect(template).toContain('Handler: dist/handlers.testEntrypoint');
      expect(readdirSync(path.join(root, directory, 'sam-tests')).sort()).toEqual(
        ['create.json', 'delete.json', 'list.json', 'read.json', 'update.json'].sort(),
      );
      expect(readdirSync(path.join(root, directory, 'inputs')).length).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(PROJECTS)(
    '$typeName: cfn generate would write the models where the type keeps them, its own src/models.ts',
    ({ typeName, directory }) => {
      // cloudformation-cli-typescript-plugin writes src/models.ts below the project directory.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { RESOURCE_TYPES } = require('../../scripts/resource-types.js') as {
        RESOURCE_TYPES: { typeName: string; modelsFile: string; handlerSource: string; projectDir: string }[];
      };
      const type = RESOURCE_TYPES.find((candidate) => candidate.typeName === typeName);
      const project = path.join(root, directory);
      expect(type?.projectDir).toBe(project);
      expect(type?.modelsFile).toBe(path.join(project, 'src', 'models.ts'));
      expect(type?.handlerSource).toBe(path.join(project, 'src', 'handlers.ts'));
      expect(existsSync(path.join(project, 'src', 'models.ts'))).toBe(true);
    },
  );

  it('the user agent version is the package version', () => {
    expect(TYPE_VERSION).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });
});

describe.each(PROJECTS)('schema rules that cfn validate enforces: $typeName', (project) => {
  const { schema: typeSchema, schemaText: typeSchemaText } = project;

  it('has the required top-level keys and forbids additional properties', () => {
    for (const key of ['typeName', 'description', 'properties', 'primaryIdentifier', 'additionalProperties']) {
      expect(typeSchema).toHaveProperty(key);
    }
    expect(typeSchema.additionalProperties).toBe(false);
    // SettingsName is an identifier a template may leave out (it then means `default`).
    const pointers = [...project.identifiers, 'SettingsName'].map((name) => `/properties/${name}`);
    expect(typeSchema.primaryIdentifier).toEqual(pointers);
    expect(typeSchema.createOnlyProperties).toEqual(pointers);
    expect(typeSchema.required).toEqual(project.identifiers);
  });

  it('uses property names cfn accepts', () => {
    everyNode(typeSchema, (node, where) => {
      for (const name of Object.keys(node.properties ?? {})) expect(`${where}.${name}`).toMatch(/\.[A-Za-z0-9]{1,64}$/);
    });
  });

  it('says additionalProperties false on every object and insertionOrder on every array', () => {
    everyNode(typeSchema, (node, where) => {
      if (node.type === 'object')
        expect({ where, additionalProperties: node.additionalProperties }).toEqual({
          where,
          additionalProperties: false,
        });
      if (node.type === 'array')
        expect({ where, insertionOrder: typeof node.insertionOrder }).toEqual({ where, insertionOrder: 'boolean' });
    });
  });

  // iam:PassRole: the SMS role (pool) and AnalyticsConfiguration.RoleArn (app client) go
  // back to Cognito on every write.
  it('gives every handler least-privilege permissions and a valid timeout', () => {
    expect(Object.keys(typeSchema.handlers).sort()).toEqual(['create', 'delete', 'list', 'read', 'update']);
    for (const handler of Object.values(typeSchema.handlers) as {
      permissions: string[];
      timeoutInMinutes?: number;
    }[]) {
      expect(handler.permissions.length).toBeGreaterThan(0);
      for (const permission of handler.permissions) expect(permission).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
      if (handler.timeoutInMinutes !== undefined) {
        expect(handler.timeoutInMinutes).toBeGreaterThanOrEqual(2);
        expect(handler.timeoutInMinutes).toBeLessThanOrEqual(2160);
      }
    }
    expect(typeSchema.handlers.create.permissions).toContain('iam:PassRole');
    expect(typeSchema.handlers.update.permissions).toContain('iam:PassRole');
  });

  it('says tagging explicitly, publishes no url it cannot vouch for, and stays under 60 KiB', () => {
    expect(typeSchema.tagging).toEqual({ taggable: false });
    // sourceUrl and documentationUrl are published in the registry: absent until the
    // repository has a public home (cfn validate requires https when they are present).
    for (const url of ['sourceUrl', 'documentationUrl']) {
      const value = (typeSchema as Record<string, unknown>)[url];
      if (value !== undefined) expect(value).toMatch(/^https:\/\//);
    }
    expect(Buffer.byteLength(typeSchemaText)).toBeLessThan(60 * 1024);
  });

  it('every $ref points at a definition', () => {
    const refs = typeSchemaText.match(/"\$ref": "#\/definitions\/(\w+)"/g) ?? [];
    for (const ref of refs) expect(typeSchema.definitions).toHaveProperty(ref.replace(/.*\/(\w+)"$/, '$1'));
  });
});

describe('the reference feature-plan table', () => {
  it('lists every setting a feature plan gates, with the plan it needs', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { gatedSettings } = require('../../src/featurePlans') as typeof import('../../src/featurePlans');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const reference = (require('node:fs') as typeof import('node:fs')).readFileSync(
      `${__dirname}/../../docs/REFERENCE.md`,
      'utf8',
    );
    for (const { setting, needs } of gatedSettings()) {
      const property = setting.split(' ')[0];
      const plan = needs === 'PLUS' ? /\| PLUS +\|$/ : /\| ESSENTIALS or PLUS \|$/;
      const rows = reference.split('\n').filter((line) => line.startsWith(`| \`${property}\``));
      expect({ property, row: rows.some((line) => plan.test(line)) }).toEqual({
        property,
        row: true,
      });
    }
  });
});
