import type {
  LambdaConfigType,
  LogConfigurationType,
  SchemaAttributeType,
  SetUserPoolMfaConfigCommandInput,
  UpdateUserPoolCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { isDeepStrictEqual } from 'node:util';
import { MERGEABLE_FIELDS, UPDATE_POOL_FIELDS } from './fields';
import {
  countCustomAttributes,
  findLockedSettingConflicts,
  MAX_CUSTOM_ATTRIBUTES_PER_CALL,
  MAX_CUSTOM_ATTRIBUTES_PER_POOL,
  planSchemaAttributes,
} from './lockedSettings';
import { findCrossFieldProblems } from './crossFieldRules';
import { compareFeaturePlans } from './featurePlans';
import { buildSetUserPoolMfaConfigRequest, declaresMfa, findMfaProblems, mergeMfaState, touchesMfaRules } from './mfa';
import { mergeSetting } from './modeSwitch';
import { withoutRemovals } from '../engine/merge';
import { planTags, type TagWrite } from './tags';
import { planSecurity, type SecurityPlan } from './securityPlan';
import type { RiskSettings } from '../engine/cognito/riskConfiguration';
import type { DeclaredSettings, MfaSettings } from './fields';
import { buildUpdateUserPoolRequest } from './updateRequest';
import type { Ownership, Refusal } from '../engine/settingsType';

export interface PlanInput {
  userPoolId: string;
  described: UserPoolType;
  /** The MFA state, read when MFA is declared or the pool uses it. */
  describedMfa?: MfaSettings;
  /** The risk configuration and log delivery, read when declared. */
  describedRisk?: RiskSettings;
  describedLogs?: LogConfigurationType[];
  declared: DeclaredSettings;
  ownership: Ownership;
  /** The paths a restore puts back as they were (a list there is the whole list, not entries to merge). */
  restoredPaths?: readonly (readonly string[])[];
}

/** Every write an operation needs, in order, with what undoes each one. */
export interface SettingsPlan {
  refusals: Refusal[];
  /** Undefined when no setting UpdateUserPool writes changes: it is then not sent at all. */
  updateRequest?: UpdateUserPoolCommandInput;
  /** Puts the pool back as described, if a later write fails (same MFA mode as `updateRequest`). */
  restoreRequest: UpdateUserPoolCommandInput;
  setMfaRequest?: SetUserPoolMfaConfigCommandInput;
  restoreMfaRequest?: SetUserPoolMfaConfigCommandInput;
  /**
   * SetUserPoolMfaConfig goes before UpdateUserPool when the change removes a feature or
   * lowers the feature plan, after it when it adds them, so that every intermediate
   * state is one Cognito accepts.
   */
  mfaFirst: boolean;
  /** Declared tags that change: TagResource, after the settings. */
  tagWrite?: TagWrite;
  customAttributeBatches: SchemaAttributeType[][];
  /** SetRiskConfiguration and SetLogDeliveryConfiguration, when they change something. */
  security: SecurityPlan;
  /** The pool and MFA state once every write has succeeded. */
  resultingPool: UserPoolType;
  resultingMfa?: MfaSettings;
}

/**
 * Turns a described pool and declared settings into the writes that apply them.
 * Pure: it decides, the handlers only carry it out. Each member has one writer:
 * UpdateUserPool the settings (never the tags), SetUserPoolMfaConfig the MFA state,
 * TagResource the tags, AddCustomAttributes new attributes.
 */
export function planSettings(input: PlanInput): SettingsPlan {
  const { userPoolId, described, declared } = input;
  const schemaPlan = planSchemaAttributes(described, declared.Schema ?? []);
  const refusals: Refusal[] = [...findLockedSettingConflicts(described, declared), ...schemaPlan.conflicts].map(
    ({ message }) => ({ kind: 'locked', message }),
  );
  const invalid = (messages: string[]) =>
    refusals.push(...messages.map((message) => ({ kind: 'invalid' as const, message })));

  const declaredLambda = alignDeclaredPreTokenGeneration(declared.LambdaConfig, described.LambdaConfig);
  invalid(declaredLambda.problems);

  const mergedPool: UserPoolType = { ...described };
  for (const field of MERGEABLE_FIELDS) {
    const declaredValue = field === 'LambdaConfig' ? declaredLambda.config : declared[field];
    if (declaredValue !== undefined) {
      (mergedPool as Record<string, unknown>)[field] = mergeSetting(field, described[field], declaredValue);
    }
  }
  // Rules read what is declared; a restore's removals (`null`) are not declared values.
  invalid(findCrossFieldProblems(mergedPool, described, (withoutRemovals(declared) ?? {}) as DeclaredSettings));
  const tagPlan = planTags(described, declared.UserPoolTags);
  invalid(tagPlan.problems);

  const existingCustom = countCustomAttributes(described);
  if (existingCustom + schemaPlan.toAdd.length > MAX_CUSTOM_ATTRIBUTES_PER_POOL) {
    invalid([
      `Schema: the pool has ${existingCustom} custom attributes and the template adds ${schemaPlan.toAdd.length}; Cognito allows at most ${MAX_CUSTOM_ATTRIBUTES_PER_POOL}.`,
    ]);
  }

  const mfa = planMfa(input, mergedPool);
  invalid(mfa.problems);
  // UpdateUserPool carries the MFA mode in effect while it is in effect: the new mode when
  // SetUserPoolMfaConfig goes first, the described one otherwise. The undo of either write
  // then runs against the same mode, so no request ever contradicts the pool's MFA state.
  const modeWhileUpdated = mfa.mfaFirst ? mfa.resultingMfa?.MfaConfiguration : described.MfaConfiguration;
  const withMode = (pool: UserPoolType): UserPoolType =>
    modeWhileUpdated === undefined ? pool : { ...pool, MfaConfiguration: modeWhileUpdated };
  const restoreRequest = buildUpdateUserPoolRequest(userPoolId, withMode(described));
  const settingsRequest = buildUpdateUserPoolRequest(userPoolId, withMode(mergedPool));
  const settingsChange = !isDeepStrictEqual(settingsRequest, restoreRequest);

  const security = planSecurity({
    userPoolId,
    described,
    mergedPool,
    describedRisk: input.describedRisk,
    describedLogs: input.describedLogs,
    declared,
    restoresLogs: (input.restoredPaths ?? []).some((path) => path[0] === 'LogDeliveryConfiguration'),
  });
  invalid(security.problems);

  const resultingPool = poolAfter(mergedPool, settingsRequest);
  const resultingMode = mfa.resultingMfa?.MfaConfiguration ?? described.MfaConfiguration;
  if (resultingMode !== undefined) resultingPool.MfaConfiguration = resultingMode;
  return {
    refusals,
    restoreRequest,
    updateRequest: settingsChange ? settingsRequest : undefined,
    setMfaRequest: mfa.setMfaRequest,
    restoreMfaRequest: mfa.restoreMfaRequest,
    mfaFirst: mfa.mfaFirst,
    tagWrite: tagPlan.write,
    customAttributeBatches: chunk(schemaPlan.toAdd, MAX_CUSTOM_ATTRIBUTES_PER_CALL),
    security,
    resultingPool,
    resultingMfa: mfa.resultingMfa,
  };
}

interface MfaPlan {
  problems: string[];
  setMfaRequest?: SetUserPoolMfaConfigCommandInput;
  restoreMfaRequest?: SetUserPoolMfaConfigCommandInput;
  mfaFirst: boolean;
  resultingMfa?: MfaSettings;
}

/** The SetUserPoolMfaConfig an operation needs, if any: the whole merged MFA state. */
function planMfa(input: PlanInput, mergedPool: UserPoolType): MfaPlan {
  const { userPoolId, described, describedMfa, declared } = input;
  const checksMfa = declaresMfa(declared) || touchesMfaRules(declared);
  if (!describedMfa || !checksMfa) return { problems: [], mfaFirst: false, resultingMfa: describedMfa };
  const mergedMfa = mergeMfaState(describedMfa, declared, mergedPool);
  const problems = findMfaProblems(mergedMfa, (withoutRemovals(declared) ?? {}) as DeclaredSettings, mergedPool);
  const setMfaRequest = buildSetUserPoolMfaConfigRequest(userPoolId, mergedMfa, mergedPool);
  const restoreMfaRequest = buildSetUserPoolMfaConfigRequest(userPoolId, describedMfa, described);
  if (isDeepStrictEqual(setMfaRequest, restoreMfaRequest)) {
    return { problems, mfaFirst: false, resultingMfa: mergedMfa };
  }
  const tier = compareFeaturePlans(described, mergedPool);
  return {
    problems,
    setMfaRequest,
    restoreMfaRequest,
    mfaFirst: tier < 0 || (tier === 0 && removesMfaFeature(describedMfa, mergedMfa)),
    resultingMfa: mergedMfa,
  };
}

/** Whether the MFA change turns MFA off or drops a factor or passkey setting. */
function removesMfaFeature(before: MfaSettings, after: MfaSettings): boolean {
  const on = (state: MfaSettings) => (state.MfaConfiguration ?? 'OFF') !== 'OFF';
  if (on(before) && !on(after)) return true;
  return (['SmsMfaConfiguration', 'EmailMfaConfiguration', 'WebAuthnConfiguration'] as const).some(
    (factor) => before[factor] !== undefined && after[factor] === undefined,
  );
}

/**
 * The pool as Cognito holds it once the writes succeed: every setting UpdateUserPool
 * writes is what the request sends (members it leaves out, such as
 * UnusedAccountValidityDays, are gone from it too); tags are the merged ones, since
 * TagResource only adds or changes keys.
 */
function poolAfter(mergedPool: UserPoolType, request: UpdateUserPoolCommandInput): UserPoolType {
  const pool: Record<string, unknown> = { ...mergedPool };
  const sent = request as unknown as Record<string, unknown>;
  for (const field of UPDATE_POOL_FIELDS) {
    if (sent[field] === undefined) delete pool[field];
    else pool[field] = sent[field];
  }
  return pool as UserPoolType;
}

/**
 * PreTokenGeneration and PreTokenGenerationConfig.LambdaArn must name the same
 * function. Whichever the template declares wins over the described one.
 */
export function alignDeclaredPreTokenGeneration(
  declared: LambdaConfigType | undefined,
  described: LambdaConfigType | undefined,
): { config?: LambdaConfigType; problems: string[] } {
  if (!declared) return { config: declared, problems: [] };
  const legacyArn = declared.PreTokenGeneration;
  const versionedArn = declared.PreTokenGenerationConfig?.LambdaArn;
  if (legacyArn && versionedArn && legacyArn !== versionedArn) {
    return {
      config: declared,
      problems: [
        'LambdaConfig.PreTokenGeneration and LambdaConfig.PreTokenGenerationConfig.LambdaArn must name the same function.',
      ],
    };
  }
  if (legacyArn && !versionedArn && described?.PreTokenGenerationConfig) {
    return {
      config: {
        ...declared,
        PreTokenGenerationConfig: { ...described.PreTokenGenerationConfig, LambdaArn: legacyArn },
      },
      problems: [],
    };
  }
  return { config: declared, problems: [] };
}

function chunk<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
