import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { unlessNotFound, type CognitoGateway } from '../engine/cognito/gateway';
import { currentSettings } from './pool/currentSettings';
import { mfaStateFromDescribed, needsMfaState, poolUsesMfaState } from './pool/mfa';
import { cognitoErrorName, FEATURE_PLAN_ERRORS } from '../engine/cognito/errors';
import { featuresBeyondPlan } from './pool/featurePlans';
import { isManaged, OWNERSHIP_TAG_KEY } from './pool/ownership';
import { planSettings, type SettingsPlan } from './pool/plan';
import type { DeclaredSettings } from './pool/settings';
import { findSchemaProblems } from './pool/validation';
import { applySettings } from '../engine/lifecycle';
import { runOrderedWrites, type Write } from '../engine/orderedWrites';
import { decodeListToken, encodeListToken } from '../engine/listToken';
import { explainRefusal } from '../engine/refusalSubject';
import { changedMembers, type OperationLog, type Ownership } from '../engine/writePlan';
import { TYPE_NAME } from '../engine/typeInfo';

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
    const mfa = poolUsesMfaState(described)
      ? mfaStateFromDescribed(await this.cognito.describeMfa(userPoolId))
      : undefined;
    return currentSettings(described, mfa);
  }

  /**
   * DELETE: stops managing the pool by removing the ownership marker with
   * UntagResource. Every setting stays as it is, and no UpdateUserPool is sent, so no
   * describe→update trap can leave a stack in DELETE_FAILED.
   */
  async delete(userPoolId: string): Promise<void> {
    const described = await this.describeManaged(userPoolId);
    this.logger.log(`UntagResource ${userPoolId}: ${OWNERSHIP_TAG_KEY}`);
    await this.cognito.untagPool(described, [OWNERSHIP_TAG_KEY]);
  }

  /**
   * LIST, one page per invocation: one ListUserPools page (at most 60 pools) and a
   * DescribeUserPool of each, a few at a time (only the describe shows tags), so at most
   * 61 Cognito calls whatever the account holds. The managed pools of the page, and the
   * token of the next page, if any; a page may hold no managed pool.
   */
  async list(nextToken?: string): Promise<{ poolIds: string[]; nextToken?: string }> {
    const page = await this.cognito.listPoolPage(decodeListToken('ListUserPools', nextToken));
    const managed: string[] = [];
    const concurrency = 5;
    for (let start = 0; start < page.ids.length; start += concurrency) {
      const batch = page.ids.slice(start, start + concurrency);
      // A pool deleted between ListUserPools and DescribeUserPool is skipped.
      const pools = await Promise.all(batch.map((id) => unlessNotFound(this.cognito.describePool(id))));
      for (const pool of pools) if (pool?.Id && isManaged(pool)) managed.push(pool.Id);
    }
    return { poolIds: managed, nextToken: encodeListToken('ListUserPools', page.nextToken) };
  }

  /**
   * The reads and the plan of a CREATE (`claim`) or UPDATE (`keep`), without any write:
   * what `apply` carries out, and what `npm run plan` shows. Without an ownership, the
   * pool decides: CREATE when it is not managed yet, UPDATE when it is.
   */
  async preview(
    userPoolId: string,
    declared: DeclaredSettings,
    requested?: Ownership,
  ): Promise<{ described: UserPoolType; plan: SettingsPlan; reads: string[]; ownership: Ownership }> {
    const described = await this.cognito.describePool(userPoolId);
    const ownership = requested ?? (isManaged(described) ? 'keep' : 'claim');
    if (ownership === 'claim' && isManaged(described)) throw new exceptions.AlreadyExists(TYPE_NAME, userPoolId);
    if (ownership === 'keep' && !isManaged(described)) throw new exceptions.NotFound(TYPE_NAME, userPoolId);
    const readsMfa = needsMfaState(described, declared);
    const describedMfa = readsMfa ? mfaStateFromDescribed(await this.cognito.describeMfa(userPoolId)) : undefined;
    const plan = planSettings({ userPoolId, described, describedMfa, declared, ownership });
    const reads = readsMfa ? ['DescribeUserPool', 'GetUserPoolMfaConfig'] : ['DescribeUserPool'];
    return { described, plan, reads, ownership };
  }

  private apply(userPoolId: string, declared: DeclaredSettings, ownership: Ownership): Promise<DeclaredSettings> {
    return applySettings(findSchemaProblems({ UserPoolId: userPoolId, ...declared }), {
      plan: () => this.preview(userPoolId, declared, ownership),
      refusals: ({ plan }) => plan.refusals,
      write: ({ plan, described }) => this.execute(userPoolId, plan, described),
      explain: (failure, { plan }) =>
        explainRefusal(explainFeaturePlan(failure.cause, plan), failure.request, declared, 'pool'),
      report: ({ plan }) => currentSettings(plan.resultingPool, plan.resultingMfa),
    });
  }

  /**
   * Carries out a plan. UpdateUserPool and SetUserPoolMfaConfig go in the order the plan
   * gives (features added: pool first; removed: MFA first); tags follow; custom attributes
   * cannot be removed, so they are added last. A failure undoes the earlier writes.
   */
  private async execute(userPoolId: string, plan: SettingsPlan, described: UserPoolType): Promise<void> {
    const pool: Write[] = plan.updateRequest
      ? [
          {
            log: `UpdateUserPool ${userPoolId}: ${changedMembers(plan.updateRequest, plan.restoreRequest).join(', ')}`,
            request: plan.updateRequest,
            run: () => this.cognito.updatePool(plan.updateRequest!),
            undo: () => this.cognito.updatePool(plan.restoreRequest),
          },
        ]
      : [];
    const mfa: Write[] =
      plan.setMfaRequest && plan.restoreMfaRequest
        ? [
            {
              log: `SetUserPoolMfaConfig ${userPoolId}: MfaConfiguration ${plan.setMfaRequest.MfaConfiguration}`,
              request: plan.setMfaRequest,
              run: () => this.cognito.setMfa(plan.setMfaRequest!),
              undo: () => this.cognito.setMfa(plan.restoreMfaRequest!),
            },
          ]
        : [];
    const tagWrite = plan.tagWrite;
    const tags: Write[] = tagWrite
      ? [
          {
            log: `TagResource ${userPoolId}: ${Object.keys(tagWrite.tags).join(', ')}`,
            request: { UserPoolTags: tagWrite.tags },
            run: () => this.cognito.tagPool(described, tagWrite.tags),
            undo: async () => {
              if (tagWrite.addedKeys.length > 0) await this.cognito.untagPool(described, tagWrite.addedKeys);
              if (Object.keys(tagWrite.restoreTags).length > 0)
                await this.cognito.tagPool(described, tagWrite.restoreTags);
            },
          },
        ]
      : [];
    const attributes: Write[] = plan.customAttributeBatches.map((batch) => ({
      log: `AddCustomAttributes ${userPoolId}: ${batch.map((attribute) => attribute.Name).join(', ')}`,
      request: { Schema: batch },
      run: () => this.cognito.addCustomAttributes(userPoolId, batch),
    }));
    const settings = plan.mfaFirst ? [...mfa, ...pool] : [...pool, ...mfa];
    await runOrderedWrites([...settings, ...tags, ...attributes], userPoolId, this.logger);
  }

  private async describeManaged(userPoolId: string): Promise<UserPoolType> {
    const described = await this.cognito.describePool(userPoolId);
    if (!isManaged(described)) throw new exceptions.NotFound(TYPE_NAME, userPoolId);
    return described;
  }
}

/** Names the declared features a feature-plan refusal is about, and the plan each needs. */
function explainFeaturePlan(error: unknown, plan: SettingsPlan): unknown {
  const name = cognitoErrorName(error);
  if (!name || !FEATURE_PLAN_ERRORS.has(name)) return error;
  const beyond = featuresBeyondPlan(plan.resultingPool, plan.resultingMfa);
  const tier = plan.resultingPool.UserPoolTier ?? 'ESSENTIALS';
  const explanation =
    beyond.length > 0
      ? `The pool's feature plan (UserPoolTier ${tier}) does not include: ${beyond.join('; ')}. Declare UserPoolTier accordingly, or leave those settings out.`
      : `Cognito refused a feature for the pool's feature plan (UserPoolTier ${tier}); declare a higher UserPoolTier, or leave the feature out.`;
  return new exceptions.InvalidRequest(`${(error as Error).message} ${explanation}`);
}
