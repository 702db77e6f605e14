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
      validate = new AjvClass({ allErrors: true, strict: false, unicodeRegExp: true, coerceTypes: true }).compile(
        schema,
      );
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
    return `${path}: must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  }
  return `${path}: ${error.message ?? 'is invalid'}`;
}
