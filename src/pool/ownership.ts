import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * The pool tag that marks a pool as managed by this type. It travels in the same
 * complete UpdateUserPool request as the settings, so no tag API is needed.
 */
export const OWNERSHIP_TAG_KEY = 'org-cognito-userpoolsettings:managed';
export const OWNERSHIP_TAG_VALUE = 'true';

export function isManaged(pool: UserPoolType): boolean {
  return pool.UserPoolTags?.[OWNERSHIP_TAG_KEY] === OWNERSHIP_TAG_VALUE;
}

export function withOwnershipTag(pool: UserPoolType): UserPoolType {
  return { ...pool, UserPoolTags: { ...pool.UserPoolTags, [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE } };
}

export function withoutOwnershipTag(pool: UserPoolType): UserPoolType {
  if (!pool.UserPoolTags) return pool;
  const { [OWNERSHIP_TAG_KEY]: _marker, ...otherTags } = pool.UserPoolTags;
  return { ...pool, UserPoolTags: otherTags };
}

/** Tags whose key starts with `aws:` are reserved for AWS: never written, never reported. */
export function withoutReservedTags(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).filter(([key]) => !key.toLowerCase().startsWith('aws:')));
}
