import { isDeepStrictEqual } from 'node:util';
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { flatten } from '../engine/leafChanges';

/** Fields that change on every write or say nothing about configuration. */
const NOT_SETTINGS = new Set(['LastModifiedDate', 'CreationDate', 'EstimatedNumberOfUsers']);

export interface PoolDiff {
  changed: { path: string; before: unknown; after: unknown }[];
  /** Top-level settings whose whole value is identical before and after. */
  unchanged: string[];
}

export function diffPools(before: UserPoolType, after: UserPoolType): PoolDiff {
  const beforeLeaves = flatten(before);
  const afterLeaves = flatten(after);
  const changed: PoolDiff['changed'] = [];
  for (const path of new Set([...beforeLeaves.keys(), ...afterLeaves.keys()])) {
    if (NOT_SETTINGS.has(path.split('.')[0])) continue;
    const was = beforeLeaves.get(path);
    const now = afterLeaves.get(path);
    if (!isDeepStrictEqual(was, now)) changed.push({ path, before: was, after: now });
  }
  const unchanged = Object.keys({ ...before, ...after }).filter(
    (key) =>
      !NOT_SETTINGS.has(key) &&
      isDeepStrictEqual((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]),
  );
  return { changed: changed.sort((a, b) => a.path.localeCompare(b.path)), unchanged: unchanged.sort() };
}
