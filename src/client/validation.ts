import schema from '../../client-settings/schema.json';
import { createPropertiesValidator } from '../shared/schemaValidation';

/** Checks app client properties against client-settings/schema.json, naming each problem's path. */
export const findClientSchemaProblems = createPropertiesValidator(schema);
