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
  operation?: OperationRecord;
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
