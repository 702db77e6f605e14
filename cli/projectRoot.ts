import { existsSync } from 'node:fs';
import path from 'node:path';
import { TYPE_NAME } from './typeNames';

/** The folder holding package.json, whether running from cli/ (tests) or build/tools/. */
export function projectRoot(start = __dirname): string {
  let folder = start;
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${start}`);
    folder = parent;
  }
  return folder;
}

/** The bundle a type ships, where scripts/resource-types.js (the one list of types) puts it. */
export function handlerBundle(typeName: string = TYPE_NAME): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RESOURCE_TYPES } = require(path.join(projectRoot(), 'scripts', 'resource-types.js')) as {
    RESOURCE_TYPES: { typeName: string; bundleFile: string }[];
  };
  const type = RESOURCE_TYPES.find((candidate) => candidate.typeName === typeName);
  if (!type) throw new Error(`no resource type ${typeName} in scripts/resource-types.js`);
  return type.bundleFile;
}
