import type {
  SetRiskConfigurationCommandInput,
  UpdateUserPoolClientCommandInput,
  UserPoolClientType,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { isDeepStrictEqual } from 'node:util';
import type { Ownership, Refusal } from '../../engine/settingsType';
import { mergeUnlessModeSwitch, withoutRemovals, type ModeSwitch } from '../../engine/merge';
import { buildUpdateUserPoolClientRequest } from './updateRequest';
import type { DescribedClient } from '../../engine/cognito/gateway';
import { findCrossFieldProblems } from './crossFieldRules';
import { MERGEABLE_FIELDS, type DeclaredSettings, type MergeableField } from './fields';
import {
  findRiskProblems,
  mergeRisk,
  setRiskRequest,
  threatProtectionProblem,
  type DescribedRisk,
} from '../../engine/cognito/riskConfiguration';

export type { DescribedClient } from '../../engine/cognito/gateway';

export interface PlanInput {
  userPoolId: string;
  clientId: string;
  described: DescribedClient;
  /** The client's pool: its feature plan and tags (where earlier versions' claim tags live). */
  pool: UserPoolType;
  /** The client's risk configuration (its own, or the pool's it inherits), read when declared. */
  risk?: DescribedRisk;
  declared: DeclaredSettings;
  ownership: Ownership;
}

export interface SettingsPlan {
  refusals: Refusal[];
  /** Undefined when no declared setting changes: UpdateUserPoolClient is then not sent. */
  updateRequest?: UpdateUserPoolClientCommandInput;
  /** Puts the client back as described, if a later write fails. */
  restoreRequest: UpdateUserPoolClientCommandInput;
  /** SetRiskConfiguration for the client, when its configuration changes, and its undo. */
  riskRequest?: SetRiskConfigurationCommandInput;
  restoreRiskRequest?: SetRiskConfigurationCommandInput;
  /** The client once every write has succeeded. */
  resultingClient: DescribedClient;
  resultingRisk?: DescribedRisk;
}

/**
 * Turns a described client and declared settings into the writes that apply them.
 * Pure: it decides, the handlers only carry it out.
 */
export function planSettings(input: PlanInput): SettingsPlan {
  const { userPoolId, clientId, described, declared, pool } = input;
  const refusals: Refusal[] = [];
  if (declared.GenerateSecret !== undefined && declared.GenerateSecret !== described.hasSecret) {
    refusals.push({
      kind: 'locked',
      message: `GenerateSecret is ${described.hasSecret} on the client but the template declares ${declared.GenerateSecret}. A client gains or loses a secret only when it is created; it needs a new app client.`,
    });
  }
  const merged = mergeClient(described.client, declared);
  const tier = pool.UserPoolTier ?? 'ESSENTIALS';
  // Rules read what is declared; a restore's removals (`null`) are not declared values.
  const declaredMembers = (withoutRemovals(declared) ?? {}) as Partial<Record<keyof UserPoolClientType, unknown>>;
  for (const message of findCrossFieldProblems(merged, { hasSecret: described.hasSecret, tier }, declaredMembers)) {
    refusals.push({ kind: 'invalid', message });
  }
  const restoreRequest = buildUpdateUserPoolClientRequest(userPoolId, clientId, described.client);
  const candidate = buildUpdateUserPoolClientRequest(userPoolId, clientId, merged);
  const risk = planClientRisk(input);
  for (const message of risk.problems) refusals.push({ kind: 'invalid', message });
  return {
    refusals,
    updateRequest: isDeepStrictEqual(candidate, restoreRequest) ? undefined : candidate,
    restoreRequest,
    riskRequest: risk.riskRequest,
    restoreRiskRequest: risk.restoreRiskRequest,
    resultingClient: { client: merged, hasSecret: described.hasSecret },
    resultingRisk: risk.resultingRisk,
  };
}

/**
 * The client's own risk configuration. A client without one inherits the pool's; declaring
 * RiskConfiguration gives it its own, starting from what it inherits. Its undo puts back the
 * client's own configuration, or the inheritance (SetRiskConfiguration with the ids alone:
 * "To reset the threat protection settings of an app client to be inherited from the user
 * pool, send UserPoolId and ClientId parameters only"). The pool's configuration and other
 * clients are never written.
 */
function planClientRisk({ userPoolId, clientId, pool, risk, declared }: PlanInput): {
  problems: string[];
  riskRequest?: SetRiskConfigurationCommandInput;
  restoreRiskRequest?: SetRiskConfigurationCommandInput;
  resultingRisk?: DescribedRisk;
} {
  if (!risk || declared.RiskConfiguration === undefined) return { problems: [], resultingRisk: risk };
  const ids = { UserPoolId: userPoolId, ClientId: clientId };
  const merged = mergeRisk(risk.settings, declared.RiskConfiguration);
  // Nothing of its own left (a restore's removals): the client inherits the pool's again.
  const inherits = Object.keys(merged).length === 0;
  const resultingRisk: DescribedRisk = inherits ? { settings: {}, own: false } : { settings: merged, own: true };
  if (risk.own === resultingRisk.own && isDeepStrictEqual(merged, risk.settings)) {
    return { problems: [], resultingRisk: risk };
  }
  const tierProblem = inherits ? undefined : threatProtectionProblem(pool, pool, 'RiskConfiguration');
  return {
    problems: [...(tierProblem ? [tierProblem] : []), ...findRiskProblems(merged)],
    riskRequest: setRiskRequest(ids, inherits ? {} : merged),
    restoreRiskRequest: setRiskRequest(ids, risk.own ? risk.settings : {}),
    resultingRisk,
  };
}

/** Deep-merges declared settings into the described client, member by member. */
function mergeClient(client: UserPoolClientType, declared: DeclaredSettings): UserPoolClientType {
  const merged: Record<string, unknown> = { ...client };
  for (const field of MERGEABLE_FIELDS) {
    const value = declared[field as MergeableField];
    if (value !== undefined) merged[field] = mergeUnlessModeSwitch(client[field], value, MODE_SWITCHES[field]);
  }
  return merged as UserPoolClientType;
}

/**
 * AnalyticsConfiguration names its Pinpoint project either by ApplicationArn or by
 * ApplicationId with RoleArn; a declaration in the other form replaces the block.
 */
function switchesAnalyticsMode(described: unknown, declared: unknown): boolean {
  const current = described as UserPoolClientType['AnalyticsConfiguration'];
  const next = declared as NonNullable<UserPoolClientType['AnalyticsConfiguration']>;
  if (!current) return false;
  return (
    (next.ApplicationArn !== undefined && current.ApplicationArn === undefined) ||
    (next.ApplicationId !== undefined && current.ApplicationId === undefined)
  );
}

const MODE_SWITCHES: Partial<Record<string, ModeSwitch>> = { AnalyticsConfiguration: switchesAnalyticsMode };

/** The client settings a declaration in another mode replaces whole. */
export const CLIENT_MODE_SWITCH_FIELDS = (): string[] => Object.keys(MODE_SWITCHES);
