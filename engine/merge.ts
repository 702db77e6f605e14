/**
 * Deep-merges declared settings into the described pool: objects merge key by key,
 * arrays and scalars replace, and anything not declared keeps its described value.
 *
 * `null` removes the member. Templates never hold it (the schema refuses it); a restore
 * does, to put back a member that was absent before (a trigger an operation added). An
 * object left without members by removals is removed too.
 */
export function deepMerge<T>(described: T, declared: unknown): T {
  if (declared === undefined) return described;
  if (declared === null) return undefined as T;
  if (!isPlainObject(described) || !isPlainObject(declared)) return withoutRemovals(declared) as T;
  const merged: Record<string, unknown> = { ...described };
  let removed = false;
  for (const [key, value] of Object.entries(declared)) {
    const member = deepMerge(merged[key], value);
    if (member === undefined) {
      removed ||= merged[key] !== undefined || value === null;
      delete merged[key];
    } else merged[key] = member;
  }
  return (removed && Object.keys(merged).length === 0 ? undefined : merged) as T;
}

/** A declared value with its removals (`null`) dropped: what it sets, as the rules about declared values read it. */
export function withoutRemovals(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const kept: Record<string, unknown> = {};
  let removed = false;
  for (const [key, member] of Object.entries(value)) {
    const keptMember = member === null ? undefined : withoutRemovals(member);
    if (keptMember === undefined) removed = true;
    else kept[key] = keptMember;
  }
  // An object that held only removals declares nothing.
  return removed && Object.keys(kept).length === 0 ? undefined : kept;
}

/** Whether a declared object selects another mode than the described one (e.g. another sending account). */
export type ModeSwitch = (described: unknown, declared: unknown) => boolean;

/**
 * Deep-merges a declared setting into the described one, except where the declaration
 * selects another mode: then it replaces the described one, whose members belong to the
 * old mode and which Cognito would reject in the new one.
 */
export function mergeUnlessModeSwitch<T>(described: T, declared: unknown, switchesMode?: ModeSwitch): T {
  if (declared !== undefined && declared !== null && switchesMode?.(described, declared)) return declared as T;
  return deepMerge(described, declared);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Removes undefined members and objects left without members, recursively. */
export function pruneEmpty<T>(value: T): T | undefined {
  if (Array.isArray(value)) {
    return value.map((item) => pruneEmpty(item)).filter((item) => item !== undefined) as T;
  }
  if (!isPlainObject(value)) return value;
  const pruned: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const kept = pruneEmpty(member);
    if (kept !== undefined) pruned[key] = kept;
  }
  return Object.keys(pruned).length === 0 ? undefined : (pruned as T);
}
