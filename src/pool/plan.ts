import type {
  LambdaConfigType,
  SchemaAttributeType,
  SetUserPoolMfaConfigCommandInput,
  UpdateUserPoolCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { isDeepStrictEqual } from 'node:util';
import { MERGEABLE_FIELDS } from './fields';
import {
  countCustomAttributes,
  findLockedSettingConflicts,
  MAX_CUSTOM_ATTRIBUTES_PER_CALL,
  MAX_CUSTOM_ATTRIBUTES_PER_POOL,
  planSchemaAttributes,
} from './lockedSettings';
import { deepMerge } from './merge';
import { buildSetMfaRequest, declaresMfa, findMfaProblems, mergeMfaState } from './mfa';
import { withOwnershipTag, withoutOwnershipTag } from './ownership';
import type { DeclaredSettings, MfaSettings } from './settings';
import { buildUpdateRequest } from './updateRequest';

export type Ownership = 'claim' | 'keep' | 'release';

export interface PlanInput {
  userPoolId: string;
  described: UserPoolType;
  /** The MFA state, read only when MFA is declared. */
  describedMfa?: MfaSettings;
  declared: DeclaredSettings;
  ownership: Ownership;
}

export interface Refusal {
  kind: 'locked' | 'invalid';
  message: string;
}

/** Every write an operation needs, in order, with what undoes each one. */
export interface SettingsPlan {
  refusals: Refusal[];
  /** Undefined when UpdateUserPool would change nothing. */
  updateRequest?: UpdateUserPoolCommandInput;
  /** Puts the pool back as described, if a later write fails. */
  restoreRequest: UpdateUserPoolCommandInput;
  setMfaRequest?: SetUserPoolMfaConfigCommandInput;
  restoreMfaRequest?: SetUserPoolMfaConfigCommandInput;
  customAttributeBatches: SchemaAttributeType[][];
  /** The pool and MFA state once every write has succeeded. */
  resultingPool: UserPoolType;
  resultingMfa?: MfaSettings;
}

/**
 * Turns a described pool and declared settings into the writes that apply them.
 * Pure: it decides, the handlers only carry it out.
 */
export function planSettings(input: PlanInput): SettingsPlan {
  const { userPoolId, described, declared } = input;
  const schemaPlan = planSchemaAttributes(described, declared.Schema ?? []);
  const refusals: Refusal[] = [...findLockedSettingConflicts(described, declared), ...schemaPlan.conflicts].map(
    ({ message }) => ({ kind: 'locked', message }),
  );

  const declaredLambda = alignDeclaredPreTokenGeneration(declared.LambdaConfig, described.LambdaConfig);
  refusals.push(...declaredLambda.problems.map((message) => ({ kind: 'invalid' as const, message })));

  let mergedPool: UserPoolType = { ...described };
  for (const field of MERGEABLE_FIELDS) {
    const declaredValue = field === 'LambdaConfig' ? declaredLambda.config : declared[field];
    if (declaredValue !== undefined) {
      (mergedPool as Record<string, unknown>)[field] = deepMerge(described[field], declaredValue);
    }
  }
  mergedPool = applyOwnership(mergedPool, input.ownership);
  refusals.push(...findTierProblems(mergedPool, declared).map((message) => ({ kind: 'invalid' as const, message })));

  const existingCustom = countCustomAttributes(described);
  if (existingCustom + schemaPlan.toAdd.length > MAX_CUSTOM_ATTRIBUTES_PER_POOL) {
    refusals.push({
      kind: 'invalid',
      message: `Schema: the pool has ${existingCustom} custom attributes and the template adds ${schemaPlan.toAdd.length}; Cognito allows at most ${MAX_CUSTOM_ATTRIBUTES_PER_POOL}.`,
    });
  }

  const restoreRequest = buildUpdateRequest(userPoolId, described);
  const candidateUpdate = buildUpdateRequest(userPoolId, mergedPool);
  const plan: SettingsPlan = {
    refusals,
    restoreRequest,
    updateRequest: isDeepStrictEqual(candidateUpdate, restoreRequest) ? undefined : candidateUpdate,
    customAttributeBatches: chunk(schemaPlan.toAdd, MAX_CUSTOM_ATTRIBUTES_PER_CALL),
    resultingPool: poolAfter(mergedPool, candidateUpdate),
  };

  if (input.describedMfa && declaresMfa(declared)) {
    const mergedMfa = mergeMfaState(input.describedMfa, declared);
    refusals.push(
      ...findMfaProblems(mergedMfa, declared, mergedPool).map((message) => ({ kind: 'invalid' as const, message })),
    );
    const setMfaRequest = buildSetMfaRequest(userPoolId, mergedMfa, mergedPool);
    const restoreMfaRequest = buildSetMfaRequest(userPoolId, input.describedMfa, described);
    if (!isDeepStrictEqual(setMfaRequest, restoreMfaRequest)) {
      plan.setMfaRequest = setMfaRequest;
      plan.restoreMfaRequest = restoreMfaRequest;
    }
    plan.resultingMfa = mergedMfa;
  } else {
    plan.resultingMfa = input.describedMfa;
  }
  return plan;
}

/**
 * The pool as Cognito holds it once the update is written: every mergeable setting is
 * what the request sends, so members the request leaves out (the verification variant
 * that does not match DefaultEmailOption, legacy members) are gone from it too.
 */
function poolAfter(mergedPool: UserPoolType, request: UpdateUserPoolCommandInput): UserPoolType {
  const pool: Record<string, unknown> = { ...mergedPool };
  const sent = request as unknown as Record<string, unknown>;
  for (const field of MERGEABLE_FIELDS) {
    // Reserved aws: tags stay on the pool: they are never sent, and never removed.
    if (field === 'UserPoolTags') continue;
    if (sent[field] === undefined) delete pool[field];
    else pool[field] = sent[field];
  }
  return pool as UserPoolType;
}

function applyOwnership(pool: UserPoolType, ownership: Ownership): UserPoolType {
  if (ownership === 'claim') return withOwnershipTag(pool);
  if (ownership === 'release') return withoutOwnershipTag(pool);
  return pool;
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

// Threat protection (AUDIT or ENFORCED) is a PLUS feature; Cognito answers
// FeatureUnavailableInTierException otherwise. Only checked when the template touches either.
function findTierProblems(mergedPool: UserPoolType, declared: DeclaredSettings): string[] {
  if (declared.UserPoolTier === undefined && declared.UserPoolAddOns === undefined) return [];
  const mode = mergedPool.UserPoolAddOns?.AdvancedSecurityMode;
  const tier = mergedPool.UserPoolTier;
  if (tier !== undefined && tier !== 'PLUS' && mode !== undefined && mode !== 'OFF') {
    return [`UserPoolAddOns: AdvancedSecurityMode ${mode} needs UserPoolTier PLUS, but the pool would be on ${tier}.`];
  }
  return [];
}

function chunk<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
