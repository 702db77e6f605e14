import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * The CloudFormation resource specification as the AWS CDK publishes it
 * (@aws-cdk/aws-service-spec, db.json.gz): every resource type, its properties, which
 * are required, their allowed values and nested property types. The examples are checked
 * against it as `cfn-lint` would check their resource properties.
 */

type SpecType =
  | { type: 'string' | 'number' | 'integer' | 'boolean' | 'json' | 'date-time' | 'null'; allowedValues?: string[] }
  | { type: 'array' | 'map'; element: SpecType }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: 'union'; types: SpecType[] };

interface SpecProperty {
  type: SpecType;
  required?: boolean;
  previousTypes?: SpecType[];
}

interface SpecShape {
  $id: string;
  properties: Record<string, SpecProperty>;
}

interface SpecResource extends SpecShape {
  cloudFormationType: string;
  attributes?: Record<string, unknown>;
}

let loaded: { resources: Map<string, SpecResource>; types: Map<string, SpecShape> } | undefined;

function spec() {
  if (!loaded) {
    const file = require.resolve('@aws-cdk/aws-service-spec/db.json.gz');
    const database = JSON.parse(gunzipSync(readFileSync(file)).toString()) as {
      schema: { resource: { entities: SpecResource[] }; typeDefinition: { entities: SpecShape[] } };
    };
    loaded = {
      resources: new Map(database.schema.resource.entities.map((resource) => [resource.cloudFormationType, resource])),
      types: new Map(database.schema.typeDefinition.entities.map((shape) => [shape.$id, shape])),
    };
  }
  return loaded;
}

/** Short-form tags as the tests' template parser names them (`!Sub` → `{ Sub: … }`). */
const SHORT_FORMS = ['Sub', 'GetAtt', 'If', 'Join', 'Select', 'ImportValue', 'FindInMap', 'Base64', 'Split', 'GetAZs'];

/** An intrinsic function or a Ref: its value is only known at deploy time. */
function isIntrinsic(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || SHORT_FORMS.includes(keys[0]));
}

function typeProblems(value: unknown, type: SpecType, at: string): string[] {
  if (isIntrinsic(value)) return [];
  switch (type.type) {
    case 'string':
      if (typeof value !== 'string' && typeof value !== 'number') return [`${at}: expected a string`];
      if (type.allowedValues && typeof value === 'string' && !type.allowedValues.includes(value)) {
        return [`${at}: ${value} is not one of ${type.allowedValues.join(', ')}`];
      }
      return [];
    case 'number':
    case 'integer':
      return typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(String(value)) ? [] : [`${at}: expected a number`];
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? [] : [`${at}: expected a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: expected a list`];
      return value.flatMap((item, index) => typeProblems(item, type.element, `${at}[${index}]`));
    case 'map':
      if (!value || typeof value !== 'object') return [`${at}: expected a map`];
      return Object.entries(value).flatMap(([key, item]) => typeProblems(item, type.element, `${at}.${key}`));
    case 'ref': {
      const shape = spec().types.get(type.reference.$ref);
      return shape ? shapeProblems(value, shape, at) : [];
    }
    case 'union':
      return type.types.some((candidate) => typeProblems(value, candidate, at).length === 0)
        ? []
        : [`${at}: matches none of its allowed types`];
    default:
      return [];
  }
}

function shapeProblems(value: unknown, shape: SpecShape, at: string): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
  const problems: string[] = [];
  for (const [name, property] of Object.entries(shape.properties)) {
    if (property.required && !(name in value)) problems.push(`${at}.${name}: required`);
  }
  for (const [name, member] of Object.entries(value)) {
    const property = shape.properties[name];
    if (!property) problems.push(`${at}.${name}: not a property of this type`);
    else problems.push(...typeProblems(member, property.type, `${at}.${name}`));
  }
  return problems;
}

/** Every way the template's AWS resources differ from the specification; custom types are skipped. */
export function specificationProblems(template: {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}): string[] {
  return Object.entries(template.Resources).flatMap(([logicalId, resource]) => {
    if (!resource.Type.startsWith('AWS::')) return [];
    const specified = spec().resources.get(resource.Type);
    if (!specified) return [`${logicalId}: ${resource.Type} is not a CloudFormation resource type`];
    return shapeProblems(resource.Properties ?? {}, specified, `${logicalId}.Properties`);
  });
}
