import { readFileSync } from 'node:fs';
import { parse, type Tags } from 'yaml';

const INTRINSICS = ['Ref', 'Sub', 'GetAtt', 'ImportValue', 'Join', 'Select', 'If', 'FindInMap', 'Base64'];
const CUSTOM_TAGS: Tags = INTRINSICS.map((name) => ({
  tag: `!${name}`,
  resolve: (value: unknown) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: value }),
}));

type TemplateResource = { Type?: string; Properties?: Record<string, unknown>; DependsOn?: string | string[] };
type TemplateResources = Record<string, TemplateResource>;
type TemplateParameters = Record<string, { Default?: unknown }>;

/**
 * A template's resources, read as CloudFormation reads templates: YAML 1.1, where a bare
 * `OFF`, `ON`, `yes` or `no` is a boolean (aws/aws-cli#5257), so a plan sees what a deploy
 * would send.
 */
function resourcesOf(file: string): TemplateResources {
  return templateOf(file)?.Resources ?? {};
}

function templateOf(file: string): { Resources?: TemplateResources; Parameters?: TemplateParameters } | undefined {
  try {
    return parse(readFileSync(file, 'utf8'), { customTags: CUSTOM_TAGS, logLevel: 'error', version: '1.1' });
  } catch (error) {
    // The parser names the line and column; the file is ours to name.
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/** The template's parameters with a Default, as CloudFormation uses them when a stack gives no value. */
function parameterDefaults(file: string): Record<string, string> {
  const parameters = templateOf(file)?.Parameters ?? {};
  return Object.fromEntries(
    Object.entries(parameters)
      .filter(([, parameter]) => parameter?.Default !== undefined)
      .map(([name, parameter]) => [name, String(parameter.Default)]),
  );
}

export interface ResourceInTemplate {
  logicalId: string;
  type: string;
  /** The other resources it depends on: DependsOn, Ref and Fn::GetAtt. */
  dependsOn: string[];
}

/** Every resource of a template, in an order where each comes after those it depends on. */
export function resourcesInDependencyOrder(file: string): ResourceInTemplate[] {
  const resources = resourcesOf(file);
  const ids = Object.keys(resources);
  const dependencies = (resource: TemplateResource): string[] => {
    const explicit = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat();
    const referenced = [...JSON.stringify(resource.Properties ?? {}).matchAll(/"(?:Ref|Fn::GetAtt)":\s*\[?"([^".]+)/g)];
    return [...new Set([...explicit, ...referenced.map((match) => match[1])])].filter((id) => ids.includes(id));
  };
  const ordered: ResourceInTemplate[] = [];
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (ordered.some((resource) => resource.logicalId === id) || visiting.has(id)) return;
    visiting.add(id);
    const dependsOn = dependencies(resources[id]);
    for (const dependency of dependsOn) visit(dependency);
    ordered.push({ logicalId: id, type: resources[id].Type ?? '', dependsOn });
  };
  for (const id of ids) visit(id);
  return ordered;
}

/** The settings type a template declares: the app client type when it has one, else the pool type. */
export function typeInTemplate(
  file: string,
): 'Org::Cognito::UserPoolSettings' | 'Org::Cognito::UserPoolClientSettings' | undefined {
  const types = Object.values(resourcesOf(file)).map((resource) => resource.Type);
  if (types.includes('Org::Cognito::UserPoolClientSettings')) return 'Org::Cognito::UserPoolClientSettings';
  return types.includes('Org::Cognito::UserPoolSettings') ? 'Org::Cognito::UserPoolSettings' : undefined;
}

/**
 * The properties of the first resource of a type (Org::Cognito::UserPoolSettings unless
 * told) in a template, with `Ref`s to parameters replaced by the given values (else their
 * defaults), as CloudFormation would. The identifiers (UserPoolId, ClientId) may come from conditions or
 * other stacks' exports: a parameter of the same name overrides them.
 */
export function settingsFromTemplate(
  file: string,
  parameters: Record<string, string>,
  typeName = 'Org::Cognito::UserPoolSettings',
  logicalId?: string,
): Record<string, unknown> {
  const resources = resourcesOf(file);
  const resource = logicalId
    ? resources[logicalId]
    : Object.values(resources).find((candidate) => candidate.Type === typeName);
  if (!resource) throw new Error(`${file} has no ${logicalId ?? typeName} resource`);
  const properties: Record<string, unknown> = { ...resource.Properties };
  const identifiers: Record<string, unknown> = {};
  for (const identifier of ['UserPoolId', 'ClientId']) {
    if (!(identifier in properties)) continue;
    identifiers[identifier] =
      identifier in parameters ? parameters[identifier] : resolveRefs(properties[identifier], parameters);
    delete properties[identifier];
  }
  const values = { ...parameterDefaults(file), ...parameters };
  return { ...identifiers, ...(resolveRefs(properties, values) as Record<string, unknown>) };
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
