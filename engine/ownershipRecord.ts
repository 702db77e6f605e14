import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { isPlainObject } from './merge';

/**
 * The ownership record of one resource, kept in a Parameter Store parameter of its own: who
 * manages it, and the undo record of its last CREATE or UPDATE. Like a database's
 * write-ahead log, the undo record is written before the operation's first write and
 * marked finished after its last, so a later invocation knows what to put back when an
 * operation never finished, and a stack rollback knows what the rolled-back template changed.
 */
export interface OwnershipRecord {
  /** The type that manages the resource. */
  type: string;
  /** Who claimed it: the stack and logical resource, when CloudFormation sent them. */
  stackId?: string;
  logicalResourceId?: string;
  /**
   * The members the resource declares, which no other resource on the same pool (or app
   * client) may declare; absent in records written before resources could share a pool.
   */
  owns?: OwnedMember[];
  /** The assertions it declares (locked settings): reported by READ beside its members, owned by none. */
  asserts?: string[];
  operation?: OperationRecord;
}

/** A member a resource owns: its leaf path, and since when (the claim's clock), which decides a race. */
export interface OwnedMember {
  path: string[];
  since: number;
}

/** What one CREATE or UPDATE changes, recorded before its first write. */
export interface OperationRecord {
  action: string;
  /** Unique to the invocation that wrote it: a claim whose answer was lost is recognised as its own. */
  nonce: string;
  /** Identifies the declared settings it applies (a hash): a rollback uses only the record of the template it rolls back. */
  target: string;
  /** Each leaf it changes, in template form (property names), with the value before and after. */
  changes: RecordedChange[];
  /** What it writes that can never be undone (custom attributes), for the rollback's log. */
  permanent: string[];
  finished: boolean;
}

/** One leaf an operation changes: its path of property names, and its values (absent: undefined). */
export interface RecordedChange {
  path: string[];
  before?: unknown;
  after?: unknown;
}

/** Parameter Store's value limits: 4 KB (Standard) and 8 KB (Advanced) (SSM API reference, PutParameter). */
export const STANDARD_VALUE_LIMIT = 4096;
export const ADVANCED_VALUE_LIMIT = 8192;
const COMPRESSED_PREFIX = 'gzip:';

/**
 * The record as a parameter value: JSON, or gzip+base64 when JSON exceeds the Standard tier's
 * 4 KB. Message templates run to 20,000 characters and compress several times over.
 */
export function encodeRecord(record: OwnershipRecord): string {
  const json = JSON.stringify(record);
  if (json.length <= STANDARD_VALUE_LIMIT) return json;
  return COMPRESSED_PREFIX + gzipSync(json, { level: 9 }).toString('base64');
}

/** The record a parameter holds; a value that is not one (hand-edited) is an owner without an undo record. */
export function decodeRecord(value: string, typeName: string): OwnershipRecord {
  try {
    const json = value.startsWith(COMPRESSED_PREFIX)
      ? gunzipSync(Buffer.from(value.slice(COMPRESSED_PREFIX.length), 'base64')).toString('utf8')
      : value;
    const parsed = JSON.parse(json) as unknown;
    if (isPlainObject(parsed)) return { type: typeName, ...parsed } as OwnershipRecord;
  } catch {
    // Falls through: someone wrote the parameter by hand.
  }
  return { type: typeName };
}

/** A short, stable name for a set of declared settings: key order is no difference. */
export function targetOf(declared: object): string {
  return createHash('sha256').update(canonicalJson(declared)).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const members = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Every leaf of a value by its path of keys; lists are leaves. Keys may hold dots (tag keys do). */
export function leavesOf(value: unknown, prefix: string[] = []): [string[], unknown][] {
  if (!isPlainObject(value)) return value === undefined ? [] : [[prefix, value]];
  return Object.entries(value).flatMap(([key, member]) => leavesOf(member, [...prefix, key]));
}

/** The leaves that differ between two settings in template form: what an operation records. */
export function recordedChanges(before: object, after: object): RecordedChange[] {
  const was = new Map(leavesOf(before).map(([path, value]) => [JSON.stringify(path), value]));
  const now = new Map(leavesOf(after).map(([path, value]) => [JSON.stringify(path), value]));
  return [...new Set([...was.keys(), ...now.keys()])]
    .filter((key) => !isDeepStrictEqual(was.get(key), now.get(key)))
    .sort()
    .map((key) => ({ path: JSON.parse(key) as string[], before: was.get(key), after: now.get(key) }));
}

/** The value at a path, or undefined. */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (!isPlainObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** Whether declared settings declare a path: the path, or a list or value on the way to it. */
export function declaresPath(declared: object, path: readonly string[]): boolean {
  let at: unknown = declared;
  for (const key of path) {
    if (!isPlainObject(at)) return at !== undefined;
    at = at[key];
  }
  return at !== undefined;
}

/** What a restore declares, and the leaves it leaves alone because another writer changed them since. */
export interface Restore {
  /** Template-form settings, `null` where a member was absent before; empty when nothing needs putting back. */
  declared: Record<string, unknown>;
  /** Leaves back to their before-value. */
  restored: string[];
  /** The same leaves, by their path of keys. */
  restoredPaths: string[][];
  /** Leaves whose value is neither the operation's nor the one before: another writer's, kept. */
  changedSince: string[];
}

/**
 * Compare-and-restore: each recorded leaf that still holds the value the operation wrote gets
 * its value from before; one that already holds that value needs nothing; one that holds
 * anything else was changed by another writer since, and is left alone.
 */
export function restoreOf(current: object, changes: readonly RecordedChange[]): Restore {
  const declared: Record<string, unknown> = {};
  const restored: string[] = [];
  const restoredPaths: string[][] = [];
  const changedSince: string[] = [];
  for (const change of changes) {
    const now = valueAt(current, change.path);
    if (isDeepStrictEqual(now, change.before)) continue;
    if (!isDeepStrictEqual(now, change.after)) {
      changedSince.push(change.path.join('.'));
      continue;
    }
    setAt(declared, change.path, change.before === undefined ? null : change.before);
    restored.push(change.path.join('.'));
    restoredPaths.push(change.path);
  }
  return { declared, restored, restoredPaths, changedSince };
}

/** Template-form settings with the top-level members and values the changes name: what reading them needs. */
export function touchedBy(changes: readonly RecordedChange[]): Record<string, unknown> {
  const touched: Record<string, unknown> = {};
  for (const change of changes) setAt(touched, change.path, change.after ?? change.before ?? null);
  return touched;
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(at[key])) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]] = value;
}

/**
 * The members declared settings own: every leaf (a list is one leaf, tags one per key, MFA
 * factors one per member), except the `assertions`: locked settings and custom attributes
 * declared only to be checked, which any number of resources may declare alike. A `block`
 * (a setting whose declaration in another mode replaces it whole) is one member.
 */
export function ownedPaths(
  declared: object,
  assertions: readonly string[],
  blocks: readonly string[] = [],
): string[][] {
  const paths = leavesOf(declared)
    .map(([path]) => path)
    .filter((path) => path.length > 0 && !assertions.includes(path[0]))
    // A block a declaration can replace whole (another mode) is one member.
    .map((path) => (blocks.includes(path[0]) ? [path[0]] : path));
  return paths.filter((path, index) => paths.findIndex((other) => isDeepStrictEqual(other, path)) === index);
}

/** Whether two members overlap: the same leaf, or one inside the other. */
export function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).every((key, index) => key === b[index]);
}

/** The owned members of an operation: those owned before keep their `since`, new ones get `now`. */
export function ownedMembers(
  paths: readonly string[][],
  before: readonly OwnedMember[] = [],
  now: number,
): OwnedMember[] {
  return paths.map((path) => {
    const kept = before.find((member) => isDeepStrictEqual(member.path, path));
    return { path: [...path], since: kept?.since ?? now };
  });
}

/** Whether two ownerships hold the same members. */
export function sameMembers(a: readonly OwnedMember[] | undefined, b: readonly OwnedMember[]): boolean {
  const key = (members: readonly OwnedMember[]) =>
    members
      .map((member) => JSON.stringify(member.path))
      .sort()
      .join('\n');
  return a !== undefined && key(a) === key(b);
}

/** Another resource's record on the same pool (or app client), by its settings name. */
export interface SiblingRecord {
  settingsName: string;
  record: OwnershipRecord;
}

/** One member two resources declare, and who owns it. */
export interface OwnershipConflict {
  path: string[];
  owner: SiblingRecord;
  /** When the owner claimed it: a race is won by the earlier claim. */
  since: number;
}

/** The members `paths` has in common with other resources' records. */
export function ownershipConflicts(
  paths: readonly string[][],
  siblings: readonly SiblingRecord[],
): OwnershipConflict[] {
  const conflicts: OwnershipConflict[] = [];
  for (const path of paths) {
    for (const sibling of siblings) {
      const owned = (sibling.record.owns ?? []).find((member) => overlaps(member.path, path));
      if (owned) conflicts.push({ path: [...path], owner: sibling, since: owned.since });
    }
  }
  return conflicts;
}

/** A conflict as the refusal names it: the member, and the stack, logical id and settings name that own it. */
export function describeConflict({ path, owner }: OwnershipConflict): string {
  const { stackId, logicalResourceId } = owner.record;
  const who = stackId ? `${logicalResourceId ?? 'a resource'} in stack ${stackId}` : 'another resource';
  return `${path.join('.')} is owned by ${who} (SettingsName ${owner.settingsName})`;
}

/**
 * Settings in template form with only the leaves under owned members, and the asserted
 * properties whole: a resource's own share.
 */
export function ownShare<T extends object>(
  settings: T,
  owns: readonly OwnedMember[],
  asserts: readonly string[] = [],
): T {
  const share: Record<string, unknown> = {};
  for (const property of asserts) {
    const value = (settings as Record<string, unknown>)[property];
    if (value !== undefined) share[property] = value;
  }
  for (const [path, value] of leavesOf(settings)) {
    if (owns.some((member) => overlaps(member.path, path) && member.path.length <= path.length)) {
      setAt(share, path, value);
    }
  }
  return share as T;
}
