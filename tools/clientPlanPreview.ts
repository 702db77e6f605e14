import { ClientSettingsOperations } from '../client-settings/src/operations';
import { DECLARABLE_CLIENT_FIELDS, type DeclaredClientSettings } from '../client-settings/src/fields';
import { ResourceModel } from '../client-settings/src/models';
import { findClientSchemaProblems } from '../client-settings/src/validation';
import type { CognitoGateway } from '../engine/cognito/gateway';
import { declaredFromModel } from '../engine/modelValues';
import { CLIENT_TYPE_NAME } from '../engine/typeInfo';
import { clientParameterName, ClientOwnership } from '../client-settings/src/ownership';
import { clientMarkerTagKey } from '../engine/markerTags';
import { ParameterStore } from '../engine/ssm/parameterStore';
import { PLACEHOLDER_CREDENTIALS } from '../test/support/cfnRequest';
import { leafChanges, type PlanPreview } from './planPreview';

/** Parameter Store where the SDK's settings point (AWS_ENDPOINT_URL_SSM on the emulator). */
function defaultParameterStore(): ParameterStore {
  return ParameterStore.forCaller(PLACEHOLDER_CREDENTIALS, 'us-east-1', { typeName: CLIENT_TYPE_NAME, identifier: '' });
}

/**
 * Previews CREATE (the client is not managed yet) or UPDATE (it is) of app client
 * properties through the same validation, model conversion, reads and planner as the
 * handlers. Nothing is written.
 */
export async function previewClientPlan(
  gateway: CognitoGateway,
  poolId: string,
  clientId: string,
  properties: Record<string, unknown>,
  parameters: ParameterStore = defaultParameterStore(),
): Promise<PlanPreview> {
  const raw = { ...properties, UserPoolId: poolId, ClientId: clientId };
  const preview: PlanPreview = {
    typeName: CLIENT_TYPE_NAME,
    poolId,
    clientId,
    action: 'CREATE',
    problems: findClientSchemaProblems(raw),
    refusals: [],
    writes: [],
    calls: [],
  };
  if (preview.problems.length > 0) return preview;
  const declared = declaredFromModel(
    ResourceModel.deserialize(raw),
    DECLARABLE_CLIENT_FIELDS,
  ) as DeclaredClientSettings;
  const operations = new ClientSettingsOperations(gateway, new ClientOwnership(parameters, gateway, {}), {
    log: () => undefined,
  });
  const { plan, reads, ownership, claim } = await operations.preview(poolId, clientId, declared);
  preview.action = ownership === 'claim' ? 'CREATE' : 'UPDATE';
  preview.calls.push(...reads);
  preview.refusals = plan.refusals.map((refusal) => refusal.message);
  if (preview.refusals.length > 0) return preview;
  if (plan.updateRequest) {
    preview.writes.push({
      operation: 'UpdateUserPoolClient',
      changes: leafChanges(plan.restoreRequest, plan.updateRequest),
    });
  }
  if (plan.claims || claim === 'legacy-tag') {
    const name = clientParameterName(poolId, clientId);
    preview.writes.push({ operation: 'PutParameter', changes: [{ path: name, before: undefined, after: 'managed' }] });
  }
  if (claim === 'legacy-tag') {
    const key = clientMarkerTagKey(clientId);
    preview.writes.push({
      operation: 'UntagResource',
      changes: [{ path: `UserPoolTags.${key}`, before: 'true', after: undefined }],
    });
  }
  preview.calls.push(...preview.writes.map((write) => write.operation));
  return preview;
}
