#!/usr/bin/env node
// Bundles the handler into one file, dist/handlers.js, the entrypoint .rpdk-config names.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const AWS_SDK_V2_SHIMS = Object.fromEntries(
  ['all', 'cloudwatch', 'cloudwatchlogs', 's3'].map((client) => [
    `aws-sdk/clients/${client}`,
    path.join(__dirname, 'shims', `aws-sdk-clients-${client}.js`),
  ]),
);

async function bundle({ outfile = path.join(root, 'dist', 'handlers.js'), shimAwsSdkAll = true } = {}) {
  return esbuild.build({
    entryPoints: [path.join(root, 'src', 'handlers.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    // Handler error codes come from exception class names.
    keepNames: true,
    sourcemap: 'external',
    legalComments: 'none',
    metafile: true,
    tsconfig: path.join(root, 'tsconfig.build.json'),
    alias: shimAwsSdkAll ? AWS_SDK_V2_SHIMS : {},
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
