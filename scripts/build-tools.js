#!/usr/bin/env node
// Compiles the command-line tools (demo, invoke, bench, plan, export) to build/ with esbuild;
// their dependencies stay in node_modules, only the handler is bundled for shipping.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
esbuild
  .build({
    entryPoints: ['demo', 'invoke', 'bench', 'plan', 'export']
      .map((name) => path.join(root, 'tools', `${name}.ts`))
      .filter((file) => require('node:fs').existsSync(file)),
    outdir: path.join(root, 'build', 'tools'),
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'warning',
  })
  .catch(() => process.exit(1));
