import { readFileSync } from 'node:fs';
import { parse, type Tags } from 'yaml';

const INTRINSICS = ['Ref', 'Sub', 'GetAtt', 'ImportValue', 'Join', 'Select', 'If', 'FindInMap', 'Base64'];
const CUSTOM_TAGS: Tags = INTRINSICS.map((name) => ({
  tag: `!${name}`,
  resolve: (value: unknown) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: value }),
}));

/**
 * The properties of the first Org::Cognito::UserPoolSettings resource in a template,
 * with `Ref`s to parameters replaced by the given values (as CloudFormation would).
 */
export function settingsFromTemplate(file: string, parameters: Record<string, string>): Record<string, unknown> {
  const template = parse(readFileSync(file, 'utf8'), { customTags: CUSTOM_TAGS }) as {
    Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }>;
  };
  const resource = Object.values(template.Resources ?? {}).find(
    (candidate) => candidate.Type === 'Org::Cognito::UserPoolSettings',
  );
  if (!resource) throw new Error(`${file} has no Org::Cognito::UserPoolSettings resource`);
  return resolveRefs(resource.Properties ?? {}, parameters) as Record<string, unknown>;
}

function resolveRefs(value: unknown, parameters: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, parameters));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === 'Ref') {
      const name = String(entries[0][1]);
      if (!(name in parameters)) throw new Error(`the template refers to parameter ${name}, which has no value`);
      return parameters[name];
    }
    return Object.fromEntries(entries.map(([key, member]) => [key, resolveRefs(member, parameters)]));
  }
  return value;
}
