import { existsSync } from 'node:fs';
import path from 'node:path';

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
