import { existsSync } from 'node:fs';
import path from 'node:path';
import { CLIENT_TYPE_NAME, TYPE_NAME } from '../engine/typeInfo';

/** The folder holding package.json, whether running from tools/ (tests) or build/tools/. */
export function projectRoot(start = __dirname): string {
  let folder = start;
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${start}`);
    folder = parent;
  }
  return folder;
}

/** The bundle a type ships: dist/handlers.js in its cfn project directory (client-settings/ for app clients). */
export function handlerBundle(typeName: string = TYPE_NAME): string {
  const project = typeName === CLIENT_TYPE_NAME ? path.join(projectRoot(), 'client-settings') : projectRoot();
  return path.join(project, 'dist', 'handlers.js');
}
