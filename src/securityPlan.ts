import type {
  LogConfigurationType,
  SetLogDeliveryConfigurationCommandInput,
  SetRiskConfigurationCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { isDeepStrictEqual } from 'node:util';
import {
  findRiskProblems,
  mergeRisk,
  setRiskRequest,
  threatProtectionOn,
  threatProtectionProblem,
  type RiskSettings,
} from '../engine/cognito/riskConfiguration';
import { compareFeaturePlans } from './featurePlans';
import type { DeclaredSettings } from './fields';
import { findLogDeliveryProblems, mergeLogConfigurations } from './logDelivery';

export interface SecurityInput {
  userPoolId: string;
  described: UserPoolType;
  /** The pool as UpdateUserPool leaves it (tier and threat protection). */
  mergedPool: UserPoolType;
  /** Read only when declared: undefined means not read, so not planned. */
  describedRisk?: RiskSettings;
  describedLogs?: LogConfigurationType[];
  declared: DeclaredSettings;
  /** A restore's log list is the whole configuration as it was, not entries to merge. */
  restoresLogs: boolean;
}

/** The SetRiskConfiguration and SetLogDeliveryConfiguration an operation needs, with their undo. */
export interface SecurityPlan {
  problems: string[];
  riskRequest?: SetRiskConfigurationCommandInput;
  restoreRiskRequest?: SetRiskConfigurationCommandInput;
  logRequest?: SetLogDeliveryConfigurationCommandInput;
  restoreLogRequest?: SetLogDeliveryConfigurationCommandInput;
  /**
   * The security writes go before UpdateUserPool when it lowers the feature plan or turns
   * threat protection off, after it otherwise: the tier and threat protection are in place
   * before a risk configuration or user activity logs need them, and stay until they are gone.
   */
  securityFirst: boolean;
  resultingRisk?: RiskSettings;
  resultingLogs?: LogConfigurationType[];
}

/** Plans the pool's risk configuration and log delivery: merged into what is described, refused before any write. */
export function planSecurity(input: SecurityInput): SecurityPlan {
  const { userPoolId, described, mergedPool, describedRisk, describedLogs, declared } = input;
  const problems: string[] = [];
  const plan: SecurityPlan = {
    problems,
    securityFirst:
      compareFeaturePlans(described, mergedPool) < 0 ||
      (threatProtectionOn(described) && !threatProtectionOn(mergedPool)),
    resultingRisk: describedRisk,
    resultingLogs: describedLogs,
  };

  if (describedRisk && declared.RiskConfiguration !== undefined) {
    const mergedRisk = mergeRisk(describedRisk, declared.RiskConfiguration);
    const riskRequest = setRiskRequest({ UserPoolId: userPoolId }, mergedRisk);
    const restoreRiskRequest = setRiskRequest({ UserPoolId: userPoolId }, describedRisk);
    plan.resultingRisk = mergedRisk;
    if (!isDeepStrictEqual(riskRequest, restoreRiskRequest)) {
      // Back to Cognito's defaults (a restore) needs no plan: it goes before a lower tier.
      const resetsToDefaults = Object.keys(mergedRisk).length === 0;
      const tierProblem = resetsToDefaults
        ? undefined
        : threatProtectionProblem(described, mergedPool, 'RiskConfiguration');
      if (tierProblem) problems.push(tierProblem);
      problems.push(...findRiskProblems(mergedRisk));
      Object.assign(plan, { riskRequest, restoreRiskRequest });
    }
  }

  if (describedLogs && declared.LogDeliveryConfiguration !== undefined) {
    const mergedLogs = mergeLogConfigurations(describedLogs, declared.LogDeliveryConfiguration, input.restoresLogs);
    plan.resultingLogs = mergedLogs;
    if (!isDeepStrictEqual(mergedLogs, describedLogs)) {
      problems.push(...findLogDeliveryProblems(mergedLogs, mergedPool));
      plan.logRequest = { UserPoolId: userPoolId, LogConfigurations: mergedLogs };
      plan.restoreLogRequest = { UserPoolId: userPoolId, LogConfigurations: describedLogs };
    }
  }
  return plan;
}
