import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { MARKER_TAG_VALUE, markerTagKey, markerTagPrefix } from '../engine/markerTags';
import { ResourceModel } from './models';

/**
 * The pool tag that marks a pool as managed by this type, written with TagResource on
 * CREATE and removed with UntagResource on DELETE; UpdateUserPool never carries tags.
 */
export const OWNERSHIP_TAG_KEY = markerTagKey(ResourceModel.TYPE_NAME, 'managed');
export const OWNERSHIP_TAG_VALUE = MARKER_TAG_VALUE;

export function isManaged(pool: UserPoolType): boolean {
  return pool.UserPoolTags?.[OWNERSHIP_TAG_KEY] === OWNERSHIP_TAG_VALUE;
}

export function withOwnershipTag(pool: UserPoolType): UserPoolType {
  return { ...pool, UserPoolTags: { ...pool.UserPoolTags, [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE } };
}

/**
 * The markers of this type and of the app client type, whose earlier versions marked
 * each claimed client on its pool (`org-cognito-userpoolclientsettings:<ClientId>`).
 */
const MARKER_PREFIXES = [ResourceModel.TYPE_NAME, 'Org::Cognito::UserPoolClientSettings'].map(markerTagPrefix);

function isMarkerTag(key: string): boolean {
  return MARKER_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** The pool without the markers of either type: they are bookkeeping, never settings. */
export function withoutOwnershipTag(pool: UserPoolType): UserPoolType {
  if (!pool.UserPoolTags) return pool;
  const otherTags = Object.fromEntries(Object.entries(pool.UserPoolTags).filter(([key]) => !isMarkerTag(key)));
  return { ...pool, UserPoolTags: otherTags };
}

/** Tags whose key starts with `aws:` are reserved for AWS: never written, never reported. */
export function withoutReservedTags(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).filter(([key]) => !key.toLowerCase().startsWith('aws:')));
}
