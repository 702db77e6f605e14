import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { unlessNotFound, type CognitoGateway, type DescribedClient } from '../../engine/cognito/gateway';
import { changedMembers, leafChanges } from '../../engine/leafChanges';
import { decodeListToken, encodeListToken } from '../../engine/listToken';
import { explainRefusal } from '../../engine/refusalSubject';
import type { Identifiers, PlannedWrite, SettingsType } from '../../engine/settingsType';
import { ParameterStore } from '../../engine/ssm/parameterStore';
import { settingsOfUserPoolClient } from './currentSettings';
import { DECLARABLE_FIELDS, type DeclaredSettings } from './fields';
import { ResourceModel } from './models';
import {
  alreadyManaged,
  clientMarkerTagKey,
  clientsMarkedOn,
  hasClientMarkerTag,
  parameterName,
  OwnershipParameters,
  type ClaimKind,
} from './ownership';
import { planSettings, type SettingsPlan } from './plan';
import { findSchemaProblems } from './validation';

/** What the app client type reads: the pool, the client, its ownership parameter and how it is claimed. */
export interface State {
  pool: UserPoolType;
  described: DescribedClient;
  parameter?: string;
  claim: ClaimKind;
}

/** Cognito, and the Parameter Store parameters that say who manages each client. */
export interface Connection {
  cognito: CognitoGateway;
  ownership: OwnershipParameters;
}

/**
 * Org::Cognito::UserPoolClientSettings as the engine runs it. A client is managed when its
 * ownership parameter exists (or, for clients claimed by earlier versions, its pool
 * carries the marker tag keyed by its id); UpdateUserPoolClient writes the settings and
 * PutParameter the claim.
 */
export const settingsType: SettingsType<DeclaredSettings, State, SettingsPlan, Connection> = {
  typeName: ResourceModel.TYPE_NAME,
  identifiers: ['UserPoolId', 'ClientId'],
  // The schema's list handlerSchema requires the pool: clients are listed per pool.
  listedWithin: ['UserPoolId'],
  declarable: DECLARABLE_FIELDS,
  findSchemaProblems: findSchemaProblems,

  connect: ({ cognito, credentials, region, identifier, stackId, logicalResourceId }) => {
    const parameters = ParameterStore.forCaller(credentials, region, { typeName: ResourceModel.TYPE_NAME, identifier });
    return { cognito, ownership: new OwnershipParameters(parameters, cognito, { stackId, logicalResourceId }) };
  },

  /** The pool, the client and the claim, read in parallel. */
  async read({ cognito, ownership }, { UserPoolId, ClientId }) {
    const [pool, described, parameter] = await Promise.all([
      cognito.describeUserPool(UserPoolId),
      cognito.describeUserPoolClient(UserPoolId, ClientId),
      ownership.parameterOf(UserPoolId, ClientId),
    ]);
    const claim = ownership.claimOf(parameter, pool, ClientId);
    return {
      state: { pool, described, parameter, claim },
      managed: claim !== undefined,
      reads: ['DescribeUserPool', 'DescribeUserPoolClient', 'GetParameter'],
    };
  },

  alreadyManaged: ({ parameter }, { UserPoolId, ClientId }) => alreadyManaged(UserPoolId, ClientId, parameter),

  plan: ({ pool, described }, { UserPoolId, ClientId }, declared, ownership) =>
    planSettings({ userPoolId: UserPoolId, clientId: ClientId, described, pool, declared, ownership }),

  writes: (connection, ids, plan, state) => clientWrites(connection, ids, plan, state),

  // Only UpdateUserPoolClient carries the client's settings; a claim refusal names none.
  explain: (failure, _plan, declared) => explainRefusal(failure.cause, failure.request, declared, 'app client'),

  report: (plan) => settingsOfUserPoolClient(plan.resultingClient),
  current: ({ described }) => settingsOfUserPoolClient(described),

  /**
   * DELETE removes the client's parameter (or an earlier version's pool tag); every setting
   * stays, whether or not the client still exists.
   */
  async release({ cognito, ownership }, { UserPoolId, ClientId }, log) {
    log.log(`DeleteParameter ${parameterName(UserPoolId, ClientId)}`);
    if (await ownership.release(UserPoolId, ClientId)) return true;
    const pool = await cognito.describeUserPool(UserPoolId);
    if (!hasClientMarkerTag(pool, ClientId)) return false;
    log.log(`UntagResource ${UserPoolId}: ${clientMarkerTagKey(ClientId)}`);
    await ownership.releaseLegacyTag(pool, ClientId);
    return true;
  },

  /**
   * One page of the pool's ownership parameters (at most 10) per invocation, each client
   * checked to still exist; the first page also lists clients an earlier version claimed
   * with a pool tag.
   */
  async listPage({ cognito, ownership }, { UserPoolId }, nextToken) {
    const parameterToken = decodeListToken('GetParametersByPath', nextToken);
    const page = await ownership.claimedPage(UserPoolId, parameterToken);
    const candidates = [...page.clientIds];
    if (!parameterToken) {
      const tagged = clientsMarkedOn(await cognito.describeUserPool(UserPoolId));
      candidates.push(...tagged.filter((clientId) => !candidates.includes(clientId)));
    }
    const existing = await Promise.all(
      candidates.map((clientId) => unlessNotFound(cognito.describeUserPoolClient(UserPoolId, clientId))),
    );
    return {
      found: candidates.filter((_, index) => existing[index]).map((ClientId) => ({ UserPoolId, ClientId })),
      nextToken: encodeListToken('GetParametersByPath', page.nextToken),
    };
  },
};

/**
 * The writes of a plan: UpdateUserPoolClient, then the claim (CREATE, or a client an
 * earlier version claimed with a pool tag), then that tag's removal.
 */
function clientWrites(
  { cognito, ownership }: Connection,
  { UserPoolId, ClientId }: Identifiers,
  plan: SettingsPlan,
  { pool, claim }: State,
): PlannedWrite[] {
  const writes: PlannedWrite[] = [];
  const { updateRequest, restoreRequest } = plan;
  if (updateRequest) {
    writes.push({
      operation: 'UpdateUserPoolClient',
      log: `UpdateUserPoolClient ${UserPoolId}/${ClientId}: ${changedMembers(updateRequest, restoreRequest).join(', ')}`,
      request: updateRequest,
      changes: () => leafChanges(restoreRequest, updateRequest),
      run: () => cognito.updateUserPoolClient(updateRequest),
      undo: () => cognito.updateUserPoolClient(restoreRequest),
    });
  }
  const parameter = parameterName(UserPoolId, ClientId);
  if (plan.claims || claim === 'legacy-tag') {
    writes.push({
      operation: 'PutParameter',
      log: `PutParameter ${parameter}`,
      request: {},
      changes: () => [{ path: parameter, before: undefined, after: 'managed' }],
      run: () => ownership.claim(UserPoolId, ClientId),
      undo: () => ownership.release(UserPoolId, ClientId),
    });
  }
  if (claim === 'legacy-tag') {
    const key = clientMarkerTagKey(ClientId);
    writes.push({
      operation: 'UntagResource',
      log: `UntagResource ${UserPoolId}: ${key} (the claim moved to the parameter)`,
      request: {},
      changes: () => [{ path: `UserPoolTags.${key}`, before: 'true', after: undefined }],
      run: () => ownership.releaseLegacyTag(pool, ClientId),
    });
  }
  return writes;
}
