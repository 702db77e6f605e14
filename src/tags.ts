import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { OWNERSHIP_TAG_KEY, OWNERSHIP_TAG_VALUE, withoutReservedTags } from './ownership';

/** Cognito's limit on tags per user pool (TagResource API reference); the ownership marker counts. */
export const MAX_POOL_TAGS = 50;

/**
 * The tags an operation writes with TagResource, and how to undo that write. TagResource
 * adds or changes only the keys it names, so a tag another writer adds between this
 * type's read and its write survives; UpdateUserPool never carries UserPoolTags.
 */
export interface TagWrite {
  /** Declared tags whose value differs from the pool's, and the ownership marker on CREATE. */
  tags: Record<string, string>;
  /** The previous values of the keys `tags` changes: written back by the undo. */
  restoreTags: Record<string, string>;
  /** The keys `tags` adds: removed by the undo. */
  addedKeys: string[];
}

export interface TagPlan {
  write?: TagWrite;
  problems: string[];
}

/**
 * Plans the TagResource of declared tags (and the marker when claiming). The 50-tag limit
 * is checked on every path, a claim-only CREATE included, before anything is written.
 * Tags with the `aws:` prefix are AWS's own: never written, and they do not count
 * against the per-resource limit ("Tagging AWS resources", tag naming limits).
 */
export function planTags(
  described: UserPoolType,
  declared: Record<string, string> | undefined,
  claim: boolean,
): TagPlan {
  const current = described.UserPoolTags ?? {};
  const wanted: Record<string, string> = { ...withoutReservedTags(declared ?? {}) };
  if (claim) wanted[OWNERSHIP_TAG_KEY] = OWNERSHIP_TAG_VALUE;
  const tags = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => current[key] !== value));
  if (Object.keys(tags).length === 0) return { problems: [] };

  const addedKeys = Object.keys(tags)
    .filter((key) => current[key] === undefined)
    .sort((a, b) => Number(b === OWNERSHIP_TAG_KEY) - Number(a === OWNERSHIP_TAG_KEY));
  const counted = Object.keys(withoutReservedTags(current)).length + addedKeys.length;
  if (counted > MAX_POOL_TAGS) {
    const named = addedKeys.map((key) => (key === OWNERSHIP_TAG_KEY ? `${key} (the ownership marker)` : key));
    const adds = named.length > 5 ? [...named.slice(0, 4), `… ${named.length - 4} more`] : named;
    return {
      problems: [
        `UserPoolTags: the pool has ${counted - addedKeys.length} tags and this operation adds ${addedKeys.length} (${adds.join(', ')}); Cognito allows at most ${MAX_POOL_TAGS} tags per user pool. Declare fewer tags, or remove tags from the pool.`,
      ],
    };
  }
  const restoreTags = Object.fromEntries(
    Object.keys(tags)
      .filter((key) => current[key] !== undefined)
      .map((key) => [key, current[key]]),
  );
  return { write: { tags, restoreTags, addedKeys }, problems: [] };
}
