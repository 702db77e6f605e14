import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schema.json';

/**
 * Validates declared settings against the resource schema. CloudFormation does this
 * before calling a handler, but local runs, contract tests and emulators do not.
 */
export type SchemaProblem = string;

let validateModel: ValidateFunction | undefined;

export function findSchemaProblems(properties: Record<string, unknown>): SchemaProblem[] {
  // Loaded and compiled on first use: at module load they would add to every cold
  // start, READ, DELETE and LIST included, which never validate.
  if (!validateModel) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
    validateModel = new AjvClass({ allErrors: true, strict: false, unicodeRegExp: true }).compile(schema);
  }
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
