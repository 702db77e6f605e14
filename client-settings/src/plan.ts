import type {
  UpdateUserPoolClientCommandInput,
  UserPoolClientType,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { isDeepStrictEqual } from 'node:util';
import type { Ownership, Refusal } from '../../engine/writePlan';
import { mergeUnlessModeSwitch, type ModeSwitch } from '../../engine/merge';
import { buildClientUpdateRequest } from './updateRequest';
import type { DescribedClient } from '../../engine/cognito/gateway';
import { findClientProblems } from './rules';
import { MERGEABLE_CLIENT_FIELDS, type DeclaredClientSettings, type MergeableClientField } from './fields';

export type { DescribedClient } from '../../engine/cognito/gateway';

export interface ClientPlanInput {
  userPoolId: string;
  clientId: string;
  described: DescribedClient;
  /** The client's pool: its feature plan and tags (where the ownership marker lives). */
  pool: UserPoolType;
  declared: DeclaredClientSettings;
  ownership: Ownership;
}

export interface ClientPlan {
  refusals: Refusal[];
  /** Undefined when no declared setting changes: UpdateUserPoolClient is then not sent. */
  updateRequest?: UpdateUserPoolClientCommandInput;
  /** Puts the client back as described, if a later write fails. */
  restoreRequest: UpdateUserPoolClientCommandInput;
  /** CREATE claims the client (its ownership parameter, after the settings). */
  claims: boolean;
  /** The client once every write has succeeded. */
  resultingClient: DescribedClient;
}

/**
 * Turns a described client and declared settings into the writes that apply them.
 * Pure: it decides, the handlers only carry it out.
 */
export function planClientSettings(input: ClientPlanInput): ClientPlan {
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
  const declaredMembers = declared as Partial<Record<keyof UserPoolClientType, unknown>>;
  for (const message of findClientProblems(merged, { hasSecret: described.hasSecret, tier }, declaredMembers)) {
    refusals.push({ kind: 'invalid', message });
  }
  const restoreRequest = buildClientUpdateRequest(userPoolId, clientId, described.client);
  const candidate = buildClientUpdateRequest(userPoolId, clientId, merged);
  return {
    refusals,
    updateRequest: isDeepStrictEqual(candidate, restoreRequest) ? undefined : candidate,
    restoreRequest,
    claims: input.ownership === 'claim',
    resultingClient: { client: merged, hasSecret: described.hasSecret },
  };
}

/** Deep-merges declared settings into the described client, member by member. */
function mergeClient(client: UserPoolClientType, declared: DeclaredClientSettings): UserPoolClientType {
  const merged: Record<string, unknown> = { ...client };
  for (const field of MERGEABLE_CLIENT_FIELDS) {
    const value = declared[field as MergeableClientField];
    if (value !== undefined) merged[field] = mergeUnlessModeSwitch(client[field], value, CLIENT_MODE_SWITCHES[field]);
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

const CLIENT_MODE_SWITCHES: Partial<Record<string, ModeSwitch>> = { AnalyticsConfiguration: switchesAnalyticsMode };
