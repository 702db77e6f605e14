import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { withoutReservedTags } from './ownership';

/** Cognito's limit on tags per user pool (TagResource API reference). */
export const MAX_POOL_TAGS = 50;

/**
 * The tags an operation writes with TagResource (and, for a restore, removes with
 * UntagResource), and how to undo that. TagResource adds or changes only the keys it
 * names, so a tag another writer adds between this type's read and its write survives;
 * UpdateUserPool never carries UserPoolTags.
 */
export interface TagWrite {
  /** Declared tags whose value differs from the pool's. */
  tags: Record<string, string>;
  /** Keys a restore removes (`null`: absent before the operation it puts back). */
  removedKeys: string[];
  /** The previous values of the keys this write changes or removes: written back by the undo. */
  restoreTags: Record<string, string>;
  /** The keys `tags` adds: removed by the undo. */
  addedKeys: string[];
}

export interface TagPlan {
  write?: TagWrite;
  problems: string[];
}

/**
 * Plans the TagResource of declared tags. The 50-tag limit is checked before anything is
 * written. Tags with the `aws:` prefix are AWS's own: never written, and they do not count
 * against the per-resource limit ("Tagging AWS resources", tag naming limits).
 */
export function planTags(described: UserPoolType, declared: Record<string, string | null> | undefined): TagPlan {
  const current = described.UserPoolTags ?? {};
  const wanted = withoutReservedTags(declared ?? {});
  const tags: Record<string, string> = {};
  const removedKeys: string[] = [];
  for (const [key, value] of Object.entries(wanted)) {
    if (value === null) {
      if (current[key] !== undefined) removedKeys.push(key);
    } else if (current[key] !== value) tags[key] = value;
  }
  if (Object.keys(tags).length === 0 && removedKeys.length === 0) return { problems: [] };

  const addedKeys = Object.keys(tags).filter((key) => current[key] === undefined);
  const counted = Object.keys(withoutReservedTags(current)).length + addedKeys.length - removedKeys.length;
  if (addedKeys.length > 0 && counted > MAX_POOL_TAGS) {
    const adds = addedKeys.length > 5 ? [...addedKeys.slice(0, 4), `… ${addedKeys.length - 4} more`] : addedKeys;
    return {
      problems: [
        `UserPoolTags: the pool has ${counted - addedKeys.length} tags and this operation adds ${addedKeys.length} (${adds.join(', ')}); Cognito allows at most ${MAX_POOL_TAGS} tags per user pool. Declare fewer tags, or remove tags from the pool.`,
      ],
    };
  }
  const restoreTags = Object.fromEntries(
    [...Object.keys(tags), ...removedKeys]
      .filter((key) => current[key] !== undefined)
      .map((key) => [key, current[key]]),
  );
  return { write: { tags, removedKeys, restoreTags, addedKeys }, problems: [] };
}
