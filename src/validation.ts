import schema from '../schema.json';
import { createPropertiesValidator } from '../engine/schemaValidation';

/**
 * Checks properties against this type's schema.json. CloudFormation does this before
 * calling a handler; local runs, contract tests and emulators do not.
 */
export const findSchemaProblems = createPropertiesValidator(schema);
