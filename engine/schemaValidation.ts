import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';

/** One problem with the properties, naming its path, e.g. `Policies.PasswordPolicy.MinimumLength: must be integer`. */
export type SchemaProblem = string;

export type PropertiesValidator = (properties: unknown) => SchemaProblem[];

/**
 * A validator for a resource type's properties against its schema.json. CloudFormation
 * sends every primitive as a string ("14", "true"), so strings are read as the
 * integer or boolean the schema asks for before checking; a string that is no such
 * value ("fourteen", "yes") is a problem, as are unknown properties at any depth.
 * The input is never changed.
 */
export function createPropertiesValidator(schema: object): PropertiesValidator {
  let validate: ValidateFunction | undefined;
  return (properties) => {
    // Loaded and compiled on first use: at module load they would add to every cold
    // start, including READ, DELETE and LIST, which never validate.
    if (!validate) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
      // verbose: an error carries the value it is about (the YAML boolean hint below reads it).
      validate = new AjvClass({
        allErrors: true,
        strict: false,
        unicodeRegExp: true,
        coerceTypes: true,
        verbose: true,
      }).compile(schema);
    }
    // Coercion works in place; a copy keeps the caller's request as CloudFormation sent it.
    if (validate(structuredClone(properties))) return [];
    return (validate.errors ?? []).map(describeProblem);
  };
}

function describeProblem(error: ErrorObject): SchemaProblem {
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(resource)';
  if (error.keyword === 'additionalProperties') {
    const unknown = String(error.params.additionalProperty);
    return `${path === '(resource)' ? unknown : `${path}.${unknown}`}: unknown property`;
  }
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    return `${path === '(resource)' ? missing : `${path}.${missing}`}: is required`;
  }
  if (error.keyword === 'enum') {
    const allowed = error.params.allowedValues as unknown[];
    return `${path}: must be one of ${allowed.join(', ')}${yamlBooleanHint(error.data, allowed)}`;
  }
  return `${path}: ${error.message ?? 'is invalid'}`;
}

/** Words YAML 1.1 reads as booleans when unquoted (CloudFormation then sends "true" or "false"). */
const YAML_BOOLEAN_WORDS = /^(y|yes|n|no|true|false|on|off)$/i;

/** When a boolean arrived where a word like OFF was allowed: YAML read the unquoted word. */
function yamlBooleanHint(value: unknown, allowed: unknown[]): string {
  if (value !== true && value !== false && value !== 'true' && value !== 'false') return '';
  const words = allowed.filter((word) => typeof word === 'string' && YAML_BOOLEAN_WORDS.test(word));
  if (words.length === 0) return '';
  return ` (got ${String(value)}: YAML reads an unquoted ${words.join(' or ')} as a boolean; quote it, for example '${words[0]}')`;
}
