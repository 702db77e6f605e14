import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { MARKER_TAG_VALUE, markerTagKey, markerTagPrefix } from '../engine/markerTags';
import { ResourceModel } from './models';

/**
 * The pool tag earlier versions wrote to mark a pool as managed by this type. The claim now
 * lives in the engine's ownership record (Parameter Store), which frees one of the pool's
 * 50 tags; a pool that still carries the tag is managed, and its next write removes it.
 */
export const OWNERSHIP_TAG_KEY = markerTagKey(ResourceModel.TYPE_NAME, 'managed');
export const OWNERSHIP_TAG_VALUE = MARKER_TAG_VALUE;

export function carriesLegacyClaimTag(pool: UserPoolType): boolean {
  return pool.UserPoolTags?.[OWNERSHIP_TAG_KEY] === OWNERSHIP_TAG_VALUE;
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
export function withoutReservedTags<T>(tags: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(tags).filter(([key]) => !key.toLowerCase().startsWith('aws:')));
}
