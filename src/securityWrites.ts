import type { CognitoGateway } from '../engine/cognito/gateway';
import { riskConfigurationWrite } from '../engine/cognito/riskConfiguration';
import { leafChanges } from '../engine/leafChanges';
import type { PlannedWrite } from '../engine/settingsType';
import type { SecurityPlan } from './securityPlan';

/** SetRiskConfiguration then SetLogDeliveryConfiguration, each undone with the configuration described before it. */
export function securityWrites(cognito: CognitoGateway, UserPoolId: string, plan: SecurityPlan): PlannedWrite[] {
  const writes: PlannedWrite[] = [];
  const { riskRequest, restoreRiskRequest, logRequest, restoreLogRequest } = plan;
  if (riskRequest && restoreRiskRequest) {
    writes.push(riskConfigurationWrite(cognito, UserPoolId, riskRequest, restoreRiskRequest));
  }
  if (logRequest && restoreLogRequest) {
    const sources = (logRequest.LogConfigurations ?? []).map((entry) => entry.EventSource).join(', ');
    writes.push({
      operation: 'SetLogDeliveryConfiguration',
      log: `SetLogDeliveryConfiguration ${UserPoolId}: ${sources || 'no log delivery'}`,
      request: logRequest,
      changes: () =>
        leafChanges({ LogDeliveryConfiguration: restoreLogRequest }, { LogDeliveryConfiguration: logRequest }),
      run: () => cognito.setLogDeliveryConfiguration(UserPoolId, logRequest.LogConfigurations ?? []),
      undo: () => cognito.setLogDeliveryConfiguration(UserPoolId, restoreLogRequest.LogConfigurations ?? []),
    });
  }
  return writes;
}
