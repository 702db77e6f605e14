import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { ConcurrentPoolChange } from './cognito/errors';
import { unlessNotFound } from './cognito/gateway';
import { decodeListToken, encodeListToken, listTokenName } from './listToken';
import { deepMerge } from './merge';
import { runOrderedWrites, WriteFailed } from './orderedWrites';
import {
  declaresPath,
  describeConflict,
  overlaps,
  ownedMembers,
  ownedPaths,
  ownershipConflicts,
  ownShare,
  recordedChanges,
  sameMembers,
  restoreOf,
  targetOf,
  touchedBy,
  type OperationRecord,
  type OwnershipRecord,
  type OwnedMember,
  type RecordedChange,
  type SiblingRecord,
} from './ownershipRecord';
import { DEFAULT_SETTINGS_NAME, SETTINGS_NAME, type Claimant, type OwnershipRecords } from './ownershipRecords';
import { withoutRemovals } from './merge';
import { withConflictRetry } from './retry';
import type {
  Identifiers,
  OperationLog,
  Ownership,
  PlannedWrite,
  Reading,
  Refusal,
  SettingsPlan,
  SettingsType,
} from './settingsType';

/** The reads and the plan of a CREATE or UPDATE, and the writes that would carry it out; nothing written. */
export interface Preview<Plan> {
  plan: Plan;
  reads: readonly string[];
  ownership: Ownership;
  writes: PlannedWrite[];
  /** The last operation never finished: its changes are put back before anything else. */
  unfinished?: OperationRecord;
  /** The other resources on the same pool (or app client), with the members each owns. */
  siblings: SiblingRecord[];
}

/** What CloudFormation says about the request besides the desired state. */
export interface Invocation {
  claimant: Claimant;
  /** The request's top-level `rollback`: the stack operation is rolling back. */
  rollback: boolean;
  /** UPDATE: the settings the previous template declared (the one a rollback rolls back). */
  previous?: object;
}

const NO_INVOCATION: Invocation = { claimant: {}, rollback: false };

/**
 * What each action does to a resource of a settings type, written once for every type:
 *
 * - every CREATE, UPDATE and DELETE first reads the resource's ownership record; when the
 *   last operation never finished (the handler stopped, or its undo failed), it puts back
 *   what that operation changed before it handles its own request;
 * - CREATE and UPDATE: as one attempt, retried whole when Cognito reports a concurrent
 *   change, the reads, the ownership check (CREATE claims an unclaimed resource, or carries
 *   on with its own stack's claim; UPDATE needs a claimed one), the pure plan, its refusals
 *   (nothing written), then the undo record, the ordered writes (undone in reverse when a
 *   later one fails, the failure explained) and the record marked finished; a stack
 *   rollback also puts back what the rolled-back template changed and the target does not
 *   declare;
 * - READ: the current settings of a managed resource, from its identifiers alone;
 * - DELETE: the record removed, every setting left as it is; a rolled-back CREATE first
 *   puts back what it changed;
 * - LIST: one page of records (then of legacy claims) per invocation.
 *
 * Properties are checked against the schema once, by the runtime, before any of this.
 */
export class SettingsLifecycle<Declared extends object, State, Plan extends SettingsPlan, Connection> {
  constructor(
    private readonly type: SettingsType<Declared, State, Plan, Connection>,
    private readonly connection: Connection,
    private readonly records: OwnershipRecords,
    private readonly logger: OperationLog,
    private readonly invocation: Invocation = NO_INVOCATION,
  ) {}

  create(ids: Identifiers, declared: Declared): Promise<Declared> {
    return this.apply(ids, declared, 'claim');
  }

  update(ids: Identifiers, declared: Declared): Promise<Declared> {
    return this.apply(ids, declared, 'keep');
  }

  /** The resource's own share of the settings: the members it owns (all of them for a record older than ownership). */
  async read(ids: Identifiers): Promise<Declared> {
    const [record, reading] = await Promise.all([
      this.records.read(ids),
      this.type.read(this.connection, ids, {} as Declared, true),
    ]);
    if (!record && !this.legacyClaimOf(ids, reading)) throw this.notFound(ids);
    return this.shareOf(this.type.current(reading.state), record);
  }

  async delete(ids: Identifiers): Promise<void> {
    let record = await this.records.read(ids);
    const operation = record?.operation;
    const restores = operation && (!operation.finished || (this.invocation.rollback && operation.action === 'CREATE'));
    // The resource is read only for a legacy claim or a restore; it may be gone (deleted
    // outside the stack), and the record still goes.
    const reading =
      !record || restores
        ? await unlessNotFound(this.type.read(this.connection, ids, touchedBy(operation?.changes ?? []) as Declared))
        : undefined;
    const legacyClaim = reading !== undefined && this.legacyClaimOf(ids, reading);
    if (!record && !legacyClaim) throw this.notFound(ids);
    if (record?.operation && reading) {
      if (!record.operation.finished) record = await this.recover(ids, record);
      else if (this.invocation.rollback && record.operation.action === 'CREATE') {
        this.logger.log(`${this.subject(ids)}: the stack rolls back its CREATE; putting back what it changed`);
        await this.restore(ids, record.operation.changes);
        this.logPermanent(record.operation);
      }
    }
    if (record) {
      this.logger.log(`DeleteParameter ${this.records.nameOf(ids)}`);
      await this.records.release(ids);
    }
    if (reading && legacyClaim) await this.type.releaseLegacyClaim(this.connection, ids, reading.state, this.logger);
  }

  /** One page of records, then of the resources earlier versions claimed, within the given identifiers. */
  async list(within: Identifiers, nextToken?: string): Promise<{ found: Identifiers[]; nextToken?: string }> {
    if (listTokenName(nextToken) === LEGACY_LIST) {
      const token = decodeListToken(LEGACY_LIST, nextToken);
      const page = await this.type.legacyClaimsPage(
        this.connection,
        within,
        token === LEGACY_LIST_START ? undefined : token,
      );
      return {
        found: page.found.map((ids) => this.withSettingsName(ids)),
        nextToken: encodeListToken(LEGACY_LIST, page.nextToken),
      };
    }
    const page = await this.records.page(within, decodeListToken(RECORD_LIST, nextToken));
    // A record of the `default` settings name is named without it.
    const named = this.type.identifiers.includes(SETTINGS_NAME);
    const claimed = page.found.map((found) => {
      const values =
        named && found.length === this.type.identifiers.length - 1 ? [...found, DEFAULT_SETTINGS_NAME] : found;
      return Object.fromEntries(this.type.identifiers.map((name, index) => [name, values[index]]));
    });
    // A resource deleted outside its stack keeps its record until DELETE; LIST skips it.
    const exists = await Promise.all(claimed.map((ids) => this.type.exists(this.connection, ids)));
    return {
      found: claimed.filter((_, index) => exists[index]),
      // Every page continues, even one with no resource on it, until the legacy claims end.
      nextToken: page.nextToken
        ? encodeListToken(RECORD_LIST, page.nextToken)
        : encodeListToken(LEGACY_LIST, LEGACY_LIST_START),
    };
  }

  /**
   * The reads, the plan and the writes of a CREATE (`claim`) or UPDATE (`keep`), without
   * any write: what `apply` carries out, and what `npm run plan` shows. Without an
   * ownership, the resource decides: CREATE when it is not managed yet, UPDATE when it is.
   */
  async preview(ids: Identifiers, declared: Declared, requested?: Ownership): Promise<Preview<Plan>> {
    const [record, reading, siblings] = await Promise.all([
      this.records.read(ids),
      this.type.read(this.connection, ids, declared),
      this.siblingsOf(ids),
    ]);
    const { share: _share, ...prepared } = this.prepare(ids, declared, record, reading, siblings, {
      requested,
      template: declared,
    });
    return {
      ...prepared,
      reads: ['GetParameter', ...this.siblingReads(ids), ...reading.reads],
      unfinished: unfinishedOf(record),
      siblings,
    };
  }

  private apply(ids: Identifiers, target: Declared, ownership: Ownership): Promise<Declared> {
    return withConflictRetry(async () => {
      // The record, the resource and the other resources' records in parallel; read again
      // only after a recovery wrote, or when a rollback needs members the target does not declare.
      const [first, firstReading, siblings] = await Promise.all([
        this.records.read(ids),
        this.type.read(this.connection, ids, target),
        this.siblingsOf(ids),
      ]);
      let record = first;
      let reading: Reading<State> | undefined = firstReading;
      if (record?.operation && !record.operation.finished) {
        record = await this.recover(ids, record);
        reading = undefined;
      }
      const rollback = this.rollbackChanges(target, record);
      if (!reading || rollback) {
        const touched = { ...touchedBy(rollback?.changes ?? []), ...target } as Declared;
        reading = await this.type.read(this.connection, ids, touched);
      }
      const restore = rollback ? this.restoreFrom(reading.state, rollback.changes) : undefined;
      const declared = restore ? (deepMerge(restore.declared, target) as Declared) : target;
      const { plan, writes, share } = this.prepare(ids, declared, record, reading, siblings, {
        requested: ownership,
        template: target,
        restoredPaths: restore?.restoredPaths,
      });
      refuseIfNeeded(plan.refusals);
      await this.run(ids, writes, plan, declared);
      return this.shareOf(this.type.report(plan), share);
    });
  }

  /**
   * The ownership check, the plan and its writes, between the undo record's two writes: the
   * record (the claim on CREATE) with each leaf's value before, then the type's writes, then
   * the record marked finished. No write when nothing changes.
   */
  private prepare(
    ids: Identifiers,
    declared: Declared,
    record: OwnershipRecord | undefined,
    reading: Reading<State>,
    siblings: readonly SiblingRecord[],
    options: {
      requested?: Ownership;
      /** The template: what the resource owns, and the record's target (a rollback's declared holds more). */
      template: Declared;
      restoredPaths?: readonly (readonly string[])[];
    },
  ): Omit<Preview<Plan>, 'reads' | 'siblings'> & { share?: Share } {
    const { state } = reading;
    const managed = record !== undefined || this.legacyClaimOf(ids, reading);
    const ownership = options.requested ?? (managed ? 'keep' : 'claim');
    if (ownership === 'claim' && managed && !this.isOwnClaim(record)) throw this.records.alreadyManaged(ids, record);
    if (ownership === 'keep' && !managed) throw this.notFound(ids);
    const plan = this.type.plan(state, ids, declared, ownership, options.restoredPaths);
    const share = this.shareOfTemplate(options.template, record);
    // Members another resource on the pool owns are refused like any rule, before any write.
    const conflicts = ownershipConflicts(
      (share?.owns ?? []).map((member) => member.path),
      siblings,
    );
    if (conflicts.length > 0) {
      (plan.refusals as Refusal[]).push({
        kind: 'invalid',
        message: `Members another resource on this ${this.type.scope} owns: ${conflicts.map(describeConflict).join('; ')}. Each member has one owner: declare it in one resource only.`,
      });
    }
    const writes = this.type.writes(this.connection, ids, plan, state);
    // A record from before ownership gets its members with the next change, not from a no-op.
    const shareChanged = share !== undefined && record?.owns !== undefined && !sameShare(record, share);
    if (record && writes.length === 0 && !shareChanged) return { plan, ownership, writes, share };

    const operation: OperationRecord = {
      action: ownership === 'claim' ? 'CREATE' : 'UPDATE',
      nonce: randomUUID(),
      target: targetOf(options.template),
      changes: recordedChanges(this.type.current(state), this.type.report(plan)),
      permanent: writes.filter((write) => !write.undo).map((write) => write.log),
      finished: writes.length === 0,
    };
    const next: OwnershipRecord = record
      ? { ...record, ...share, operation }
      : { type: this.type.typeName, ...this.invocation.claimant, ...share, operation };
    const name = this.records.nameOf(ids);
    const begin: PlannedWrite = record
      ? {
          operation: 'PutParameter',
          log: `PutParameter ${name}: the undo record of this ${operation.action}`,
          request: {},
          changes: () => [{ path: name, before: 'finished', after: 'unfinished' }],
          run: () => this.records.write(ids, next),
          undo: () => this.records.write(ids, record),
          undoneLast: true,
        }
      : {
          operation: 'PutParameter',
          log: `PutParameter ${name}: the claim${writes.length > 0 ? ' and the undo record' : ''}`,
          request: {},
          // What is written: the claim (the stack and logical id CloudFormation sends, when it
          // sends them), the members it owns and the undo record of this operation.
          changes: () => [
            {
              path: name,
              before: undefined,
              after: {
                type: next.type,
                ...this.invocation.claimant,
                ...(share ? { owns: share.owns.map((member) => member.path.join('.')) } : {}),
                undoRecord: `${operation.action}, ${operation.changes.length} leaves`,
              },
            },
          ],
          run: () => this.records.claim(ids, next),
          undo: () => this.records.releaseOwnClaim(ids, operation.nonce),
          undoneLast: true,
        };
    const claimed = (share?.owns ?? []).filter(
      (member) => !record?.owns?.some((before) => isDeepStrictEqual(before.path, member.path)),
    );
    const verify: PlannedWrite[] = claimed.length > 0 ? [this.verifyClaim(ids, claimed)] : [];
    if (writes.length === 0) return { plan, ownership, writes: [begin, ...verify], share };
    const finish: PlannedWrite = {
      operation: 'PutParameter',
      log: `PutParameter ${name}: the ${operation.action} finished`,
      request: {},
      changes: () => [{ path: name, before: 'unfinished', after: 'finished' }],
      run: () => this.records.write(ids, { ...next, operation: { ...operation, finished: true } }),
    };
    return { plan, ownership, writes: [begin, ...verify, ...writes, finish], share };
  }

  /**
   * What a template makes its resource own (when the type lets resources share a pool):
   * each declared leaf, claimed now or kept with its first claim's time, and the assertions.
   */
  private shareOfTemplate(template: Declared, record: OwnershipRecord | undefined): Share | undefined {
    if (!this.type.identifiers.includes(SETTINGS_NAME)) return undefined;
    const declared = (withoutRemovals(template) ?? {}) as Record<string, unknown>;
    return {
      owns: ownedMembers(ownedPaths(declared, this.type.assertions, this.type.blocks), record?.owns, Date.now()),
      asserts: this.type.assertions.filter((property) => declared[property] !== undefined),
    };
  }

  /**
   * After the record that claims new members is written, the other resources' records are
   * read again: one that claimed an overlapping member at the same time (after this
   * invocation's first read) and earlier (its `since`, then its settings name, decide) wins,
   * and this operation is undone and refused. Every contender reads the same records, so
   * exactly one wins, on Parameter Store's atomic writes.
   */
  private verifyClaim(ids: Identifiers, claimed: readonly OwnedMember[]): PlannedWrite {
    const own = ids[SETTINGS_NAME] ?? DEFAULT_SETTINGS_NAME;
    return {
      operation: 'GetParametersByPath',
      log: `GetParametersByPath ${this.records.nameOf(ids)}: no other resource claimed the same members meanwhile`,
      request: {},
      check: true,
      changes: () => [],
      run: async () => {
        const siblings = await this.records.siblings(ids);
        const lost = ownershipConflicts(
          claimed.map((member) => member.path),
          siblings,
        ).filter((conflict) => {
          const mine = claimed.find((member) => overlaps(member.path, conflict.path))?.since ?? 0;
          return conflict.since < mine || (conflict.since === mine && conflict.owner.settingsName < own);
        });
        if (lost.length > 0) {
          throw raceLost(
            `Members another resource on this ${this.type.scope} claimed first, at the same time: ${lost.map(describeConflict).join('; ')}. Nothing was changed.`,
          );
        }
      },
    };
  }

  private siblingsOf(ids: Identifiers): Promise<SiblingRecord[]> {
    return this.type.identifiers.includes(SETTINGS_NAME) ? this.records.siblings(ids) : Promise.resolve([]);
  }

  /** The reads of the other resources' records, for `npm run plan`. */
  private siblingReads(ids: Identifiers): string[] {
    if (!this.type.identifiers.includes(SETTINGS_NAME)) return [];
    const own = ids[SETTINGS_NAME] ?? DEFAULT_SETTINGS_NAME;
    return own === DEFAULT_SETTINGS_NAME ? ['GetParametersByPath'] : ['GetParameter', 'GetParametersByPath'];
  }

  /** A marker tag of an earlier version claims the pool (or client) for the `default` settings name only. */
  private legacyClaimOf(ids: Identifiers, reading: Reading<State>): boolean {
    return reading.legacyClaim && (ids[SETTINGS_NAME] ?? DEFAULT_SETTINGS_NAME) === DEFAULT_SETTINGS_NAME;
  }

  /** Settings cut to the members a resource owns; a record older than ownership owns them all. */
  private shareOf(settings: Declared, share: Partial<Share> | undefined): Declared {
    return share?.owns ? ownShare(settings, share.owns, share.asserts) : settings;
  }

  private withSettingsName(ids: Identifiers): Identifiers {
    if (!this.type.identifiers.includes(SETTINGS_NAME) || ids[SETTINGS_NAME]) return ids;
    return { ...ids, [SETTINGS_NAME]: DEFAULT_SETTINGS_NAME };
  }

  /** Runs a plan's writes; a refused write is explained by the type, a concurrent change retried. */
  private async run(ids: Identifiers, writes: PlannedWrite[], plan: Plan, declared: Declared): Promise<void> {
    try {
      await runOrderedWrites(writes, this.subject(ids), this.logger);
    } catch (failure) {
      if (!(failure instanceof WriteFailed)) throw failure;
      // A concurrent change is for the retry around this attempt, not for the type to explain.
      if (failure.cause instanceof ConcurrentPoolChange || RACES_LOST.has(failure.cause as object)) throw failure.cause;
      throw this.type.explain(failure, plan, declared);
    }
  }

  /** Puts back what an unfinished operation changed, then marks its record finished. */
  private async recover(ids: Identifiers, record: OwnershipRecord): Promise<OwnershipRecord> {
    const operation = record.operation as OperationRecord;
    this.logger.log(
      `${this.subject(ids)}: the last ${operation.action} never finished (the handler stopped, or its undo failed); putting back what it changed`,
    );
    await this.restore(ids, operation.changes);
    const finished = { ...record, operation: { ...operation, finished: true } };
    this.logger.log(`PutParameter ${this.records.nameOf(ids)}: the unfinished ${operation.action} put back`);
    await this.records.write(ids, finished);
    return finished;
  }

  /** Compare-and-restore of recorded leaves, through the type's own plan and writes. */
  private async restore(ids: Identifiers, changes: readonly RecordedChange[]): Promise<void> {
    const reading = await this.type.read(this.connection, ids, touchedBy(changes) as Declared);
    const restore = this.restoreFrom(reading.state, changes);
    if (restore.restored.length === 0) return;
    const declared = restore.declared as Declared;
    const plan = this.type.plan(reading.state, ids, declared, 'keep', restore.restoredPaths);
    refuseIfNeeded(plan.refusals);
    await this.run(ids, this.type.writes(this.connection, ids, plan, reading.state), plan, declared);
  }

  private restoreFrom(state: State, changes: readonly RecordedChange[]) {
    const restore = restoreOf(this.type.current(state), changes);
    for (const leaf of restore.changedSince) {
      this.logger.log(`${leaf}: another writer changed it since; left as it is`);
    }
    if (restore.restored.length > 0) this.logger.log(`Putting back: ${restore.restored.join(', ')}`);
    return restore;
  }

  /**
   * A stack rollback's UPDATE: the record of the operation it rolls back (the one that
   * applied the previous template), and the leaves that operation changed which the target
   * does not declare. Undefined when there is nothing to put back.
   */
  private rollbackChanges(
    target: Declared,
    record: OwnershipRecord | undefined,
  ): { operation: OperationRecord; changes: RecordedChange[] } | undefined {
    const { rollback, previous } = this.invocation;
    const operation = record?.operation;
    if (!rollback || !previous || !operation) return undefined;
    if (operation.target !== targetOf(previous)) {
      this.logger.log('Rollback: the last recorded operation applied another template; only the target is applied');
      return undefined;
    }
    this.logPermanent(operation);
    return { operation, changes: operation.changes.filter((change) => !declaresPath(target, change.path)) };
  }

  private logPermanent(operation: OperationRecord): void {
    for (const write of operation.permanent) {
      this.logger.log(`${write}: custom attributes can never be removed; the rollback leaves them`);
    }
  }

  private isOwnClaim(record: OwnershipRecord | undefined): boolean {
    const { stackId, logicalResourceId } = this.invocation.claimant;
    return (
      record !== undefined &&
      stackId !== undefined &&
      logicalResourceId !== undefined &&
      record.stackId === stackId &&
      record.logicalResourceId === logicalResourceId
    );
  }

  private subject(ids: Identifiers): string {
    return Object.values(ids).join('/');
  }

  private notFound(ids: Identifiers): Error {
    return new exceptions.NotFound(this.type.typeName, identifierOf(ids));
  }
}

/** What a resource owns: its members, and the assertions it declares. */
interface Share {
  owns: OwnedMember[];
  asserts: string[];
}

function sameShare(record: OwnershipRecord, share: Share): boolean {
  return (
    sameMembers(record.owns, share.owns) &&
    isDeepStrictEqual([...(record.asserts ?? [])].sort(), [...share.asserts].sort())
  );
}

/**
 * Refusals because another resource claimed an overlapping member first, at the same time:
 * InvalidRequest as they are (the handler's error code comes from the class name), with the
 * operation undone.
 */
const RACES_LOST = new WeakSet<object>();

function raceLost(message: string): Error {
  const error = new exceptions.InvalidRequest(message);
  RACES_LOST.add(error);
  return error;
}

const RECORD_LIST = 'GetParametersByPath';
const LEGACY_LIST = 'legacy-claims';
const LEGACY_LIST_START = 'start';

/** A resource's primary identifier as CloudFormation shows it: its identifiers joined by `|`. */
export function identifierOf(ids: Identifiers): string {
  return Object.values(ids).join('|');
}

function unfinishedOf(record: OwnershipRecord | undefined): OperationRecord | undefined {
  return record?.operation && !record.operation.finished ? record.operation : undefined;
}

/** Throws the refusals of a plan, if any: locked settings as NotUpdatable, the rest as InvalidRequest. */
function refuseIfNeeded(refusals: readonly Refusal[]): void {
  const locked = refusals.filter((refusal) => refusal.kind === 'locked');
  if (locked.length > 0) throw new exceptions.NotUpdatable(locked.map((refusal) => refusal.message).join(' '));
  if (refusals.length > 0) throw new exceptions.InvalidRequest(refusals.map((refusal) => refusal.message).join(' '));
}
