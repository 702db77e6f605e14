/**
 * The security baseline a template declares on a pool, as the fault and permission tests
 * use it: the Plus plan, threat protection enforced, a risk configuration and user activity
 * logs (one writer each: UpdateUserPool, SetRiskConfiguration, SetLogDeliveryConfiguration).
 */
export const PLUS_SECURITY_BASELINE = {
  UserPoolTier: 'PLUS',
  UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
  RiskConfiguration: { CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } } },
  LogDeliveryConfiguration: {
    LogConfigurations: [
      { EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: 'arn:aws:s3:::activity-logs' } },
    ],
  },
};
