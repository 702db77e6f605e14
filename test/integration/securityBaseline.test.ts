import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();

const SES_IDENTITY = 'arn:aws:ses:us-east-1:123456789012:identity/security@example.com';
const LOG_GROUP = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/cognito/notifications';
const BUCKET = 'arn:aws:s3:::org-cognito-user-activity';
const STREAM = 'arn:aws:firehose:us-east-1:123456789012:deliverystream/org-cognito-activity';

/** A full risk configuration as the console or another tool sets it (members of SetRiskConfiguration). */
const ANOTHER_WRITERS_RISK = {
  CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN', 'SIGN_UP'], Actions: { EventAction: 'BLOCK' } },
  AccountTakeoverRiskConfiguration: {
    NotifyConfiguration: {
      SourceArn: SES_IDENTITY,
      From: 'security@example.com',
      BlockEmail: { Subject: 'Sign-in blocked', TextBody: 'We blocked a risky sign-in.' },
    },
    Actions: {
      LowAction: { Notify: false, EventAction: 'NO_ACTION' },
      MediumAction: { Notify: true, EventAction: 'MFA_IF_CONFIGURED' },
      HighAction: { Notify: true, EventAction: 'BLOCK' },
    },
  },
  RiskExceptionConfiguration: { BlockedIPRangeList: ['192.0.2.0/24'], SkippedIPRangeList: ['198.51.100.7/32'] },
};

const ANOTHER_WRITERS_LOGS = [
  { EventSource: 'userNotification', LogLevel: 'ERROR', CloudWatchLogsConfiguration: { LogGroupArn: LOG_GROUP } },
  { EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: BUCKET } },
];

const SECURITY_WRITES = ['SetRiskConfiguration', 'SetLogDeliveryConfiguration'];
const securityWrites = () => cognito.proxy.calls.filter((call) => SECURITY_WRITES.includes(call));

/** A Plus pool with threat protection ENFORCED, whose risk configuration and logs another writer set. */
async function configuredPlusPool(): Promise<string> {
  const poolId = await cognito.createPool({
    PoolName: 'plus-with-baseline',
    UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
  });
  cognito.proxy.setTier(poolId, 'PLUS');
  await cognito.proxy.sendAsAnotherWriter('SetRiskConfiguration', { UserPoolId: poolId, ...ANOTHER_WRITERS_RISK });
  await cognito.proxy.sendAsAnotherWriter('SetLogDeliveryConfiguration', {
    UserPoolId: poolId,
    LogConfigurations: ANOTHER_WRITERS_LOGS,
  });
  return poolId;
}

/** The template of the issue: one account-takeover action and one log level, as CloudFormation sends them. */
const declaring = (poolId: string) => ({
  UserPoolId: poolId,
  RiskConfiguration: {
    AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: 'true', EventAction: 'MFA_REQUIRED' } } },
  },
  LogDeliveryConfiguration: { LogConfigurations: [{ EventSource: 'userAuthEvents', LogLevel: 'INFO' }] },
});

const withHighAction = (action: object) => ({
  ...ANOTHER_WRITERS_RISK,
  AccountTakeoverRiskConfiguration: {
    ...ANOTHER_WRITERS_RISK.AccountTakeoverRiskConfiguration,
    Actions: { ...ANOTHER_WRITERS_RISK.AccountTakeoverRiskConfiguration.Actions, HighAction: action },
  },
});

describe('threat protection and log delivery: merged member by member', () => {
  it('changes exactly the declared account-takeover action, keeps every other member and both log entries', async () => {
    const poolId = await configuredPlusPool();
    cognito.proxy.resetCounts();
    const created = await cognito.handle('CREATE', declaring(poolId));
    expect(created).toMatchObject({ status: 'SUCCESS' });

    const { UserPoolId: _id, ...risk } = await cognito.proxy.describeRisk(poolId);
    expect(risk).toEqual(withHighAction({ Notify: true, EventAction: 'MFA_REQUIRED' }));
    expect(await cognito.proxy.describeLogs(poolId)).toEqual(ANOTHER_WRITERS_LOGS);
    // The declared log level is the entry's own: nothing to write there.
    expect(securityWrites()).toEqual(['SetRiskConfiguration']);
  });

  it('READ reports what the template declares (no drift), and a no-op UPDATE makes no Set* call', async () => {
    const poolId = await configuredPlusPool();
    await cognito.handle('CREATE', declaring(poolId));
    const read = await cognito.handle('READ', { UserPoolId: poolId });
    expect(read.status).toBe('SUCCESS');
    expect(read.resourceModel).toMatchObject({
      RiskConfiguration: {
        AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: true, EventAction: 'MFA_REQUIRED' } } },
      },
      LogDeliveryConfiguration: { LogConfigurations: expect.arrayContaining([ANOTHER_WRITERS_LOGS[1]]) },
    });
    expect(cognito.proxy.calls).toEqual(
      expect.arrayContaining(['DescribeRiskConfiguration', 'GetLogDeliveryConfiguration']),
    );

    cognito.proxy.resetCounts();
    const updated = await cognito.handle('UPDATE', declaring(poolId), declaring(poolId));
    expect(updated.status).toBe('SUCCESS');
    expect(securityWrites()).toEqual([]);
    expect(cognito.proxy.calls).not.toContain('PutParameter');
  });

  it('a declared destination replaces only its own entry: the userNotification entry stays', async () => {
    const poolId = await configuredPlusPool();
    const created = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      LogDeliveryConfiguration: {
        LogConfigurations: [{ EventSource: 'userAuthEvents', FirehoseConfiguration: { StreamArn: STREAM } }],
      },
    });
    expect(created.status).toBe('SUCCESS');
    expect(await cognito.proxy.describeLogs(poolId)).toEqual([
      ANOTHER_WRITERS_LOGS[0],
      { EventSource: 'userAuthEvents', LogLevel: 'INFO', FirehoseConfiguration: { StreamArn: STREAM } },
    ]);
    expect((await cognito.proxy.describeRisk(poolId)).AccountTakeoverRiskConfiguration).toEqual(
      ANOTHER_WRITERS_RISK.AccountTakeoverRiskConfiguration,
    );
  });

  it('a later write that fails leaves both configurations as they were', async () => {
    const poolId = await configuredPlusPool();
    cognito.proxy.resetCounts();
    cognito.proxy.inject({ operation: 'TagResource', errorName: 'InvalidParameterException', times: 1 });
    const created = await cognito.handle('CREATE', {
      ...declaring(poolId),
      LogDeliveryConfiguration: {
        LogConfigurations: [{ EventSource: 'userAuthEvents', FirehoseConfiguration: { StreamArn: STREAM } }],
      },
      UserPoolTags: { team: 'identity' },
    });
    expect(created.status).toBe('FAILED');
    const { UserPoolId: _id, ...risk } = await cognito.proxy.describeRisk(poolId);
    expect(risk).toEqual(ANOTHER_WRITERS_RISK);
    expect(await cognito.proxy.describeLogs(poolId)).toEqual(ANOTHER_WRITERS_LOGS);
    expect(cognito.proxy.requestsOf('SetRiskConfiguration')).toHaveLength(2);
    expect(cognito.proxy.requestsOf('SetLogDeliveryConfiguration')).toHaveLength(2);
  });

  it('turning threat protection on and configuring it in one template writes the pool first, and a rollback undoes both in reverse', async () => {
    const poolId = await cognito.createPool({ PoolName: 'plus-off' });
    cognito.proxy.setTier(poolId, 'PLUS');
    const template = {
      UserPoolId: poolId,
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      RiskConfiguration: {
        CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
      },
      LogDeliveryConfiguration: {
        LogConfigurations: [
          { EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: BUCKET } },
        ],
      },
    };
    cognito.proxy.resetCounts();
    const created = await cognito.handle('CREATE', template);
    expect(created.status).toBe('SUCCESS');
    const writes = cognito.proxy.calls.filter((call) => ['UpdateUserPool', ...SECURITY_WRITES].includes(call));
    expect(writes).toEqual(['UpdateUserPool', 'SetRiskConfiguration', 'SetLogDeliveryConfiguration']);

    cognito.proxy.resetCounts();
    const rolledBack = await cognito.run({ action: 'DELETE', properties: template, rollback: true });
    expect(rolledBack.status).toBe('SUCCESS');
    const undo = cognito.proxy.calls.filter((call) => ['UpdateUserPool', ...SECURITY_WRITES].includes(call));
    expect(undo).toEqual(['SetLogDeliveryConfiguration', 'SetRiskConfiguration', 'UpdateUserPool']);
    expect(await cognito.proxy.describeLogs(poolId)).toEqual([]);
    expect(await cognito.proxy.describeRisk(poolId)).toEqual({ UserPoolId: poolId });
    expect((await cognito.proxy.describe(poolId)).UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF').toBe('OFF');
  });
});

describe('threat protection rules, checked before any write', () => {
  it('a pool not on Plus gets InvalidRequest naming RiskConfiguration, with nothing written', async () => {
    const poolId = await cognito.createPool({ PoolName: 'essentials' });
    cognito.proxy.resetCounts();
    const created = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      RiskConfiguration: { CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } } },
    });
    expect(created).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(created.message).toMatch(/RiskConfiguration: threat protection needs the Plus feature plan/);
    expect(cognito.proxy.calls.filter((call) => call.startsWith('Set') || call.startsWith('Put'))).toEqual([]);
  });

  it('a pool that kept threat protection on ESSENTIALS (grandfathered) may configure it', async () => {
    const poolId = await cognito.createPool({ PoolName: 'kept', UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } });
    const created = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      RiskConfiguration: { RiskExceptionConfiguration: { BlockedIPRangeList: ['203.0.113.0/24'] } },
    });
    expect(created.status).toBe('SUCCESS');
    expect((await cognito.proxy.describeRisk(poolId)).RiskExceptionConfiguration).toEqual({
      BlockedIPRangeList: ['203.0.113.0/24'],
    });
  });

  it.each([
    [
      'a notifying action without a sender',
      { AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: 'true', EventAction: 'BLOCK' } } } },
      /NotifyConfiguration\.SourceArn: required when an action has Notify true/,
    ],
    [
      'an action without Notify',
      { AccountTakeoverRiskConfiguration: { Actions: { LowAction: { EventAction: 'BLOCK' } } } },
      /Actions\.LowAction: needs both Notify and EventAction/,
    ],
    [
      'an IP range that is not CIDR',
      { RiskExceptionConfiguration: { SkippedIPRangeList: ['10.0.0.1'] } },
      /SkippedIPRangeList: not in CIDR notation: 10\.0\.0\.1/,
    ],
    [
      'a sender that is not an SES identity',
      {
        AccountTakeoverRiskConfiguration: {
          NotifyConfiguration: { SourceArn: 'arn:aws:iam::123456789012:role/not-ses' },
          Actions: { HighAction: { Notify: 'true', EventAction: 'BLOCK' } },
        },
      },
      /SourceArn: arn:aws:iam::123456789012:role\/not-ses is not an Amazon SES identity ARN/,
    ],
  ])('refuses %s, naming the property, with nothing written', async (_case, riskConfiguration, message) => {
    const poolId = await cognito.createPool({ PoolName: 'plus', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
    cognito.proxy.setTier(poolId, 'PLUS');
    cognito.proxy.resetCounts();
    const created = await cognito.handle('CREATE', { UserPoolId: poolId, RiskConfiguration: riskConfiguration });
    expect(created).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(created.message).toMatch(message);
    expect(cognito.proxy.calls.filter((call) => call.startsWith('Set') || call.startsWith('Put'))).toEqual([]);
  });

  it.each([
    [
      'user activity logs on ESSENTIALS',
      'ESSENTIALS' as const,
      'OFF' as const,
      { EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: BUCKET } },
      /\[EventSource=userAuthEvents\]: user activity logs need the Plus feature plan/,
    ],
    [
      'user activity logs without threat protection',
      'PLUS' as const,
      'OFF' as const,
      { EventSource: 'userAuthEvents', LogLevel: 'INFO', S3Configuration: { BucketArn: BUCKET } },
      /user activity logs need threat protection/,
    ],
    [
      'notification logs to S3',
      'PLUS' as const,
      'ENFORCED' as const,
      { EventSource: 'userNotification', LogLevel: 'ERROR', S3Configuration: { BucketArn: BUCKET } },
      /userNotification logs go to CloudWatchLogsConfiguration only/,
    ],
    [
      'a log group ARN of another service',
      'PLUS' as const,
      'ENFORCED' as const,
      {
        EventSource: 'userNotification',
        LogLevel: 'ERROR',
        CloudWatchLogsConfiguration: { LogGroupArn: 'arn:aws:s3:::not-a-log-group-at-all' },
      },
      /CloudWatchLogsConfiguration\.LogGroupArn: arn:aws:s3:::not-a-log-group-at-all is not an ARN of the form/,
    ],
  ])('refuses %s, naming the entry, with nothing written', async (_case, tier, mode, entry, message) => {
    const poolId = await cognito.createPool({ PoolName: 'logs', UserPoolAddOns: { AdvancedSecurityMode: mode } });
    cognito.proxy.setTier(poolId, tier);
    cognito.proxy.resetCounts();
    const created = await cognito.handle('CREATE', {
      UserPoolId: poolId,
      LogDeliveryConfiguration: { LogConfigurations: [entry] },
    });
    expect(created).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(created.message).toMatch(message);
    expect(created.message).toContain('LogDeliveryConfiguration.LogConfigurations');
    expect(cognito.proxy.calls.filter((call) => call.startsWith('Set') || call.startsWith('Put'))).toEqual([]);
  });
});

describe("an app client's own risk configuration", () => {
  it('starts from what the client inherits, leaves the pool and other clients alone, and a rolled-back CREATE makes it inherit again', async () => {
    const poolId = await configuredPlusPool();
    const clientId = await cognito.createClient(poolId);
    const otherClientId = await cognito.createClient(poolId);
    const template = {
      UserPoolId: poolId,
      ClientId: clientId,
      RiskConfiguration: {
        AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: 'true', EventAction: 'MFA_REQUIRED' } } },
      },
    };
    cognito.proxy.resetCounts();
    const created = await cognito.handleClient('CREATE', template);
    expect(created.status).toBe('SUCCESS');
    expect(cognito.proxy.requestsOf('SetRiskConfiguration').map((request) => request.ClientId)).toEqual([clientId]);

    const { UserPoolId: _pool, ClientId: own, ...clientRisk } = await cognito.proxy.describeRisk(poolId, clientId);
    expect(own).toBe(clientId);
    expect(clientRisk).toEqual(withHighAction({ Notify: true, EventAction: 'MFA_REQUIRED' }));
    const { UserPoolId: _id, ...poolRisk } = await cognito.proxy.describeRisk(poolId);
    expect(poolRisk).toEqual(ANOTHER_WRITERS_RISK);
    expect(await cognito.proxy.describeRisk(poolId, otherClientId)).toEqual({
      UserPoolId: poolId,
      ...ANOTHER_WRITERS_RISK,
    });

    // READ reports the resource's share: the member it declares.
    const read = await cognito.handleClient('READ', { UserPoolId: poolId, ClientId: clientId });
    expect(read.resourceModel?.RiskConfiguration).toEqual(
      template.RiskConfiguration && {
        AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: true, EventAction: 'MFA_REQUIRED' } } },
      },
    );
    cognito.proxy.resetCounts();
    expect((await cognito.handleClient('UPDATE', template, template)).status).toBe('SUCCESS');
    expect(cognito.proxy.calls).not.toContain('SetRiskConfiguration');

    const rolledBack = await cognito.runClient({ action: 'DELETE', properties: template, rollback: true });
    expect(rolledBack.status).toBe('SUCCESS');
    expect(await cognito.proxy.describeRisk(poolId, clientId)).toEqual({ UserPoolId: poolId, ...ANOTHER_WRITERS_RISK });
  });

  it('a later write that fails makes a client that inherited inherit again (not keep a copy of its own)', async () => {
    const poolId = await configuredPlusPool();
    const clientId = await cognito.createClient(poolId);
    // The record's last write, after SetRiskConfiguration, is refused: every write is undone.
    cognito.proxy.inject({ operation: 'PutParameter', skip: 1, errorName: 'InternalServerError', times: 6 });
    const created = await cognito.handleClient('CREATE', {
      UserPoolId: poolId,
      ClientId: clientId,
      RiskConfiguration: { RiskExceptionConfiguration: { BlockedIPRangeList: ['203.0.113.0/24'] } },
    });
    cognito.proxy.clearFaults();
    expect(created.status).toBe('FAILED');
    expect(cognito.proxy.requestsOf('SetRiskConfiguration').at(-1)).toEqual({ UserPoolId: poolId, ClientId: clientId });
    expect(await cognito.proxy.describeRisk(poolId, clientId)).toEqual({ UserPoolId: poolId, ...ANOTHER_WRITERS_RISK });
  });

  it('on a pool not on Plus is refused naming RiskConfiguration, with nothing written', async () => {
    const poolId = await cognito.createPool({ PoolName: 'essentials-client' });
    const clientId = await cognito.createClient(poolId);
    cognito.proxy.resetCounts();
    const created = await cognito.handleClient('CREATE', {
      UserPoolId: poolId,
      ClientId: clientId,
      RiskConfiguration: { RiskExceptionConfiguration: { BlockedIPRangeList: ['203.0.113.0/24'] } },
    });
    expect(created).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(created.message).toMatch(/RiskConfiguration: threat protection needs the Plus feature plan/);
    expect(cognito.proxy.calls.filter((call) => call.startsWith('Set') || call.startsWith('Put'))).toEqual([]);
  });
});
