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
import { findCrossFieldProblems } from './crossFieldRules';
import { planChange } from './featurePlans';
import { buildSetMfaRequest, declaresMfa, findMfaProblems, mergeMfaState, touchesMfaRules } from './mfa';
import { mergeSetting } from './modeSwitch';
import { OWNERSHIP_TAG_KEY, OWNERSHIP_TAG_VALUE, withOwnershipTag } from './ownership';
import type { DeclaredSettings, MfaSettings } from './settings';
import { buildUpdateRequest } from './updateRequest';
import type { Ownership, Refusal } from '../shared/writePlan';

export interface PlanInput {
  userPoolId: string;
  described: UserPoolType;
  /** The MFA state, read when MFA is declared or the pool uses it. */
  describedMfa?: MfaSettings;
  declared: DeclaredSettings;
  ownership: Ownership;
}

/** Every write an operation needs, in order, with what undoes each one. */
export interface SettingsPlan {
  refusals: Refusal[];
  /** Undefined when no declared setting changes: UpdateUserPool is then not sent at all. */
  updateRequest?: UpdateUserPoolCommandInput;
  /** Puts the pool back as described, if a later write fails. */
  restoreRequest: UpdateUserPoolCommandInput;
  /**
   * The ownership marker, when CREATE has no UpdateUserPool to carry it: written with
   * TagResource, so a claim alone never sends a full UpdateUserPool.
   */
  ownershipTags?: Record<string, string>;
  setMfaRequest?: SetUserPoolMfaConfigCommandInput;
  restoreMfaRequest?: SetUserPoolMfaConfigCommandInput;
  /**
   * SetUserPoolMfaConfig goes before UpdateUserPool when the change removes a feature or
   * lowers the feature plan, after it when it adds them, so that every intermediate
   * state is one Cognito accepts.
   */
  mfaFirst: boolean;
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
  const claimed = input.ownership === 'claim' ? withOwnershipTag(mergedPool) : mergedPool;
  invalid(findCrossFieldProblems(claimed, described, declared));

  const existingCustom = countCustomAttributes(described);
  if (existingCustom + schemaPlan.toAdd.length > MAX_CUSTOM_ATTRIBUTES_PER_POOL) {
    invalid([
      `Schema: the pool has ${existingCustom} custom attributes and the template adds ${schemaPlan.toAdd.length}; Cognito allows at most ${MAX_CUSTOM_ATTRIBUTES_PER_POOL}.`,
    ]);
  }

  const restoreRequest = buildUpdateRequest(userPoolId, described);
  const settingsRequest = buildUpdateRequest(userPoolId, mergedPool);
  const settingsChange = !isDeepStrictEqual(settingsRequest, restoreRequest);
  // The marker rides in an UpdateUserPool that is sent anyway; otherwise TagResource writes it.
  const updateRequest = settingsChange ? buildUpdateRequest(userPoolId, claimed) : undefined;
  const plan: SettingsPlan = {
    refusals,
    restoreRequest,
    updateRequest,
    ownershipTags:
      input.ownership === 'claim' && !settingsChange ? { [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE } : undefined,
    mfaFirst: false,
    customAttributeBatches: chunk(schemaPlan.toAdd, MAX_CUSTOM_ATTRIBUTES_PER_CALL),
    resultingPool: poolAfter(claimed, settingsRequest),
  };

  const checksMfa = declaresMfa(declared) || touchesMfaRules(declared);
  if (input.describedMfa && checksMfa) {
    const mergedMfa = mergeMfaState(input.describedMfa, declared, mergedPool);
    invalid(findMfaProblems(mergedMfa, declared, mergedPool));
    const setMfaRequest = buildSetMfaRequest(userPoolId, mergedMfa, mergedPool);
    const restoreMfaRequest = buildSetMfaRequest(userPoolId, input.describedMfa, described);
    if (!isDeepStrictEqual(setMfaRequest, restoreMfaRequest)) {
      plan.setMfaRequest = setMfaRequest;
      plan.restoreMfaRequest = restoreMfaRequest;
      const tier = planChange(described, mergedPool);
      plan.mfaFirst = tier < 0 || (tier === 0 && removesMfaFeature(input.describedMfa, mergedMfa));
    }
    plan.resultingMfa = mergedMfa;
  } else {
    plan.resultingMfa = input.describedMfa;
  }
  return plan;
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
