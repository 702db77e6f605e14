#!/usr/bin/env node
// npm run package: each type's registry submission zip, with the layout `cfn submit
// --dry-run` gives a TypeScript project, plus its resource-role.yaml derived from its schema.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const JSZip = require('jszip');
const { renderResourceRole } = require('./resource-role');
const { RESOURCE_TYPES, root } = require('./resource-types');
const ZIP_OPTIONS = { type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' };
// Every entry: a fixed date, fixed permissions, and no implicit folder entries (JSZip would
// date those now), so two runs on the same inputs give byte-for-byte the same zip.
const ENTRY = { createFolders: false, unixPermissions: 0o644 };
// Fixed timestamps keep the zip identical for identical inputs.
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

async function buildPackage({
  type = RESOURCE_TYPES[0],
  handler = type.bundleFile,
  // Versioned: a new version needs a new S3 key, or re-registering it registers nothing new.
  outfile = path.join(root, packageFileName(type)),
  roleFile = path.join(type.projectDir, 'resource-role.yaml'),
} = {}) {
  const project = type.projectDir;
  const schema = JSON.parse(fs.readFileSync(type.schemaFile, 'utf8'));
  fs.writeFileSync(roleFile, renderResourceRole(schema));

  if (!fs.existsSync(handler)) throw new Error(`${path.relative(root, handler)} is missing; run npm run build first`);
  const provider = new JSZip();
  provider.file('dist/handlers.js', fs.readFileSync(handler), { ...ENTRY, date: FIXED_DATE });
  const providerZip = await provider.generateAsync(ZIP_OPTIONS);

  const submission = new JSZip();
  submission.file('schema.json', JSON.stringify(schema, null, 4), { ...ENTRY, date: FIXED_DATE });
  submission.file('.rpdk-config', fs.readFileSync(path.join(project, '.rpdk-config')), { ...ENTRY, date: FIXED_DATE });
  submission.file('ResourceProvider.zip', providerZip, { ...ENTRY, date: FIXED_DATE });
  for (const input of fs.readdirSync(path.join(project, 'inputs')).sort()) {
    submission.file(`inputs/${input}`, fs.readFileSync(path.join(project, 'inputs', input)), {
      ...ENTRY,
      date: FIXED_DATE,
    });
  }
  fs.writeFileSync(outfile, await submission.generateAsync(ZIP_OPTIONS));
  return { outfile, providerZipBytes: providerZip.length, submissionBytes: fs.statSync(outfile).size };
}

/** org-cognito-userpoolsettings-<package.json version>.zip, and likewise for the app client type. */
function packageFileName(type = RESOURCE_TYPES[0]) {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return `${type.slug}-${version}.zip`;
}

module.exports = { buildPackage, packageFileName };

async function buildAllPackages() {
  for (const type of RESOURCE_TYPES) {
    const { outfile, providerZipBytes, submissionBytes } = await buildPackage({ type });
    const role = path.relative(root, path.join(type.projectDir, 'resource-role.yaml'));
    process.stdout.write(
      `${type.typeName}: wrote ${path.relative(root, outfile)} (${submissionBytes} bytes; handler ResourceProvider.zip ${providerZipBytes} bytes) and ${role}\n`,
    );
  }
}

const USAGE = `usage: npm run package

Builds the handler bundles (npm run build), then each type's registry submission zip,
<type-slug>-<version>.zip, byte-for-byte reproducible, and its resource-role.yaml.`;

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (args.length > 0) {
    process.stderr.write(`unknown option ${args[0]}\n${USAGE}\n`);
    process.exit(2);
  }
  require('node:child_process').execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  buildAllPackages().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
