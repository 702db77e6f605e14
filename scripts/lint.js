#!/usr/bin/env node
// npm run lint: ESLint and Prettier on the files git tracks (so an untracked scratch file
// in the tree fails nothing), or on the whole tree outside a git checkout.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { lstatSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function trackedFiles() {
  try {
    return (
      execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .split('\0')
        // The schemas' second names (what `cfn` expects) are links; their targets are checked.
        .filter((file) => file && !lstatSync(path.join(root, file)).isSymbolicLink())
    );
  } catch {
    return undefined;
  }
}

function run(command, args) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

/** What ESLint and Prettier check: the tracked files, or the tree outside a git checkout. */
function lintTargets() {
  const tracked = trackedFiles();
  return {
    eslint: tracked ? tracked.filter((file) => /\.(ts|js|mjs|cjs)$/.test(file)) : ['.'],
    prettier: tracked ?? ['.'],
  };
}

module.exports = { lintTargets };

if (require.main === module) {
  const targets = lintTargets();
  const eslint = run(bin('eslint'), ['--no-warn-ignored', ...targets.eslint]);
  const prettier = run(bin('prettier'), ['--check', '--ignore-unknown', ...targets.prettier]);
  process.exit(eslint || prettier);
}
