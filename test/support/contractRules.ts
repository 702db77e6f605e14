import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
export { driftBetween } from '../../cli/drift';

export interface InputSet {
  name: string;
  create: Record<string, unknown>;
  update: Record<string, unknown>;
  invalid: Record<string, unknown>;
}

/** The `cfn test` input sets in inputs/, with their `{{Export}}` placeholders filled in. */
export function inputSets(root: string, exports: Record<string, string>): InputSet[] {
  const folder = path.join(root, 'inputs');
  const names = [...new Set(readdirSync(folder).map((file) => file.replace(/_(create|update|invalid)\.json$/, '')))];
  const read = (file: string) => {
    const text = readFileSync(path.join(folder, file), 'utf8').replace(
      /\{\{(\w+)\}\}/g,
      (placeholder, name: string) => {
        if (!(name in exports)) throw new Error(`${file}: no value for ${placeholder}`);
        return exports[name];
      },
    );
    return JSON.parse(text) as Record<string, unknown>;
  };
  return names.sort().map((name) => ({
    name,
    create: read(`${name}_create.json`),
    update: read(`${name}_update.json`),
    invalid: read(`${name}_invalid.json`),
  }));
}
