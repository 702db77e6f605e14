import type {
  TokenValidityUnitsType,
  UpdateUserPoolClientCommandInput,
  UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import { pruneEmpty } from '../../engine/merge';
import { MERGEABLE_FIELDS, type MergeableField } from './fields';

/**
 * The units Cognito assumes for a validity number when TokenValidityUnits leaves one
 * out (API reference, TokenValidityUnitsType): hours, hours, days.
 */
export const DEFAULT_TOKEN_VALIDITY_UNITS: Required<TokenValidityUnitsType> = {
  AccessToken: 'hours',
  IdToken: 'hours',
  RefreshToken: 'days',
};

/**
 * A described client setting as UpdateUserPoolClient can take it back. Empty lists are
 * left out (Cognito rejects `[]` and an omitted list is the empty one); the token units
 * are always complete, so no validity number is ever read in a unit it was not set in.
 */
export function sendableSetting<K extends MergeableField>(
  field: K,
  value: UserPoolClientType[K],
): UserPoolClientType[K] | undefined {
  if (field === 'TokenValidityUnits') {
    return { ...DEFAULT_TOKEN_VALIDITY_UNITS, ...pruneEmpty(value as TokenValidityUnitsType) } as UserPoolClientType[K];
  }
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return pruneEmpty(value);
}

/**
 * The complete UpdateUserPoolClient request that leaves the client exactly as `client`
 * describes it: UpdateUserPoolClient resets every member it is not sent, so every
 * mergeable member the client has is present, and nothing describe-only is.
 */
export function buildUpdateUserPoolClientRequest(
  userPoolId: string,
  clientId: string,
  client: UserPoolClientType,
): UpdateUserPoolClientCommandInput {
  const request: Record<string, unknown> = { UserPoolId: userPoolId, ClientId: clientId };
  for (const field of MERGEABLE_FIELDS) {
    const value = sendableSetting(field, client[field]);
    if (value !== undefined) request[field] = value;
  }
  // Omitted, the flag becomes false and every OAuth flow stops; it is always sent.
  request.AllowedOAuthFlowsUserPoolClient = client.AllowedOAuthFlowsUserPoolClient ?? false;
  return request as unknown as UpdateUserPoolClientCommandInput;
}
