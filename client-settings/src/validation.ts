import schema from '../schema.json';
import { createPropertiesValidator } from '../../engine/schemaValidation';

/** Checks app client properties against client-settings/schema.json, naming each problem's path. */
export const findSchemaProblems = createPropertiesValidator(schema);
