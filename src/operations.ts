import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoGateway } from './cognito/gateway';
import { currentSettings } from './pool/currentSettings';
import { needsMfaState, poolUsesMfaState } from './pool/mfa';
import { isManaged } from './pool/ownership';
import { planSettings, type Ownership, type SettingsPlan } from './pool/plan';
import type { DeclaredSettings } from './pool/settings';
import { findSchemaProblems } from './pool/validation';
import { withConflictRetry } from './retry';
import { TYPE_NAME } from './typeInfo';

export interface OperationLog {
  log(message: string): void;
}

/** What each handler does to a pool, in terms of Cognito calls and the pure plan. */
export class UserPoolSettingsOperations {
  constructor(
    private readonly cognito: CognitoGateway,
    private readonly logger: OperationLog,
  ) {}

  /** CREATE: claims an unmanaged pool and applies the declared settings. */
  create(userPoolId: string, declared: DeclaredSettings): Promise<DeclaredSettings> {
    return this.apply(userPoolId, declared, 'claim');
  }

  /** UPDATE: applies the declared settings to a managed pool. */
  update(userPoolId: string, declared: DeclaredSettings): Promise<DeclaredSettings> {
    return this.apply(userPoolId, declared, 'keep');
  }

  /** READ: the current settings of a managed pool, from its identifier alone. */
  async read(userPoolId: string): Promise<DeclaredSettings> {
    const described = await this.describeManaged(userPoolId);
    const mfa = poolUsesMfaState(described) ? await this.cognito.describeMfa(userPoolId) : undefined;
    return currentSettings(described, mfa);
  }

  /** DELETE: stops managing the pool; every setting stays as it is. */
  async delete(userPoolId: string): Promise<void> {
    await withConflictRetry(async () => {
      const described = await this.describeManaged(userPoolId);
      const plan = planSettings({ userPoolId, described, declared: {}, ownership: 'release' });
      await this.execute(userPoolId, plan);
    });
  }

  /** LIST: the managed pools in the account and region. */
  async list(): Promise<string[]> {
    const poolIds = await this.cognito.listPoolIds();
    const managed: string[] = [];
    // A few at a time: DescribeUserPool is the only call that shows tags.
    const concurrency = 4;
    for (let start = 0; start < poolIds.length; start += concurrency) {
      const batch = poolIds.slice(start, start + concurrency);
      const pools = await Promise.all(batch.map((id) => this.describeIfPresent(id)));
      for (const pool of pools) if (pool?.Id && isManaged(pool)) managed.push(pool.Id);
    }
    return managed;
  }

  private async apply(userPoolId: string, declared: DeclaredSettings, ownership: Ownership): Promise<DeclaredSettings> {
    const problems = findSchemaProblems({ UserPoolId: userPoolId, ...declared });
    if (problems.length > 0) throw new exceptions.InvalidRequest(`Invalid properties: ${problems.join('; ')}`);
    return withConflictRetry(async () => {
      const described = await this.cognito.describePool(userPoolId);
      if (ownership === 'claim' && isManaged(described)) throw new exceptions.AlreadyExists(TYPE_NAME, userPoolId);
      if (ownership === 'keep' && !isManaged(described)) throw new exceptions.NotFound(TYPE_NAME, userPoolId);
      const describedMfa = needsMfaState(described, declared) ? await this.cognito.describeMfa(userPoolId) : undefined;
      const plan = planSettings({ userPoolId, described, describedMfa, declared, ownership });
      refuseIfNeeded(plan);
      await this.execute(userPoolId, plan);
      return currentSettings(plan.resultingPool, plan.resultingMfa);
    });
  }

  /**
   * Carries out a plan. Reversible writes go first; if a later write fails, the
   * earlier ones are undone so the pool is left as it was. Custom attributes cannot
   * be removed, so they are added last.
   */
  private async execute(userPoolId: string, plan: SettingsPlan): Promise<void> {
    const undo: (() => Promise<void>)[] = [];
    try {
      if (plan.updateRequest) {
        this.logger.log(`UpdateUserPool ${userPoolId}: ${changedMembers(plan).join(', ')}`);
        await this.cognito.updatePool(plan.updateRequest);
        undo.push(() => this.cognito.updatePool(plan.restoreRequest));
      }
      if (plan.setMfaRequest && plan.restoreMfaRequest) {
        const restoreMfa = plan.restoreMfaRequest;
        this.logger.log(`SetUserPoolMfaConfig ${userPoolId}: MfaConfiguration ${plan.setMfaRequest.MfaConfiguration}`);
        await this.cognito.setMfa(plan.setMfaRequest);
        undo.push(() => this.cognito.setMfa(restoreMfa));
      }
      for (const batch of plan.customAttributeBatches) {
        this.logger.log(`AddCustomAttributes ${userPoolId}: ${batch.map((attribute) => attribute.Name).join(', ')}`);
        await this.cognito.addCustomAttributes(userPoolId, batch);
      }
      if (!plan.updateRequest && !plan.setMfaRequest && plan.customAttributeBatches.length === 0) {
        this.logger.log(`${userPoolId}: nothing to change, no write`);
      }
    } catch (error) {
      for (const step of undo.reverse()) {
        try {
          await step();
        } catch (rollbackError) {
          this.logger.log(`Rollback of ${userPoolId} failed: ${(rollbackError as Error).message}`);
        }
      }
      throw error;
    }
  }

  private async describeManaged(userPoolId: string): Promise<UserPoolType> {
    const described = await this.cognito.describePool(userPoolId);
    if (!isManaged(described)) throw new exceptions.NotFound(TYPE_NAME, userPoolId);
    return described;
  }

  private async describeIfPresent(userPoolId: string): Promise<UserPoolType | undefined> {
    try {
      return await this.cognito.describePool(userPoolId);
    } catch (error) {
      // Deleted between ListUserPools and DescribeUserPool.
      if (error instanceof exceptions.NotFound) return undefined;
      throw error;
    }
  }
}

function refuseIfNeeded(plan: SettingsPlan): void {
  const locked = plan.refusals.filter((refusal) => refusal.kind === 'locked');
  if (locked.length > 0) throw new exceptions.NotUpdatable(locked.map((refusal) => refusal.message).join(' '));
  if (plan.refusals.length > 0) {
    throw new exceptions.InvalidRequest(plan.refusals.map((refusal) => refusal.message).join(' '));
  }
}

// Names, never values: requests can hold SMS external ids and role ARNs.
function changedMembers(plan: SettingsPlan): string[] {
  const update = (plan.updateRequest ?? {}) as unknown as Record<string, unknown>;
  const restore = plan.restoreRequest as unknown as Record<string, unknown>;
  return Object.keys({ ...update, ...restore }).filter(
    (member) => JSON.stringify(update[member]) !== JSON.stringify(restore[member]),
  );
}
