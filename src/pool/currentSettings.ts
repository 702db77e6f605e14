import type { SchemaAttributeType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { MERGEABLE_FIELDS, MFA_FIELDS } from './fields';
import { findPoolAttribute } from './lockedSettings';
import { pruneEmpty } from './merge';
import { withoutOwnershipTag, withoutReservedTags } from './ownership';
import type { DeclaredSettings, MfaSettings } from './settings';

/**
 * The pool's current settings under the property names a template uses, for READ
 * and for the model a write returns, so drift detection sees real values.
 * The ownership marker and reserved `aws:` tags are never reported.
 *
 * Schema is reported only for the attributes the template names (under the names it
 * uses): the pool always has every standard attribute, and reporting them all
 * would show drift on any template that declares a few.
 */
export function currentSettings(
  pool: UserPoolType,
  mfa: MfaSettings | undefined,
  declaredSchema: SchemaAttributeType[] | undefined,
): DeclaredSettings {
  const reported = withoutOwnershipTag(pool);
  const settings: Record<string, unknown> = {};
  for (const field of MERGEABLE_FIELDS) {
    const value = pruneEmpty(reported[field]);
    if (value !== undefined) settings[field] = value;
  }
  if (settings.UserPoolTags)
    settings.UserPoolTags = withoutReservedTags(settings.UserPoolTags as Record<string, string>);
  // UpdateUserPool carries MfaConfiguration; GetUserPoolMfaConfig is the truth when read.
  settings.MfaConfiguration = mfa?.MfaConfiguration ?? pool.MfaConfiguration;
  for (const field of MFA_FIELDS) {
    if (field !== 'MfaConfiguration' && mfa?.[field] !== undefined) settings[field] = mfa[field];
  }
  settings.PoolName = pool.Name;
  if (pool.UsernameAttributes?.length) settings.UsernameAttributes = pool.UsernameAttributes;
  if (pool.AliasAttributes?.length) settings.AliasAttributes = pool.AliasAttributes;
  if (pool.UsernameConfiguration) settings.UsernameConfiguration = pool.UsernameConfiguration;
  const schema = reportedSchema(pool, declaredSchema);
  if (schema.length > 0) settings.Schema = schema;
  return pruneEmpty(settings) ?? {};
}

function reportedSchema(pool: UserPoolType, declaredSchema: SchemaAttributeType[] | undefined): SchemaAttributeType[] {
  const poolAttributes = new Map((pool.SchemaAttributes ?? []).map((attribute) => [attribute.Name, attribute]));
  const reported: SchemaAttributeType[] = [];
  for (const declared of declaredSchema ?? []) {
    const name = declared.Name ?? '';
    const existing = findPoolAttribute(poolAttributes, name);
    if (existing) reported.push({ ...existing, Name: name });
  }
  return reported;
}
