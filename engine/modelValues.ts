import { instanceToPlain } from 'class-transformer';
import { isPlainObject } from './merge';

/**
 * Turns one of the lib's models (camelCase members, `bigint` integers, `Map` tags, values
 * CloudFormation sent as strings already recast) into plain SDK-shaped values, keeping
 * only the named top-level properties. Model objects never reach the SDK.
 */
export function declaredFromModel(model: object | undefined, declarable: readonly string[]): Record<string, unknown> {
  if (!model) return {};
  const plain = toSdkValue(instanceToPlain(model));
  const declared: Record<string, unknown> = {};
  if (!isPlainObject(plain)) return declared;
  for (const field of declarable) {
    if (plain[field] !== undefined) declared[field] = plain[field];
  }
  return declared;
}

function toSdkValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Map) return toSdkValue(Object.fromEntries(value));
  if (Array.isArray(value)) return value.map(toSdkValue);
  if (isPlainObject(value)) {
    const converted: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      const sdkValue = toSdkValue(member);
      if (sdkValue !== undefined) converted[key] = sdkValue;
    }
    return converted;
  }
  return value;
}
