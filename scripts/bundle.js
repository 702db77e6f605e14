#!/usr/bin/env node
// Bundles the handler into one file, dist/handlers.js, the entrypoint .rpdk-config names.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

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

async function bundle({ outfile = path.join(root, 'dist', 'handlers.js'), shimAwsSdkAll = true } = {}) {
  return esbuild.build({
    entryPoints: [path.join(root, 'src', 'handlers.ts')],
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
    },
    logLevel: 'warning',
  });
}

module.exports = { bundle };

if (require.main === module) {
  bundle().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
