#!/usr/bin/env node
// Builds dist/handlers.js (type check + bundle) only when a source it is made from is
// newer than it, so the local tools start at once when nothing changed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist', 'handlers.js');
const SOURCES = [
  'src',
  'schema.json',
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
  if (!fs.existsSync(bundle)) return true;
  const built = fs.statSync(bundle).mtimeMs;
  return SOURCES.some(
    (source) => fs.existsSync(path.join(root, source)) && newestChange(path.join(root, source)) > built,
  );
}

if (isStale()) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
