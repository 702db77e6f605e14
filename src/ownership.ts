import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { CLIENT_MARKER_TAG_PREFIX, MARKER_TAG_VALUE } from '../engine/markerTags';

/**
 * The pool tag that marks a pool as managed by this type, written with TagResource on
 * CREATE and removed with UntagResource on DELETE; UpdateUserPool never carries tags.
 */
export const OWNERSHIP_TAG_KEY = 'org-cognito-userpoolsettings:managed';
export const OWNERSHIP_TAG_VALUE = MARKER_TAG_VALUE;

export function isManaged(pool: UserPoolType): boolean {
  return pool.UserPoolTags?.[OWNERSHIP_TAG_KEY] === OWNERSHIP_TAG_VALUE;
}

export function withOwnershipTag(pool: UserPoolType): UserPoolType {
  return { ...pool, UserPoolTags: { ...pool.UserPoolTags, [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE } };
}

/** Whether a pool tag is one of the markers either type writes (or wrote). */
export function isOwnershipMarker(key: string): boolean {
  return key === OWNERSHIP_TAG_KEY || key.startsWith(CLIENT_MARKER_TAG_PREFIX);
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
