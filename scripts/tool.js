#!/usr/bin/env node
// Runs one of the command-line tools: `node scripts/tool.js <tool> <build> [args…]`, where
// <build> says what the tool needs built first: `handler` (type check and bundle, as
// `npm run build`), `stale` (the same, only when a source changed) or `none`. With --help
// or -h nothing is built but the tool itself, which prints its usage and exits.
'use strict';
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const [tool, build, ...args] = process.argv.slice(2);
const help = args.includes('--help') || args.includes('-h');

if (!help && build === 'handler') execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (!help && build === 'stale')
  execFileSync(process.execPath, [path.join(__dirname, 'build-if-stale.js')], { stdio: 'inherit' });
execFileSync(process.execPath, [path.join(__dirname, 'build-tools.js')], { stdio: 'inherit' });
const run = spawnSync(process.execPath, ['--no-warnings', path.join(root, 'build', 'tools', `${tool}.js`), ...args], {
  stdio: 'inherit',
});
process.exit(run.status ?? (run.signal === 'SIGINT' ? 130 : 1));
