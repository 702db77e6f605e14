import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type {
  LogConfigurationType,
  SchemaAttributeType,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { unlessNotFound, type CognitoGateway } from '../engine/cognito/gateway';
import { cognitoErrorName, FEATURE_PLAN_ERRORS } from '../engine/cognito/errors';
import { changedMembers, leafChanges } from '../engine/leafChanges';
import { explainRefusal } from '../engine/refusalSubject';
import type { Identifiers, PlannedWrite, SettingsType } from '../engine/settingsType';
import { settingsOfUserPool } from './currentSettings';
import { featuresBeyondPlan } from './featurePlans';
import { DECLARABLE_FIELDS, LOCKED_FIELDS, type DeclaredSettings, type MfaSettings } from './fields';
import { isDefaultSettings, SETTINGS_NAME } from '../engine/ownershipRecords';
import { POOL_MODE_SWITCH_FIELDS } from './modeSwitch';
import { mfaStateFromDescribed, needsMfaState } from './mfa';
import { ResourceModel } from './models';
import { carriesLegacyClaimTag, OWNERSHIP_TAG_KEY, OWNERSHIP_TAG_VALUE } from './ownership';
import { planSchemaAttributes } from './lockedSettings';
import { planSettings, type SettingsPlan } from './plan';
import type { TagWrite } from './tags';
import { findSchemaProblems } from './validation';
import { describedRisk, threatProtectionOn, type RiskSettings } from '../engine/cognito/riskConfiguration';
import { securityWrites } from './securityWrites';

/** What the pool type reads: the pool and, when the operation needs them, its MFA state, risk configuration and log delivery. */
export interface State {
  described: UserPoolType;
  describedMfa?: MfaSettings;
  describedRisk?: RiskSettings;
  describedLogs?: LogConfigurationType[];
}

/** How many pools LIST describes at once: one ListUserPools page is at most 60. */
const LIST_DESCRIBE_CONCURRENCY = 5;

/**
 * Org::Cognito::UserPoolSettings as the engine runs it. A pool is managed when it has an
 * ownership record (the engine's), or the ownership tag of earlier versions, which its
 * next write moves to the record; DescribeUserPool (and GetUserPoolMfaConfig) are the
 * reads, and UpdateUserPool, SetUserPoolMfaConfig, TagResource/UntagResource and
 * AddCustomAttributes the writes.
 */
export const settingsType: SettingsType<DeclaredSettings, State, SettingsPlan, CognitoGateway> = {
  typeName: ResourceModel.TYPE_NAME,
  identifiers: ['UserPoolId', SETTINGS_NAME],
  listedWithin: [],
  declarable: DECLARABLE_FIELDS,
  assertions: [...LOCKED_FIELDS],
  // Another EmailSendingAccount or SMS transport replaces the block.
  blocks: POOL_MODE_SWITCH_FIELDS(),
  scope: 'pool',
  findSchemaProblems,
  connect: (caller) => caller.cognito,

  /**
   * DescribeUserPool, then what the operation needs beside it, in parallel: the MFA state
   * (see `needsMfaState`), the risk configuration and the log delivery when declared. READ
   * reports them as it reports MFA factors: the risk configuration while threat protection
   * is on, the log delivery always (nothing in the pool tells whether it has one).
   */
  async read(cognito, { UserPoolId }, declared, reporting) {
    const readsLogs = reporting === true || declared.LogDeliveryConfiguration !== undefined;
    const [described, describedLogs] = await Promise.all([
      cognito.describeUserPool(UserPoolId),
      readsLogs ? cognito.getLogDeliveryConfiguration(UserPoolId) : undefined,
    ]);
    const readsMfa = needsMfaState(described, declared);
    const readsRisk = declared.RiskConfiguration !== undefined || (reporting === true && threatProtectionOn(described));
    const [mfa, risk] = await Promise.all([
      readsMfa ? cognito.getUserPoolMfaConfig(UserPoolId) : undefined,
      readsRisk ? cognito.describeRiskConfiguration(UserPoolId) : undefined,
    ]);
    const state: State = { described };
    if (mfa) state.describedMfa = mfaStateFromDescribed(mfa);
    if (readsRisk) state.describedRisk = describedRisk(risk).settings;
    if (describedLogs) state.describedLogs = describedLogs;
    const reads = [
      'DescribeUserPool',
      ...(readsLogs ? ['GetLogDeliveryConfiguration'] : []),
      ...(readsMfa ? ['GetUserPoolMfaConfig'] : []),
      ...(readsRisk ? ['DescribeRiskConfiguration'] : []),
    ];
    return { state, legacyClaim: carriesLegacyClaimTag(described), reads };
  },

  plan: (
    { described, describedMfa, describedRisk, describedLogs },
    { UserPoolId },
    declared,
    ownership,
    restoredPaths,
  ) =>
    planSettings({
      userPoolId: UserPoolId,
      described,
      describedMfa,
      describedRisk,
      describedLogs,
      declared,
      ownership,
      restoredPaths,
    }),

  writes: (cognito, ids, plan, { described }) => poolWrites(cognito, ids, plan, described),

  explain: (failure, plan, declared) =>
    explainRefusal(explainFeaturePlan(failure.cause, plan), failure.request, declared, 'pool'),

  report: (plan) =>
    settingsOfUserPool(plan.resultingPool, plan.resultingMfa, {
      risk: plan.security.resultingRisk,
      logs: plan.security.resultingLogs,
    }),
  current: ({ described, describedMfa, describedRisk, describedLogs }) =>
    settingsOfUserPool(described, describedMfa, { risk: describedRisk, logs: describedLogs }),

  /** DELETE of a pool an earlier version claimed: its ownership tag goes; no UpdateUserPool is sent. */
  async releaseLegacyClaim(cognito, { UserPoolId }, { described }, log) {
    log.log(`UntagResource ${UserPoolId}: ${OWNERSHIP_TAG_KEY}`);
    await cognito.untagResource(described, [OWNERSHIP_TAG_KEY]);
  },

  exists: async (cognito, { UserPoolId }) => (await unlessNotFound(cognito.describeUserPool(UserPoolId))) !== undefined,

  /**
   * The pools earlier versions claimed with the ownership tag: one ListUserPools page (at
   * most 60 pools) and a DescribeUserPool of each, a few at a time (only the describe shows
   * tags): at most 61 Cognito calls whatever the account holds. A page may hold none.
   */
  async legacyClaimsPage(cognito, _within, nextToken) {
    const page = await cognito.listUserPools(nextToken);
    const found: Identifiers[] = [];
    for (let start = 0; start < page.ids.length; start += LIST_DESCRIBE_CONCURRENCY) {
      const batch = page.ids.slice(start, start + LIST_DESCRIBE_CONCURRENCY);
      // A pool deleted between ListUserPools and DescribeUserPool is skipped.
      const pools = await Promise.all(batch.map((id) => unlessNotFound(cognito.describeUserPool(id))));
      for (const pool of pools) if (pool?.Id && carriesLegacyClaimTag(pool)) found.push({ UserPoolId: pool.Id });
    }
    return { found, nextToken: page.nextToken };
  },
};

/**
 * The writes of a plan. UpdateUserPool and SetUserPoolMfaConfig go in the order the plan
 * gives (features added: pool first; removed: MFA first); tags follow; custom attributes
 * cannot be removed, so they are added last.
 */
function poolWrites(
  cognito: CognitoGateway,
  ids: Identifiers,
  plan: SettingsPlan,
  described: UserPoolType,
): PlannedWrite[] {
  const { UserPoolId } = ids;
  const { updateRequest, restoreRequest, setMfaRequest, restoreMfaRequest, tagWrite } = plan;
  const pool: PlannedWrite[] = updateRequest
    ? [
        {
          operation: 'UpdateUserPool',
          log: `UpdateUserPool ${UserPoolId}: ${changedMembers(updateRequest, restoreRequest).join(', ')}`,
          request: updateRequest,
          changes: () => leafChanges(restoreRequest, updateRequest),
          run: () => cognito.updateUserPool(updateRequest),
          undo: () => cognito.updateUserPool(restoreRequest),
        },
      ]
    : [];
  const mfa: PlannedWrite[] =
    setMfaRequest && restoreMfaRequest
      ? [
          {
            operation: 'SetUserPoolMfaConfig',
            log: `SetUserPoolMfaConfig ${UserPoolId}: MfaConfiguration ${setMfaRequest.MfaConfiguration}`,
            request: setMfaRequest,
            changes: () => leafChanges(restoreMfaRequest, setMfaRequest),
            run: () => cognito.setUserPoolMfaConfig(setMfaRequest),
            undo: () => cognito.setUserPoolMfaConfig(restoreMfaRequest),
          },
        ]
      : [];
  const tags: PlannedWrite[] = tagWrite ? [tagsWrite(cognito, UserPoolId, described, tagWrite)] : [];
  const attributes: PlannedWrite[] = plan.customAttributeBatches.map((batch) => ({
    operation: 'AddCustomAttributes',
    log: `AddCustomAttributes ${UserPoolId}: ${batch.map((attribute) => attribute.Name).join(', ')}`,
    request: { Schema: batch },
    changes: () =>
      batch.map((attribute) => ({ path: `Schema.custom:${attribute.Name}`, before: undefined, after: attribute })),
    run: () => addCustomAttributesOnce(cognito, UserPoolId, batch),
  }));
  // Earlier versions claimed the pool with a tag; the engine's record holds the claim now.
  // Only the `default` resource had the tag's claim; another settings name leaves it.
  const legacyTag: PlannedWrite[] =
    carriesLegacyClaimTag(described) && isDefaultSettings(ids)
      ? [
          {
            operation: 'UntagResource',
            log: `UntagResource ${UserPoolId}: ${OWNERSHIP_TAG_KEY} (the claim moved to the ownership record)`,
            request: {},
            changes: () => [
              { path: `UserPoolTags.${OWNERSHIP_TAG_KEY}`, before: OWNERSHIP_TAG_VALUE, after: undefined },
            ],
            run: () => cognito.untagResource(described, [OWNERSHIP_TAG_KEY]),
            undo: () => cognito.tagResource(described, { [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE }),
          },
        ]
      : [];
  const settings = plan.mfaFirst ? [...mfa, ...pool] : [...pool, ...mfa];
  // Risk configuration before user activity logs, which need threat protection; both after
  // the pool's tier and threat protection are in place, or before they go.
  const security = securityWrites(cognito, UserPoolId, plan.security);
  const ordered = plan.security.securityFirst ? [...security.reverse(), ...settings] : [...settings, ...security];
  return [...ordered, ...tags, ...legacyTag, ...attributes];
}

/** Declared tags with TagResource (a restore's removals with UntagResource); the undo puts every key back. */
function tagsWrite(
  cognito: CognitoGateway,
  UserPoolId: string,
  described: UserPoolType,
  write: TagWrite,
): PlannedWrite {
  const { tags, removedKeys, restoreTags, addedKeys } = write;
  const keys = [...Object.keys(tags), ...removedKeys];
  const operation = Object.keys(tags).length > 0 ? 'TagResource' : 'UntagResource';
  return {
    operation,
    log: `${operation} ${UserPoolId}: ${keys.join(', ')}`,
    request: { UserPoolTags: tags },
    changes: () =>
      leafChanges({ UserPoolTags: restoreTags }, { UserPoolTags: Object.fromEntries(keys.map((k) => [k, tags[k]])) }),
    run: async () => {
      if (Object.keys(tags).length > 0) await cognito.tagResource(described, tags);
      if (removedKeys.length > 0) await cognito.untagResource(described, removedKeys);
    },
    undo: async () => {
      if (addedKeys.length > 0) await cognito.untagResource(described, addedKeys);
      if (Object.keys(restoreTags).length > 0) await cognito.tagResource(described, restoreTags);
    },
  };
}

/**
 * AddCustomAttributes, once: an attribute can be added only once, so a call whose answer
 * was lost and that the SDK sent again is refused although the first one took effect.
 * When the pool then has every attribute of the batch, with the declared shape, the write
 * counts as done.
 */
async function addCustomAttributesOnce(
  cognito: CognitoGateway,
  UserPoolId: string,
  batch: SchemaAttributeType[],
): Promise<void> {
  try {
    await cognito.addCustomAttributes(UserPoolId, batch);
  } catch (error) {
    if (!(error instanceof exceptions.InvalidRequest) && !(error instanceof exceptions.NetworkFailure)) throw error;
    const { toAdd, conflicts } = planSchemaAttributes(await cognito.describeUserPool(UserPoolId), batch);
    if (toAdd.length > 0 || conflicts.length > 0) throw error;
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
