/**
 * Compares a type's schema.json with the SDK's own runtime shape schemas, at every depth:
 * a member the SDK has that the schema lacks, or one the schema declares that the SDK
 * does not have, is a difference, as is an enum value on either side.
 */

export type SdkShape = number | unknown[] | (() => SdkShape);
export type JsonSchema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: string[];
};

/** The SDK enums of a RiskConfiguration property (either type), by property path. */
export function riskConfigurationEnums(sdk: Record<string, unknown>): Record<string, Record<string, string>> {
  const takeover = sdk.AccountTakeoverEventActionType as Record<string, string>;
  const prefix = 'RiskConfiguration.AccountTakeoverRiskConfiguration.Actions';
  return {
    'RiskConfiguration.CompromisedCredentialsRiskConfiguration.EventFilter': sdk.EventFilterType as Record<
      string,
      string
    >,
    'RiskConfiguration.CompromisedCredentialsRiskConfiguration.Actions.EventAction':
      sdk.CompromisedCredentialsEventActionType as Record<string, string>,
    [`${prefix}.LowAction.EventAction`]: takeover,
    [`${prefix}.MediumAction.EventAction`]: takeover,
    [`${prefix}.HighAction.EventAction`]: takeover,
  };
}

const resolveShape = (shape: SdkShape): SdkShape => (typeof shape === 'function' ? resolveShape(shape()) : shape);

/** Compares one type's schema with SDK shapes, skipping the members it names as not declarable. */
export function sdkComparison(definitions: Record<string, unknown>, notDeclarable: Record<string, string>) {
  function resolveRef(node: JsonSchema): JsonSchema {
    if (!node.$ref) return node;
    return resolveRef(definitions[node.$ref.replace('#/definitions/', '')] as JsonSchema);
  }

  /** Every difference between an SDK shape and the schema node that declares it. */
  function shapeDifferences(shape: SdkShape, node: JsonSchema, at: string): string[] {
    const resolved = resolveShape(shape);
    const declared = resolveRef(node);
    if (typeof resolved === 'number') return primitiveDifferences(resolved, declared, at);
    const [kind] = resolved as [number];
    if (kind === 0) return shapeDifferences((resolved as unknown[])[4] as SdkShape, node, at); // a string with traits
    if (kind === 1) {
      if (declared.type !== 'array') return [`${at}: the SDK has a list, schema.json a ${declared.type}`];
      return shapeDifferences((resolved as unknown[])[4] as SdkShape, declared.items ?? {}, at);
    }
    if (kind === 2)
      return declared.type === 'object' ? [] : [`${at}: the SDK has a map, schema.json a ${declared.type}`];
    const [, , , , names, members] = resolved as [number, string, string, unknown, string[], SdkShape[]];
    if (declared.type !== 'object') return [`${at}: the SDK has a structure, schema.json a ${declared.type}`];
    const differences: string[] = [];
    const properties = declared.properties ?? {};
    names.forEach((name, index) => {
      const path = at ? `${at}.${name}` : name;
      if (notDeclarable[path]) return;
      if (!properties[name]) differences.push(`${path}: in the SDK, missing from schema.json`);
      else differences.push(...shapeDifferences(members[index], properties[name], path));
    });
    for (const name of Object.keys(properties)) {
      if (!names.includes(name)) differences.push(`${at ? `${at}.${name}` : name}: in schema.json, not in the SDK`);
    }
    return differences;
  }

  function primitiveDifferences(shape: number, declared: JsonSchema, at: string): string[] {
    if (shape >= 128) return declared.type === 'object' ? [] : [`${at}: the SDK has a map of primitives`];
    if (shape >= 64) {
      if (declared.type !== 'array') return [`${at}: the SDK has a list of primitives`];
      return primitiveDifferences(shape - 64, resolveRef(declared.items ?? {}), at);
    }
    const expected = ({ 0: 'string', 1: 'integer', 2: 'boolean' } as Record<number, string>)[shape];
    return expected && declared.type !== expected
      ? [`${at}: the SDK has a ${expected}, schema.json a ${declared.type}`]
      : [];
  }

  function enumPaths(node: JsonSchema, at: string, found: Map<string, string[]>): void {
    const resolved = resolveRef(node);
    if (resolved.enum) found.set(at, resolved.enum);
    if (resolved.items) enumPaths(resolved.items, at, found);
    for (const [name, member] of Object.entries(resolved.properties ?? {})) {
      enumPaths(member, at ? `${at}.${name}` : name, found);
    }
  }

  return { shapeDifferences, enumPaths };
}
