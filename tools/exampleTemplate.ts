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
  const template = parse(readFileSync(file, 'utf8'), { customTags: CUSTOM_TAGS, logLevel: 'error' }) as {
    Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }>;
  };
  const resource = Object.values(template.Resources ?? {}).find(
    (candidate) => candidate.Type === 'Org::Cognito::UserPoolSettings',
  );
  if (!resource) throw new Error(`${file} has no Org::Cognito::UserPoolSettings resource`);
  const { UserPoolId: poolReference, ...settings } = resource.Properties ?? {};
  // The pool may come from a condition or another stack's export: the caller names it.
  const userPoolId = 'UserPoolId' in parameters ? parameters.UserPoolId : resolveRefs(poolReference, parameters);
  return { UserPoolId: userPoolId, ...(resolveRefs(settings, parameters) as Record<string, unknown>) };
}

/** Pseudo parameters, as in an example account, for `!Sub` strings. */
const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
};

function resolveRefs(value: unknown, parameters: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, parameters));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === 'Fn::Sub' && typeof entries[0][1] === 'string') {
      return entries[0][1].replace(/\$\{([\w:]+)\}/g, (_whole, name: string) => {
        const value = PSEUDO_PARAMETERS[name] ?? parameters[name];
        if (value === undefined) throw new Error(`the template's !Sub refers to ${name}, which has no value`);
        return value;
      });
    }
    if (entries.length === 1 && entries[0][0] === 'Ref') {
      const name = String(entries[0][1]);
      if (!(name in parameters)) throw new Error(`the template refers to parameter ${name}, which has no value`);
      return parameters[name];
    }
    return Object.fromEntries(entries.map(([key, member]) => [key, resolveRefs(member, parameters)]));
  }
  return value;
}
