import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { unlessNotFound, type CognitoGateway, type DescribedClient } from '../../engine/cognito/gateway';
import { changedMembers, leafChanges } from '../../engine/leafChanges';
import { explainRefusal } from '../../engine/refusalSubject';
import type { Identifiers, PlannedWrite, SettingsType } from '../../engine/settingsType';
import { settingsOfUserPoolClient } from './currentSettings';
import { DECLARABLE_FIELDS, type DeclaredSettings } from './fields';
import { ResourceModel } from './models';
import { clientMarkerTagKey, clientsMarkedOn, hasClientMarkerTag } from './ownership';
import { planSettings, type SettingsPlan } from './plan';
import { findSchemaProblems } from './validation';

/** What the app client type reads: the client, and its pool (feature plan, legacy claim tags). */
export interface State {
  pool: UserPoolType;
  described: DescribedClient;
}

/**
 * Org::Cognito::UserPoolClientSettings as the engine runs it. A client is managed when it
 * has an ownership record (the engine's), or, for clients claimed by earlier versions, its
 * pool carries the marker tag keyed by its id; UpdateUserPoolClient writes the settings.
 */
export const settingsType: SettingsType<DeclaredSettings, State, SettingsPlan, CognitoGateway> = {
  typeName: ResourceModel.TYPE_NAME,
  identifiers: ['UserPoolId', 'ClientId'],
  // The schema's list handlerSchema requires the pool: clients are listed per pool.
  listedWithin: ['UserPoolId'],
  declarable: DECLARABLE_FIELDS,
  findSchemaProblems: findSchemaProblems,

  connect: ({ cognito }) => cognito,

  /** The pool and the client, read in parallel. */
  async read(cognito, { UserPoolId, ClientId }) {
    const [pool, described] = await Promise.all([
      cognito.describeUserPool(UserPoolId),
      cognito.describeUserPoolClient(UserPoolId, ClientId),
    ]);
    return {
      state: { pool, described },
      legacyClaim: hasClientMarkerTag(pool, ClientId),
      reads: ['DescribeUserPool', 'DescribeUserPoolClient'],
    };
  },

  plan: ({ pool, described }, { UserPoolId, ClientId }, declared, ownership) =>
    planSettings({ userPoolId: UserPoolId, clientId: ClientId, described, pool, declared, ownership }),

  writes: (connection, ids, plan, state) => clientWrites(connection, ids, plan, state),

  // Only UpdateUserPoolClient carries the client's settings; a claim refusal names none.
  explain: (failure, _plan, declared) => explainRefusal(failure.cause, failure.request, declared, 'app client'),

  report: (plan) => settingsOfUserPoolClient(plan.resultingClient),
  current: ({ described }) => settingsOfUserPoolClient(described),

  /** DELETE of a client an earlier version claimed: the marker tag on its pool goes. */
  async releaseLegacyClaim(cognito, { UserPoolId, ClientId }, { pool }, log) {
    log.log(`UntagResource ${UserPoolId}: ${clientMarkerTagKey(ClientId)}`);
    await cognito.untagResource(pool, [clientMarkerTagKey(ClientId)]);
  },

  exists: async (cognito, { UserPoolId, ClientId }) =>
    (await unlessNotFound(cognito.describeUserPoolClient(UserPoolId, ClientId))) !== undefined,

  /** The clients an earlier version claimed with a tag on their pool: one page, the pool's tags. */
  async legacyClaimsPage(cognito, { UserPoolId }) {
    const tagged = clientsMarkedOn(await cognito.describeUserPool(UserPoolId));
    const existing = await Promise.all(
      tagged.map((clientId) => unlessNotFound(cognito.describeUserPoolClient(UserPoolId, clientId))),
    );
    return { found: tagged.filter((_, index) => existing[index]).map((ClientId) => ({ UserPoolId, ClientId })) };
  },
};

/**
 * The writes of a plan: UpdateUserPoolClient, then, for a client an earlier version
 * claimed, the removal of its marker tag (the claim is in the ownership record now).
 */
function clientWrites(
  cognito: CognitoGateway,
  { UserPoolId, ClientId }: Identifiers,
  plan: SettingsPlan,
  { pool }: State,
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
  if (hasClientMarkerTag(pool, ClientId)) {
    const key = clientMarkerTagKey(ClientId);
    writes.push({
      operation: 'UntagResource',
      log: `UntagResource ${UserPoolId}: ${key} (the claim moved to the ownership record)`,
      request: {},
      changes: () => [{ path: `UserPoolTags.${key}`, before: 'true', after: undefined }],
      run: () => cognito.untagResource(pool, [key]),
      undo: () => cognito.tagResource(pool, { [key]: 'true' }),
    });
  }
  return writes;
}
