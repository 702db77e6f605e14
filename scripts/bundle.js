#!/usr/bin/env node
// Bundles each type's handlers into one file, <project>/dist/handlers.js, the entrypoint
// its .rpdk-config names.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');
const { RESOURCE_TYPES } = require('./resource-types');

const root = path.resolve(__dirname, '..');
const AWS_SDK_V2_SHIMS = {
  'aws-sdk/clients/all': path.join(__dirname, 'shims', 'aws-sdk-clients-all.js'),
  ...Object.fromEntries(
    ['cloudwatch', 'cloudwatchlogs', 's3'].map((client) => [
      `aws-sdk/clients/${client}`,
      path.join(__dirname, 'shims', 'aws-sdk-v2-unused.js'),
    ]),
  ),
};

async function bundle({
  source = RESOURCE_TYPES[0].handlerSource,
  outfile = RESOURCE_TYPES[0].bundleFile,
  shimAwsSdkAll = true,
} = {}) {
  return esbuild.build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    // Handler error codes come from exception class names.
    keepNames: true,
    sourcemap: 'external',
    legalComments: 'none',
    metafile: true,
    // The SDK's ES module builds let esbuild drop the ~120 Cognito commands the handler never sends.
    mainFields: ['module', 'main'],
    // Those builds import Node built-ins with import(); as require() they load the same
    // modules without the ES module loader (and run in test sandboxes too).
    supported: { 'dynamic-import': false },
    tsconfig: path.join(root, 'tsconfig.build.json'),
    alias: {
      ...(shimAwsSdkAll ? AWS_SDK_V2_SHIMS : {}),
      'string.prototype.replaceall': path.join(__dirname, 'shims', 'string-prototype-replaceall.js'),
      '@aws-sdk/credential-provider-node': path.join(__dirname, 'shims', 'credential-provider-node.js'),
    },
    logLevel: 'warning',
  });
}

/** Bundles every type. */
function bundleAll() {
  return Promise.all(RESOURCE_TYPES.map((type) => bundle({ source: type.handlerSource, outfile: type.bundleFile })));
}

module.exports = { bundle, bundleAll };

if (require.main === module) {
  bundleAll().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
