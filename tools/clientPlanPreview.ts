import { OwnershipParameters } from '../client-settings/src/ownership';
import { ResourceModel } from '../client-settings/src/models';
import { settingsType } from '../client-settings/src/spec';
import type { CognitoGateway } from '../engine/cognito/gateway';
import { ParameterStore } from '../engine/ssm/parameterStore';
import { PLACEHOLDER_CREDENTIALS } from '../test/support/cfnRequest';
import { previewSettings, type PlanPreview } from './planPreview';

/** Parameter Store where the SDK's settings point (AWS_ENDPOINT_URL_SSM on the emulator). */
function defaultParameterStore(): ParameterStore {
  return ParameterStore.forCaller(PLACEHOLDER_CREDENTIALS, 'us-east-1', {
    typeName: ResourceModel.TYPE_NAME,
    identifier: '',
  });
}

/** The preview of an app client's settings: see `previewSettings`. */
export async function previewClientPlan(
  gateway: CognitoGateway,
  poolId: string,
  clientId: string,
  properties: Record<string, unknown>,
  parameters: ParameterStore = defaultParameterStore(),
): Promise<PlanPreview> {
  const connection = { cognito: gateway, ownership: new OwnershipParameters(parameters, gateway, {}) };
  const ids = { UserPoolId: poolId, ClientId: clientId };
  return (await previewSettings(settingsType, ResourceModel, connection, ids, properties)).preview;
}
