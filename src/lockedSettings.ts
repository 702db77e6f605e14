import type { SchemaAttributeType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { LockedSettings } from './fields';

/** A declared locked setting that differs from the pool. */
export interface LockedSettingConflict {
  setting: string;
  message: string;
}

const NEEDS_NEW_POOL = 'Cognito cannot change this after the pool is created; it needs a new user pool';

/**
 * Compares declared locked settings with the described pool. An equal value passes;
 * a different one is a conflict. Missing declarations are not compared. Schema, which
 * can also grow, is planned by `planSchemaAttributes`.
 */
export function findLockedSettingConflicts(described: UserPoolType, declared: LockedSettings): LockedSettingConflict[] {
  const conflicts: LockedSettingConflict[] = [];
  const conflict = (setting: string, declaredValue: unknown, poolValue: unknown): void => {
    conflicts.push({
      setting,
      message: `${setting} is ${JSON.stringify(poolValue)} on the pool but the template declares ${JSON.stringify(declaredValue)}. ${NEEDS_NEW_POOL}.`,
    });
  };
  if (declared.PoolName !== undefined && declared.PoolName !== described.Name) {
    conflict('PoolName', declared.PoolName, described.Name);
  }
  if (declared.UsernameAttributes && !sameSet(declared.UsernameAttributes, described.UsernameAttributes ?? [])) {
    conflict('UsernameAttributes', declared.UsernameAttributes, described.UsernameAttributes ?? []);
  }
  if (declared.AliasAttributes && !sameSet(declared.AliasAttributes, described.AliasAttributes ?? [])) {
    conflict('AliasAttributes', declared.AliasAttributes, described.AliasAttributes ?? []);
  }
  if (declared.UsernameConfiguration?.CaseSensitive !== undefined) {
    // Pools created before UsernameConfiguration existed are case sensitive.
    const poolCaseSensitive = described.UsernameConfiguration?.CaseSensitive ?? true;
    if (declared.UsernameConfiguration.CaseSensitive !== poolCaseSensitive) {
      conflict('UsernameConfiguration.CaseSensitive', declared.UsernameConfiguration.CaseSensitive, poolCaseSensitive);
    }
  }
  return conflicts;
}

function sameSet(declared: readonly string[], described: readonly string[]): boolean {
  const left = new Set(declared);
  const right = new Set(described);
  return left.size === right.size && [...left].every((value) => right.has(value));
}

export const STANDARD_ATTRIBUTES: ReadonlySet<string> = new Set([
  'sub',
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
  'identities',
]);

/** Cognito's limits on custom attributes. */
export const MAX_CUSTOM_ATTRIBUTES_PER_POOL = 50;
export const MAX_CUSTOM_ATTRIBUTES_PER_CALL = 25;

/**
 * The pool's attribute a declared name refers to: standard attributes by their own
 * name, custom ones with or without `custom:` (developer-only ones are `dev:custom:`).
 */
export function findPoolAttribute(
  poolAttributes: ReadonlyMap<string | undefined, SchemaAttributeType>,
  declaredName: string,
): SchemaAttributeType | undefined {
  if (STANDARD_ATTRIBUTES.has(declaredName)) return poolAttributes.get(declaredName);
  const customName = declaredName.replace(/^custom:/, '');
  return poolAttributes.get(`custom:${customName}`) ?? poolAttributes.get(`dev:custom:${customName}`);
}

export function countCustomAttributes(pool: UserPoolType): number {
  return (pool.SchemaAttributes ?? []).filter((attribute) => /^(dev:)?custom:/.test(attribute.Name ?? '')).length;
}

export interface SchemaPlan {
  /** Custom attributes to add with AddCustomAttributes, names without `custom:`. */
  toAdd: SchemaAttributeType[];
  conflicts: LockedSettingConflict[];
}

/**
 * Works out what declared Schema attributes mean for the pool: existing attributes
 * must match, missing custom attributes are added, and nothing is ever removed.
 */
export function planSchemaAttributes(described: UserPoolType, declaredSchema: SchemaAttributeType[]): SchemaPlan {
  const plan: SchemaPlan = { toAdd: [], conflicts: [] };
  const poolAttributes = new Map((described.SchemaAttributes ?? []).map((attribute) => [attribute.Name, attribute]));
  for (const declared of declaredSchema) {
    const rawName = declared.Name ?? '';
    const isStandard = STANDARD_ATTRIBUTES.has(rawName);
    const existing = findPoolAttribute(poolAttributes, rawName);
    const setting = `Schema[${rawName}]`;
    if (existing) {
      for (const difference of attributeDifferences(declared, existing)) {
        plan.conflicts.push({
          setting,
          message: `${setting}: ${difference}. Existing attributes cannot change; ${NEEDS_NEW_POOL}.`,
        });
      }
      continue;
    }
    if (isStandard) {
      plan.conflicts.push({
        setting,
        message: `${setting}: the pool has no standard attribute ${rawName}. Standard attributes cannot be added; ${NEEDS_NEW_POOL}.`,
      });
      continue;
    }
    if (declared.Required) {
      plan.conflicts.push({
        setting,
        message: `${setting}: required attributes cannot be added to an existing pool; ${NEEDS_NEW_POOL}.`,
      });
      continue;
    }
    plan.toAdd.push({
      ...declared,
      Name: rawName.replace(/^custom:/, ''),
      AttributeDataType: declared.AttributeDataType ?? 'String',
    });
  }
  return plan;
}

const ATTRIBUTE_DEFAULTS = {
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
} as const;

function attributeDifferences(declared: SchemaAttributeType, existing: SchemaAttributeType): string[] {
  const differences: string[] = [];
  for (const member of Object.keys(ATTRIBUTE_DEFAULTS) as (keyof typeof ATTRIBUTE_DEFAULTS)[]) {
    if (declared[member] === undefined) continue;
    const poolValue = existing[member] ?? ATTRIBUTE_DEFAULTS[member];
    if (declared[member] !== poolValue) {
      differences.push(
        `${member} is ${JSON.stringify(poolValue)} on the pool, declared ${JSON.stringify(declared[member])}`,
      );
    }
  }
  for (const constraints of ['NumberAttributeConstraints', 'StringAttributeConstraints'] as const) {
    const declaredConstraints: Record<string, string | undefined> = { ...declared[constraints] };
    const poolConstraints: Record<string, string | undefined> = { ...existing[constraints] };
    for (const [member, value] of Object.entries(declaredConstraints)) {
      if (value === undefined) continue;
      if (String(value) !== String(poolConstraints[member])) {
        differences.push(
          `${constraints}.${member} is ${JSON.stringify(poolConstraints[member])} on the pool, declared ${JSON.stringify(value)}`,
        );
      }
    }
  }
  return differences;
}
