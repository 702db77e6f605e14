import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * The pool tag that marks a pool as managed by this type, written with TagResource on
 * CREATE and removed with UntagResource on DELETE; UpdateUserPool never carries tags.
 */
export const OWNERSHIP_TAG_KEY = 'org-cognito-userpoolsettings:managed';
export const OWNERSHIP_TAG_VALUE = 'true';

export function isManaged(pool: UserPoolType): boolean {
  return pool.UserPoolTags?.[OWNERSHIP_TAG_KEY] === OWNERSHIP_TAG_VALUE;
}

export function withOwnershipTag(pool: UserPoolType): UserPoolType {
  return { ...pool, UserPoolTags: { ...pool.UserPoolTags, [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE } };
}

/**
 * App clients take no tags, so Org::Cognito::UserPoolClientSettings marks a managed
 * client with a tag on its pool, keyed by the client id.
 */
export const CLIENT_OWNERSHIP_TAG_PREFIX = 'org-cognito-userpoolclientsettings:';

export function clientOwnershipTagKey(clientId: string): string {
  return `${CLIENT_OWNERSHIP_TAG_PREFIX}${clientId}`;
}

/** Whether the pool marks the app client as managed by Org::Cognito::UserPoolClientSettings. */
export function isClientManaged(pool: UserPoolType, clientId: string): boolean {
  return pool.UserPoolTags?.[clientOwnershipTagKey(clientId)] === OWNERSHIP_TAG_VALUE;
}

/** Whether a pool tag is one of the markers either type writes. */
export function isOwnershipMarker(key: string): boolean {
  return key === OWNERSHIP_TAG_KEY || key.startsWith(CLIENT_OWNERSHIP_TAG_PREFIX);
}

/** The pool without the markers of either type: they are bookkeeping, never settings. */
export function withoutOwnershipTag(pool: UserPoolType): UserPoolType {
  if (!pool.UserPoolTags) return pool;
  const otherTags = Object.fromEntries(Object.entries(pool.UserPoolTags).filter(([key]) => !isOwnershipMarker(key)));
  return { ...pool, UserPoolTags: otherTags };
}

/** Tags whose key starts with `aws:` are reserved for AWS: never written, never reported. */
export function withoutReservedTags(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).filter(([key]) => !key.toLowerCase().startsWith('aws:')));
}
