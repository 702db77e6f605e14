import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../schema.json';

/**
 * Validates declared settings against the resource schema. CloudFormation does this
 * before calling a handler, but local runs, contract tests and emulators do not.
 */
export type SchemaProblem = string;

let validateModel: ValidateFunction | undefined;

export function findSchemaProblems(properties: Record<string, unknown>): SchemaProblem[] {
  // Compiled on first use: compiling at load would add to every cold start, READ included.
  validateModel ??= new Ajv({ allErrors: true, strict: false, unicodeRegExp: true }).compile(schema);
  if (validateModel(properties)) return [];
  return (validateModel.errors ?? []).map(describeProblem);
}

function describeProblem(error: ErrorObject): SchemaProblem {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(resource)';
  if (error.keyword === 'additionalProperties') {
    return `${path}: unknown property ${String(error.params.additionalProperty)}`;
  }
  if (error.keyword === 'enum') {
    return `${path}: must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  }
  return `${path}: ${error.message ?? 'is invalid'}`;
}
