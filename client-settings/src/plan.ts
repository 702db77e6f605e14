import type {
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

export type { DescribedClient } from '../../engine/cognito/gateway';

export interface PlanInput {
  userPoolId: string;
  clientId: string;
  described: DescribedClient;
  /** The client's pool: its feature plan and tags (where earlier versions' claim tags live). */
  pool: UserPoolType;
  declared: DeclaredSettings;
  ownership: Ownership;
}

export interface SettingsPlan {
  refusals: Refusal[];
  /** Undefined when no declared setting changes: UpdateUserPoolClient is then not sent. */
  updateRequest?: UpdateUserPoolClientCommandInput;
  /** Puts the client back as described, if a later write fails. */
  restoreRequest: UpdateUserPoolClientCommandInput;
  /** The client once every write has succeeded. */
  resultingClient: DescribedClient;
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
  return {
    refusals,
    updateRequest: isDeepStrictEqual(candidate, restoreRequest) ? undefined : candidate,
    restoreRequest,
    resultingClient: { client: merged, hasSecret: described.hasSecret },
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
