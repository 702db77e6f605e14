import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { ConcurrentPoolChange } from './cognito/errors';
import { runOrderedWrites, WriteFailed } from './orderedWrites';
import { withConflictRetry } from './retry';
import type {
  Identifiers,
  OperationLog,
  Ownership,
  PlannedWrite,
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
}

/**
 * What each action does to a resource of a settings type, written once for every type:
 *
 * - CREATE and UPDATE: as one attempt, retried whole when Cognito reports a concurrent
 *   change, the reads, the ownership check (CREATE claims an unmanaged resource, UPDATE
 *   needs a managed one), the pure plan, its refusals (nothing written), the ordered
 *   writes (undone in reverse when a later one fails, the failure explained), and the
 *   settings READ reports next;
 * - READ: the current settings of a managed resource, from its identifiers alone;
 * - DELETE: the type lets go of the resource, every setting left as it is;
 * - LIST: one page of managed resources per invocation.
 *
 * Properties are checked against the schema once, by the runtime, before any of this.
 */
export class SettingsLifecycle<Declared extends object, State, Plan extends SettingsPlan, Connection> {
  constructor(
    private readonly type: SettingsType<Declared, State, Plan, Connection>,
    private readonly connection: Connection,
    private readonly logger: OperationLog,
  ) {}

  create(ids: Identifiers, declared: Declared): Promise<Declared> {
    return this.apply(ids, declared, 'claim');
  }

  update(ids: Identifiers, declared: Declared): Promise<Declared> {
    return this.apply(ids, declared, 'keep');
  }

  async read(ids: Identifiers): Promise<Declared> {
    const reading = await this.type.read(this.connection, ids, {} as Declared);
    if (!reading.managed) throw this.notFound(ids);
    return this.type.current(reading.state);
  }

  async delete(ids: Identifiers): Promise<void> {
    if (!(await this.type.release(this.connection, ids, this.logger))) throw this.notFound(ids);
  }

  list(within: Identifiers, nextToken?: string): Promise<{ found: Identifiers[]; nextToken?: string }> {
    return this.type.listPage(this.connection, within, nextToken);
  }

  /**
   * The reads, the plan and the writes of a CREATE (`claim`) or UPDATE (`keep`), without
   * any write: what `apply` carries out, and what `npm run plan` shows. Without an
   * ownership, the resource decides: CREATE when it is not managed yet, UPDATE when it is.
   */
  async preview(ids: Identifiers, declared: Declared, requested?: Ownership): Promise<Preview<Plan>> {
    const { state, managed, reads } = await this.type.read(this.connection, ids, declared);
    const ownership = requested ?? (managed ? 'keep' : 'claim');
    if (ownership === 'claim' && managed) {
      throw (
        this.type.alreadyManaged?.(state, ids) ?? new exceptions.AlreadyExists(this.type.typeName, identifierOf(ids))
      );
    }
    if (ownership === 'keep' && !managed) throw this.notFound(ids);
    const plan = this.type.plan(state, ids, declared, ownership);
    const writes = this.type.writes(this.connection, ids, plan, state);
    return { plan, reads, ownership, writes };
  }

  private apply(ids: Identifiers, declared: Declared, ownership: Ownership): Promise<Declared> {
    return withConflictRetry(async () => {
      const { plan, writes } = await this.preview(ids, declared, ownership);
      refuseIfNeeded(plan.refusals);
      try {
        await runOrderedWrites(writes, Object.values(ids).join('/'), this.logger);
      } catch (failure) {
        if (!(failure instanceof WriteFailed)) throw failure;
        // A concurrent change is for the retry around this attempt, not for the type to explain.
        throw failure.cause instanceof ConcurrentPoolChange
          ? failure.cause
          : this.type.explain(failure, plan, declared);
      }
      return this.type.report(plan);
    });
  }

  private notFound(ids: Identifiers): Error {
    return new exceptions.NotFound(this.type.typeName, identifierOf(ids));
  }
}

/** A resource's primary identifier as CloudFormation shows it: its identifiers joined by `|`. */
export function identifierOf(ids: Identifiers): string {
  return Object.values(ids).join('|');
}

/** Throws the refusals of a plan, if any: locked settings as NotUpdatable, the rest as InvalidRequest. */
function refuseIfNeeded(refusals: readonly Refusal[]): void {
  const locked = refusals.filter((refusal) => refusal.kind === 'locked');
  if (locked.length > 0) throw new exceptions.NotUpdatable(locked.map((refusal) => refusal.message).join(' '));
  if (refusals.length > 0) throw new exceptions.InvalidRequest(refusals.map((refusal) => refusal.message).join(' '));
}
