'use strict';
// The resource types this repository builds. Each is its own cfn project directory:
// Org::Cognito::UserPoolSettings at the top level, the app client type beside it.
const path = require('node:path');

const root = path.resolve(__dirname, '..');

// Every other path is derived from the project directory, as the cfn CLI lays a project out.
const RESOURCE_TYPES = [
  { typeName: 'Org::Cognito::UserPoolSettings', projectDir: root },
  { typeName: 'Org::Cognito::UserPoolClientSettings', projectDir: path.join(root, 'client-settings') },
].map((type) => ({
  ...type,
  handlerSource: path.join(type.projectDir, 'src', 'handlers.ts'),
  // Where cloudformation-cli-typescript-plugin's `cfn generate` writes the models.
  modelsFile: path.join(type.projectDir, 'src', 'models.ts'),
  schemaFile: path.join(type.projectDir, 'schema.json'),
  // .rpdk-config's entrypoint, dist/handlers.entrypoint, is relative to the project directory.
  bundleFile: path.join(type.projectDir, 'dist', 'handlers.js'),
  // org-cognito-userpoolsettings: the name `cfn` gives the schema file and the submission.
  slug: type.typeName.toLowerCase().replace(/::/g, '-'),
}));

module.exports = { RESOURCE_TYPES, root };
