#!/usr/bin/env node
// Writes each type's models.ts from its schema.json in the shape `cfn generate` gives a
// TypeScript project, so the project works without the cfn CLI. The models are generated,
// not committed (as `cfn generate` and `cfn submit` regenerate them): `npm ci` (prepare)
// and `npm run build` write them; a test checks they are current.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const LIB = '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
const RESERVED = new Set(['constructor', 'default', 'extends', 'function', 'class', 'delete', 'new']);

function memberName(propertyName) {
  const camel = propertyName.charAt(0).toLowerCase() + propertyName.slice(1);
  return RESERVED.has(camel) ? `${camel}_` : camel;
}

function resolve(schema, property) {
  if (property.$ref) {
    const name = property.$ref.replace('#/definitions/', '');
    return { ...schema.definitions[name], definitionName: name };
  }
  return property;
}

function className(owner, propertyName, resolved) {
  return resolved.definitionName ?? (owner === 'ResourceModel' ? propertyName : `${owner}${propertyName}`);
}

// Returns how one property is declared: TS type, the primitive class transformValue
// recasts to, the container chain, and the nested class if any.
function describeProperty(schema, owner, propertyName, property, classes) {
  const resolved = resolve(schema, property);
  const containers = [];
  let item = resolved;
  let itemName = propertyName;
  const wrap = [];
  for (;;) {
    if (item.type === 'array') {
      containers.push('Array');
      wrap.push('Array');
      item = resolve(schema, item.items);
      continue;
    }
    if (item.type === 'object' && !item.properties && (item.patternProperties || item.additionalProperties)) {
      containers.push('Map');
      wrap.push('Map');
      const values = item.patternProperties ? Object.values(item.patternProperties)[0] : item.additionalProperties;
      item = resolve(schema, values);
      continue;
    }
    break;
  }
  let tsType;
  let primitive;
  let nested;
  if (item.type === 'object') {
    nested = className(owner, itemName, item);
    classes.push({ name: nested, schema: item });
    tsType = nested;
    primitive = nested;
  } else if (item.type === 'integer') {
    tsType = 'integer';
    primitive = 'Integer';
  } else if (item.type === 'number') {
    tsType = 'number';
    primitive = 'Number';
  } else if (item.type === 'boolean') {
    tsType = 'boolean';
    primitive = 'Boolean';
  } else {
    tsType = 'string';
    primitive = 'String';
  }
  for (const container of wrap.reverse()) {
    tsType = container === 'Array' ? `Array<${tsType}>` : `Map<string, ${tsType}>`;
  }
  return { tsType, primitive, containers, nested };
}

function renderClass(schema, name, objectSchema, classes, isResource) {
  const lines = [];
  lines.push(`export class ${name} extends BaseModel {`);
  lines.push(`    ['constructor']!: typeof ${name};`);
  lines.push('');
  if (isResource) {
    lines.push('    @Exclude()');
    lines.push(`    public static readonly TYPE_NAME: string = '${schema.typeName}';`);
    lines.push('');
    for (const pointer of schema.primaryIdentifier) {
      const key = pointer.split('/').pop();
      lines.push('    @Exclude()');
      lines.push(`    protected readonly IDENTIFIER_KEY_${key.toUpperCase()}: string = '${pointer}';`);
    }
    lines.push('');
  }
  for (const [propertyName, property] of Object.entries(objectSchema.properties ?? {})) {
    const member = memberName(propertyName);
    const described = describeProperty(schema, name, propertyName, property, classes);
    lines.push(`    @Expose({ name: '${propertyName}' })`);
    if (described.nested) {
      lines.push(`    @Type(() => ${described.nested})`);
    } else {
      const containerList = described.containers.join(', ');
      lines.push('    @Transform(');
      lines.push('        ({ value, obj }) =>');
      lines.push(`            transformValue(${described.primitive}, '${member}', value, obj, [${containerList}]),`);
      lines.push('        {');
      lines.push('            toClassOnly: true,');
      lines.push('        }');
      lines.push('    )');
    }
    lines.push(`    ${member}?: Optional<${described.tsType}>;`);
  }
  if (isResource) {
    lines.push('');
    lines.push('    @Exclude()');
    lines.push('    public getPrimaryIdentifier(): Dict | null {');
    lines.push('        const identifier: Dict = {};');
    for (const pointer of schema.primaryIdentifier) {
      const key = pointer.split('/').pop();
      lines.push(`        if (this.${memberName(key)} != null) {`);
      lines.push(`            identifier[this.IDENTIFIER_KEY_${key.toUpperCase()}] = this.${memberName(key)};`);
      lines.push('        }');
    }
    lines.push('');
    lines.push('        // only return the identifier if it can be used, i.e. if all components are present');
    lines.push(
      `        return Object.keys(identifier).length === ${schema.primaryIdentifier.length} ? identifier : null;`,
    );
    lines.push('    }');
    lines.push('');
    lines.push('    @Exclude()');
    lines.push('    public getAdditionalIdentifiers(): Array<Dict> | null {');
    lines.push('        const identifiers: Array<Dict> = new Array<Dict>();');
    lines.push('        // only return the identifiers if any can be used');
    lines.push('        return identifiers.length === 0 ? null : identifiers;');
    lines.push('    }');
  }
  lines.push('}');
  lines.push('');
  return lines.join('\n');
}

function renderModels(schema) {
  const rendered = [];
  const pending = [];
  const done = new Set();
  rendered.push(renderClass(schema, 'ResourceModel', schema, pending, true));
  while (pending.length > 0) {
    const next = pending.shift();
    if (done.has(next.name)) continue;
    done.add(next.name);
    rendered.push(renderClass(schema, next.name, next.schema, pending, false));
  }
  const header = [
    '// This is a generated file. Modifications will be overwritten.',
    '// Regenerate with `npm run generate` after changing schema.json.',
    `import { BaseModel, Dict, integer, Integer, Optional, transformValue } from '${LIB}';`,
    "import { Exclude, Expose, Type, Transform } from 'class-transformer';",
    '',
  ];
  return `${header.join('\n')}\n${rendered.join('\n')}`;
}

module.exports = { renderModels };

if (require.main === module) {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(
      "usage: npm run generate\n\nWrites each type's src/models.ts from its schema.json, as `cfn generate` does.\n",
    );
    process.exit(0);
  }
  const { RESOURCE_TYPES, root } = require('./resource-types');
  for (const type of RESOURCE_TYPES) {
    const schema = JSON.parse(fs.readFileSync(type.schemaFile, 'utf8'));
    const models = renderModels(schema);
    // Unchanged models keep their time, so nothing built from them looks stale.
    const current = fs.existsSync(type.modelsFile) ? fs.readFileSync(type.modelsFile, 'utf8') : undefined;
    if (current !== models) fs.writeFileSync(type.modelsFile, models);
    if (!process.argv.includes('--quiet')) process.stdout.write(`wrote ${path.relative(root, type.modelsFile)}\n`);
  }
}
