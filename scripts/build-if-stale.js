#!/usr/bin/env node
// Builds the handler bundles (type check + bundle) only when a source they are made from is
// newer than one of them, so the local tools start at once when nothing changed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { RESOURCE_TYPES, root } = require('./resource-types');
const SOURCES = [
  ...RESOURCE_TYPES.flatMap((type) => [path.dirname(type.handlerSource), type.schemaFile]),
  'engine',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/bundle.js',
  'scripts/shims',
];

function newestChange(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

function isStale() {
  if (RESOURCE_TYPES.some((type) => !fs.existsSync(type.bundleFile))) return true;
  const built = Math.min(...RESOURCE_TYPES.map((type) => fs.statSync(type.bundleFile).mtimeMs));
  return SOURCES.some(
    (source) => fs.existsSync(path.resolve(root, source)) && newestChange(path.resolve(root, source)) > built,
  );
}

if (isStale()) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
