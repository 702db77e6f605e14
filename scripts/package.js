#!/usr/bin/env node
// npm run package: the registry submission zip, with the layout `cfn submit --dry-run`
// gives a TypeScript project, plus resource-role.yaml derived from the schema.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const JSZip = require('jszip');
const { renderResourceRole } = require('./resource-role');

const root = path.resolve(__dirname, '..');
const ZIP_OPTIONS = { type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } };
// Fixed timestamps keep the zip identical for identical inputs.
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

async function buildPackage({
  handler = path.join(root, 'dist', 'handlers.js'),
  // Versioned: a new version needs a new S3 key, or re-registering it registers nothing new.
  outfile = path.join(root, packageFileName()),
  roleFile = path.join(root, 'resource-role.yaml'),
} = {}) {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema.json'), 'utf8'));
  fs.writeFileSync(roleFile, renderResourceRole(schema));

  if (!fs.existsSync(handler)) throw new Error('dist/handlers.js is missing; run npm run build first');
  const provider = new JSZip();
  provider.file('dist/handlers.js', fs.readFileSync(handler), { date: FIXED_DATE });
  const providerZip = await provider.generateAsync(ZIP_OPTIONS);

  const submission = new JSZip();
  submission.file('schema.json', JSON.stringify(schema, null, 4), { date: FIXED_DATE });
  submission.file('.rpdk-config', fs.readFileSync(path.join(root, '.rpdk-config')), { date: FIXED_DATE });
  submission.file('ResourceProvider.zip', providerZip, { date: FIXED_DATE });
  for (const input of fs.readdirSync(path.join(root, 'inputs')).sort()) {
    submission.file(`inputs/${input}`, fs.readFileSync(path.join(root, 'inputs', input)), { date: FIXED_DATE });
  }
  fs.writeFileSync(outfile, await submission.generateAsync(ZIP_OPTIONS));
  return { outfile, providerZipBytes: providerZip.length, submissionBytes: fs.statSync(outfile).size };
}

/** org-cognito-userpoolsettings-<package.json version>.zip */
function packageFileName() {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return `org-cognito-userpoolsettings-${version}.zip`;
}

module.exports = { buildPackage, packageFileName };

if (require.main === module) {
  buildPackage().then(
    ({ outfile, providerZipBytes, submissionBytes }) =>
      process.stdout.write(
        `wrote ${path.relative(root, outfile)} (${submissionBytes} bytes; handler ResourceProvider.zip ${providerZipBytes} bytes) and resource-role.yaml\n`,
      ),
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
