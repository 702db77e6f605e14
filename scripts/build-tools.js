#!/usr/bin/env node
// Compiles the programs in tools/ (demo, invoke, bench, plan, export) to build/tools with esbuild;
// their dependencies stay in node_modules, only the handler is bundled for shipping.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
esbuild
  .build({
    // tools/ holds only the programs, one file each.
    entryPoints: require('node:fs')
      .readdirSync(path.join(root, 'tools'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => path.join(root, 'tools', name)),
    outdir: path.join(root, 'build', 'tools'),
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'warning',
  })
  .catch(() => process.exit(1));
