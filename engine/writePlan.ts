import { isDeepStrictEqual } from 'node:util';
import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';

/** CREATE claims a resource with its ownership marker; UPDATE keeps it. */
export type Ownership = 'claim' | 'keep';

/** Something the planner will not write, decided before any write. */
export interface Refusal {
  kind: 'locked' | 'invalid';
  message: string;
}

/** Where the operations tell what they write: the handler's log, delivered as telemetry. */
export interface OperationLog {
  log(message: string): void;
}

/** Throws the refusals of a plan, if any: locked settings as NotUpdatable, the rest as InvalidRequest. */
export function refuseIfNeeded(refusals: readonly Refusal[]): void {
  const locked = refusals.filter((refusal) => refusal.kind === 'locked');
  if (locked.length > 0) throw new exceptions.NotUpdatable(locked.map((refusal) => refusal.message).join(' '));
  if (refusals.length > 0) throw new exceptions.InvalidRequest(refusals.map((refusal) => refusal.message).join(' '));
}

/** The members an update changes against its restore request. Names, never values: requests can hold secrets. */
export function changedMembers(update: object | undefined, restore: object): string[] {
  const next = (update ?? {}) as Record<string, unknown>;
  const before = restore as Record<string, unknown>;
  // Values, not their text: key order inside a member is no change.
  return Object.keys({ ...next, ...before }).filter((member) => !isDeepStrictEqual(next[member], before[member]));
}
