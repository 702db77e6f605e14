import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { WriteFailed } from './orderedWrites';
import { withConflictRetry } from './retry';
import { refuseIfNeeded, type Refusal } from './writePlan';

/**
 * The steps every CREATE and UPDATE of a settings type takes, written once: the declared
 * properties are checked against the schema (InvalidRequest naming each, nothing called),
 * then, as one attempt retried whole when Cognito reports a concurrent change: the reads
 * and the pure plan, the plan's refusals (nothing written), the ordered writes, and the
 * model the operation returns. Each type supplies the steps; the order is the engine's.
 */
export interface SettingsAttempt<Plan, Model> {
  /** Reads the resource and plans the writes. */
  plan: () => Promise<Plan>;
  /** What the plan refuses before any write (locked settings, broken rules). */
  refusals: (plan: Plan) => readonly Refusal[];
  /** Carries the plan out with runOrderedWrites, undoing what it wrote if a later write fails. */
  write: (plan: Plan) => Promise<void>;
  /** The error a refused write answers with: Cognito's, with the setting it is about named. */
  explain: (failure: WriteFailed, plan: Plan) => unknown;
  /** The model the operation returns: what READ reports next. */
  report: (plan: Plan) => Model;
}

export async function applySettings<Plan, Model>(
  schemaProblems: readonly string[],
  attempt: SettingsAttempt<Plan, Model>,
): Promise<Model> {
  if (schemaProblems.length > 0)
    throw new exceptions.InvalidRequest(`Invalid properties: ${schemaProblems.join('; ')}`);
  return withConflictRetry(async () => {
    const plan = await attempt.plan();
    refuseIfNeeded(attempt.refusals(plan));
    try {
      await attempt.write(plan);
    } catch (failure) {
      throw failure instanceof WriteFailed ? attempt.explain(failure, plan) : failure;
    }
    return attempt.report(plan);
  });
}

/** UPDATE of a resource whose identifier changed: CloudFormation replaces it instead. */
export function refuseIdentifierChange(
  identifiers: [name: string, before: string | null | undefined, after: string][],
): void {
  for (const [name, before, after] of identifiers) {
    if (before && before !== after) {
      throw new exceptions.NotUpdatable(
        `${name} cannot change from ${before} to ${after}; CloudFormation replaces the resource instead.`,
      );
    }
  }
}
