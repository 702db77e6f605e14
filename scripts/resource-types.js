'use strict';
// The resource types this repository builds. Each is its own cfn project directory:
// Org::Cognito::UserPoolSettings at the top level, the app client type beside it.
const path = require('node:path');

const root = path.resolve(__dirname, '..');

const RESOURCE_TYPES = [
  {
    typeName: 'Org::Cognito::UserPoolSettings',
    projectDir: root,
    handlerSource: path.join(root, 'src', 'handlers.ts'),
    modelsFile: path.join(root, 'src', 'models.ts'),
  },
  {
    typeName: 'Org::Cognito::UserPoolClientSettings',
    projectDir: path.join(root, 'client-settings'),
    handlerSource: path.join(root, 'client-settings', 'src', 'handlers.ts'),
    modelsFile: path.join(root, 'client-settings', 'src', 'models.ts'),
  },
].map((type) => ({
  ...type,
  schemaFile: path.join(type.projectDir, 'schema.json'),
  // .rpdk-config's entrypoint, dist/handlers.entrypoint, is relative to the project directory.
  bundleFile: path.join(type.projectDir, 'dist', 'handlers.js'),
  // org-cognito-userpoolsettings: the name `cfn` gives the schema file and the submission.
  slug: type.typeName.toLowerCase().replace(/::/g, '-'),
}));

module.exports = { RESOURCE_TYPES, root };
