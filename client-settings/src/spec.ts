import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { unlessNotFound, type CognitoGateway, type DescribedClient } from '../../engine/cognito/gateway';
import { changedMembers, leafChanges } from '../../engine/leafChanges';
import { explainRefusal } from '../../engine/refusalSubject';
import type { Identifiers, PlannedWrite, SettingsType } from '../../engine/settingsType';
import { settingsOfUserPoolClient } from './currentSettings';
import { DECLARABLE_FIELDS, type DeclaredSettings } from './fields';
import { ResourceModel } from './models';
import { clientMarkerTagKey, clientsMarkedOn, hasClientMarkerTag } from './ownership';
import { CLIENT_MODE_SWITCH_FIELDS, planSettings, type SettingsPlan } from './plan';
import { findSchemaProblems } from './validation';
import { isDefaultSettings, SETTINGS_NAME } from '../../engine/ownershipRecords';
import {
  describedRisk,
  riskConfigurationWrite,
  threatProtectionOn,
  type DescribedRisk,
} from '../../engine/cognito/riskConfiguration';

/** What the app client type reads: the client, its pool (feature plan, legacy claim tags), and its risk configuration when needed. */
export interface State {
  pool: UserPoolType;
  described: DescribedClient;
  risk?: DescribedRisk;
}

/**
 * Org::Cognito::UserPoolClientSettings as the engine runs it. A client is managed when it
 * has an ownership record (the engine's), or, for clients claimed by earlier versions, its
 * pool carries the marker tag keyed by its id; UpdateUserPoolClient writes the settings.
 */
export const settingsType: SettingsType<DeclaredSettings, State, SettingsPlan, CognitoGateway> = {
  typeName: ResourceModel.TYPE_NAME,
  identifiers: ['UserPoolId', 'ClientId', SETTINGS_NAME],
  // The schema's list handlerSchema requires the pool: clients are listed per pool.
  listedWithin: ['UserPoolId'],
  declarable: DECLARABLE_FIELDS,
  assertions: ['GenerateSecret'],
  // ApplicationArn or ApplicationId with RoleArn: the other form replaces the block.
  blocks: CLIENT_MODE_SWITCH_FIELDS(),
  scope: 'app client',
  findSchemaProblems: findSchemaProblems,

  connect: ({ cognito }) => cognito,

  /**
   * The pool and the client, read in parallel, with the client's risk configuration when
   * declared. READ reports it as the pool type reports its own: read while the pool's
   * threat protection is on, after the pool.
   */
  async read(cognito, { UserPoolId, ClientId }, declared, reporting) {
    const declaresRisk = declared.RiskConfiguration !== undefined;
    const [pool, described, declaredRisk] = await Promise.all([
      cognito.describeUserPool(UserPoolId),
      cognito.describeUserPoolClient(UserPoolId, ClientId),
      declaresRisk ? cognito.describeRiskConfiguration(UserPoolId, ClientId) : undefined,
    ]);
    const reportsRisk = !declaresRisk && reporting === true && threatProtectionOn(pool);
    const readsRisk = declaresRisk || reportsRisk;
    const answer = reportsRisk ? await cognito.describeRiskConfiguration(UserPoolId, ClientId) : declaredRisk;
    return {
      state: { pool, described, ...(readsRisk ? { risk: describedRisk(answer, ClientId) } : {}) },
      legacyClaim: hasClientMarkerTag(pool, ClientId),
      reads: ['DescribeUserPool', 'DescribeUserPoolClient', ...(readsRisk ? ['DescribeRiskConfiguration'] : [])],
    };
  },

  plan: ({ pool, described, risk }, { UserPoolId, ClientId }, declared, ownership) =>
    planSettings({ userPoolId: UserPoolId, clientId: ClientId, described, pool, risk, declared, ownership }),

  writes: (connection, ids, plan, state) => clientWrites(connection, ids, plan, state),

  // Only UpdateUserPoolClient carries the client's settings; a claim refusal names none.
  explain: (failure, _plan, declared) => explainRefusal(failure.cause, failure.request, declared, 'app client'),

  report: (plan) => settingsOfUserPoolClient(plan.resultingClient, plan.resultingRisk),
  current: ({ described, risk }) => settingsOfUserPoolClient(described, risk),

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
 * The writes of a plan: UpdateUserPoolClient, the client's SetRiskConfiguration, then, for
 * a client an earlier version claimed, the removal of its marker tag (the claim is in the
 * ownership record now).
 */
function clientWrites(cognito: CognitoGateway, ids: Identifiers, plan: SettingsPlan, { pool }: State): PlannedWrite[] {
  const { UserPoolId, ClientId } = ids;
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
  const { riskRequest, restoreRiskRequest } = plan;
  if (riskRequest && restoreRiskRequest) {
    writes.push(riskConfigurationWrite(cognito, `${UserPoolId}/${ClientId}`, riskRequest, restoreRiskRequest));
  }
  // Only the `default` resource had the tag's claim; another settings name leaves it.
  if (hasClientMarkerTag(pool, ClientId) && isDefaultSettings(ids)) {
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
