import { isDeepStrictEqual } from 'node:util';

/** One setting a write changes, by its dotted path: what `npm run plan` shows. */
export interface LeafChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Every leaf of a value by its dotted path (`Policies.PasswordPolicy.MinimumLength`); lists are leaves. */
export function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined) continue;
      for (const [path, leaf] of flatten(member, prefix ? `${prefix}.${key}` : key)) leaves.set(path, leaf);
    }
  } else {
    leaves.set(prefix, value instanceof Date ? value.toISOString() : value);
  }
  return leaves;
}

/** The leaves a request changes against what it replaces, sorted by path. */
export function leafChanges(before: object | undefined, after: object): LeafChange[] {
  const was = flatten(before ?? {});
  const now = flatten(after);
  return (
    [...new Set([...was.keys(), ...now.keys()])]
      // Values, not their text: key order inside a list item is no change.
      .filter((path) => !isDeepStrictEqual(was.get(path), now.get(path)))
      .sort()
      .map((path) => ({ path, before: was.get(path), after: now.get(path) }))
  );
}

/** The members an update changes against its restore request. Names, never values: requests can hold secrets. */
export function changedMembers(update: object | undefined, restore: object): string[] {
  const next = (update ?? {}) as Record<string, unknown>;
  const before = restore as Record<string, unknown>;
  // Values, not their text: key order inside a member is no change.
  return Object.keys({ ...next, ...before }).filter((member) => !isDeepStrictEqual(next[member], before[member]));
}
