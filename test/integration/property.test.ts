import { checkProperty } from '../support/propertyRun';
import type { CreateUserPoolCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import fc from 'fast-check';
import { productionPoolRequest } from '../support/productionPool';
import { checkDeclaredApplied, checkUnchanged, logsByEventSource } from '../support/poolModel';
import { POOL_SHAPES } from '../support/realShapes';
import { useLocalCognito } from '../support/localCognito';

/**
 * Property: for random starting pools and random declarations over every declarable
 * property (valid and invalid), CREATE then UPDATE through the entrypoint, on cognito-local
 * behind the proxy that answers as Cognito does, with another writer tagging the pool
 * between each read and write. After each: the declared settings hold in DescribeUserPool
 * and GetUserPoolMfaConfig, nothing undeclared changed, a refusal wrote nothing, Cognito
 * refused no request for a reason other than the feature plan, and the other writer's tag
 * survived.
 *
 * CI runs a few cases; `PROPERTY_CASES=1000 npx jest test/integration/property.test.ts`
 * runs more and prints cases, violations, seed and time (PROPERTY_SEED replays a run).
 */

const cognito = useLocalCognito();
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const text = fc.stringMatching(/^[A-Za-z][A-Za-z ]{4,24}$/);
const codeText = text.map((words) => `${words} {####}`);
const linkText = text.map((words) => `${words} {##Verify##}`);

const SES_IDENTITY = 'arn:aws:ses:us-east-1:123456789012:identity/security@example.com';
const LOG_GROUP = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/cognito';
const takeoverAction = fc.record({
  Notify: fc.boolean(),
  EventAction: fc.constantFrom('BLOCK', 'MFA_IF_CONFIGURED', 'MFA_REQUIRED', 'NO_ACTION'),
});

/** Another writer's risk configuration and log entries, for starting pools. */
const OTHER_WRITERS_RISK = {
  CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN'], Actions: { EventAction: 'NO_ACTION' } },
  AccountTakeoverRiskConfiguration: {
    NotifyConfiguration: { SourceArn: SES_IDENTITY, From: 'security@example.com' },
    Actions: { HighAction: { Notify: true, EventAction: 'BLOCK' } },
  },
  RiskExceptionConfiguration: { SkippedIPRangeList: ['198.51.100.7/32'] },
};
const NOTIFICATION_LOGS = {
  EventSource: 'userNotification',
  LogLevel: 'ERROR',
  CloudWatchLogsConfiguration: { LogGroupArn: LOG_GROUP },
};
const ACTIVITY_LOGS = {
  EventSource: 'userAuthEvents',
  LogLevel: 'INFO',
  S3Configuration: { BucketArn: 'arn:aws:s3:::activity-logs' },
};

const declarationArbitraries = {
  RiskConfiguration: fc.record(
    {
      CompromisedCredentialsRiskConfiguration: fc.record(
        {
          EventFilter: fc.subarray(['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'], { minLength: 1 }),
          Actions: fc.record({ EventAction: fc.constantFrom('BLOCK', 'NO_ACTION') }),
        },
        { requiredKeys: [] },
      ),
      AccountTakeoverRiskConfiguration: fc.record(
        {
          NotifyConfiguration: fc.record(
            {
              SourceArn: fc.constant(SES_IDENTITY),
              From: fc.constantFrom('security@example.com', 'Security <security@example.com>'),
              BlockEmail: fc.record({ Subject: text, TextBody: text.map((words) => `${words} body`) }),
            },
            { requiredKeys: [] },
          ),
          Actions: fc.record(
            { LowAction: takeoverAction, MediumAction: takeoverAction, HighAction: takeoverAction },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
      RiskExceptionConfiguration: fc.record(
        {
          BlockedIPRangeList: fc.constantFrom(['192.0.2.0/24'], ['203.0.113.0/24', '2001:db8::/32'], ['10.0.0.1']),
          SkippedIPRangeList: fc.constantFrom(['198.51.100.7/32'], []),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
  LogDeliveryConfiguration: fc
    .tuple(
      fc.option(
        fc.constantFrom(
          NOTIFICATION_LOGS,
          { EventSource: 'userNotification', LogLevel: 'ERROR' },
          {
            EventSource: 'userNotification',
            LogLevel: 'ERROR',
            S3Configuration: { BucketArn: 'arn:aws:s3:::notifications' },
          },
        ),
      ),
      fc.option(
        fc.constantFrom(
          ACTIVITY_LOGS,
          { EventSource: 'userAuthEvents', LogLevel: 'INFO' },
          {
            EventSource: 'userAuthEvents',
            FirehoseConfiguration: { StreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/activity' },
          },
        ),
      ),
    )
    .map((entries) => ({ LogConfigurations: entries.filter((entry) => entry !== null) })),

  Policies: fc.record(
    {
      PasswordPolicy: fc.record(
        {
          MinimumLength: fc.integer({ min: 6, max: 99 }),
          RequireUppercase: fc.boolean(),
          RequireSymbols: fc.boolean(),
          TemporaryPasswordValidityDays: fc.integer({ min: 1, max: 365 }),
          PasswordHistorySize: fc.integer({ min: 0, max: 24 }),
        },
        { requiredKeys: [] },
      ),
      SignInPolicy: fc.record({
        AllowedFirstAuthFactors: fc
          .subarray(['EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'])
          .map((factors) => ['PASSWORD', ...factors]),
      }),
    },
    { requiredKeys: [] },
  ),
  DeletionProtection: fc.constantFrom('ACTIVE', 'INACTIVE'),
  LambdaConfig: fc.record(
    {
      PreSignUp: fc.constantFrom(lambda('pre-sign-up'), lambda('pre-sign-up-v2')),
      CustomMessage: fc.constantFrom(lambda('custom-message'), lambda('custom-message-v2')),
      PreTokenGenerationConfig: fc.record({
        LambdaVersion: fc.constantFrom('V1_0', 'V2_0'),
        LambdaArn: fc.constantFrom(lambda('pre-token'), lambda('pre-token-v2')),
      }),
    },
    { requiredKeys: [] },
  ),
  AutoVerifiedAttributes: fc.constantFrom(['email'], ['email', 'phone_number'], []),
  VerificationMessageTemplate: fc.record(
    {
      DefaultEmailOption: fc.constantFrom('CONFIRM_WITH_CODE', 'CONFIRM_WITH_LINK'),
      EmailMessage: codeText,
      EmailSubject: text,
      EmailMessageByLink: linkText,
      EmailSubjectByLink: text,
      SmsMessage: codeText,
    },
    { requiredKeys: [] },
  ),
  SmsAuthenticationMessage: codeText,
  UserAttributeUpdateSettings: fc.record({
    AttributesRequireVerificationBeforeUpdate: fc.constantFrom([], ['email'], ['phone_number']),
  }),
  DeviceConfiguration: fc.record(
    { ChallengeRequiredOnNewDevice: fc.boolean(), DeviceOnlyRememberedOnUserPrompt: fc.boolean() },
    { requiredKeys: [] },
  ),
  EmailConfiguration: fc.oneof(
    fc.record(
      {
        EmailSendingAccount: fc.constant('COGNITO_DEFAULT'),
        ReplyToEmailAddress: fc.constantFrom('help@example.com', 'support@example.com'),
        SourceArn: fc.constant('arn:aws:ses:us-east-1:123456789012:identity/from@example.com'),
      },
      { requiredKeys: ['EmailSendingAccount'] },
    ),
    fc.record(
      {
        EmailSendingAccount: fc.constant('DEVELOPER'),
        SourceArn: fc.constant('arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com'),
        From: fc.constantFrom('no-reply@example.com', 'Example <no-reply@example.com>'),
      },
      { requiredKeys: ['EmailSendingAccount', 'SourceArn'] },
    ),
  ),
  SmsConfiguration: fc.oneof(
    fc.record({
      SnsCallerArn: fc.constantFrom(
        'arn:aws:iam::123456789012:role/cognito-sms',
        'arn:aws:iam::123456789012:role/cognito-sms-v2',
      ),
      ExternalId: fc.constantFrom('external-1', 'external-2'),
    }),
    fc.record({
      EumsSms: fc.record({
        CallerArn: fc.constant('arn:aws:iam::123456789012:role/eums'),
        OriginationIdentity: fc.constant('+15555550100'),
      }),
    }),
  ),
  AdminCreateUserConfig: fc.record(
    {
      AllowAdminCreateUserOnly: fc.boolean(),
      InviteMessageTemplate: fc.record(
        { EmailSubject: text, EmailMessage: codeText.map((t) => `{username} ${t}`) },
        {
          requiredKeys: [],
        },
      ),
    },
    { requiredKeys: [] },
  ),
  UserPoolAddOns: fc.record({ AdvancedSecurityMode: fc.constantFrom('OFF', 'AUDIT', 'ENFORCED') }),
  AccountRecoverySetting: fc.constantFrom(
    { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    { RecoveryMechanisms: [{ Priority: 1, Name: 'admin_only' }] },
    {
      RecoveryMechanisms: [
        { Name: 'verified_email', Priority: 1 },
        { Name: 'verified_phone_number', Priority: 2 },
      ],
    },
  ),
  UserPoolTier: fc.constantFrom('LITE', 'ESSENTIALS', 'PLUS'),
  UserPoolTags: fc.oneof(
    fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), fc.stringMatching(/^[a-z0-9]{0,8}$/), { maxKeys: 4 }),
    fc
      .integer({ min: 40, max: 52 })
      .map((count) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`bulk-${i}`, 'x']))),
  ),
  MfaConfiguration: fc.constantFrom('OFF', 'ON', 'OPTIONAL'),
  SoftwareTokenMfaConfiguration: fc.record({ Enabled: fc.boolean() }),
  SmsMfaConfiguration: fc.constantFrom({}, { SmsAuthenticationMessage: 'Sign-in code {####}' }),
  EmailMfaConfiguration: fc.record({ Subject: text, Message: codeText }, { requiredKeys: [] }),
  WebAuthnConfiguration: fc.record({ UserVerification: fc.constantFrom('required', 'preferred') }),
  Schema: fc
    .subarray(['tenant', 'plan', 'region'], { minLength: 1 })
    .map((names) => names.map((name) => ({ Name: name, AttributeDataType: 'String', Mutable: true }))),
  PoolName: fc.constantFrom('keep', 'renamed'),
};

type DeclarableName = keyof typeof declarationArbitraries;
const declarableNames = Object.keys(declarationArbitraries) as DeclarableName[];

/**
 * A template declares a few properties at a time (one to five, any of them), as real
 * templates do; declaring all at once would make almost every case a refusal. Plain
 * objects, as a template's properties are (fast-check builds records without a prototype).
 */
const declaration = declarationOf(declarableNames, 5);

/**
 * The security baseline beside what it depends on (the feature plan, threat protection, MFA)
 * and what shares its writes (tags): one to three of them, always with RiskConfiguration or
 * LogDeliveryConfiguration, so their merges, rules and undo are in play in most cases.
 */
const SECURITY_NAMES: DeclarableName[] = [
  'RiskConfiguration',
  'LogDeliveryConfiguration',
  'UserPoolTier',
  'UserPoolAddOns',
  'UserPoolTags',
  'MfaConfiguration',
];
const securityDeclaration = declarationOf(SECURITY_NAMES, 3).filter(
  (declared) => declared.RiskConfiguration !== undefined || declared.LogDeliveryConfiguration !== undefined,
);

function declarationOf(names: DeclarableName[], maxLength: number): fc.Arbitrary<Json> {
  return fc
    .shuffledSubarray(names, { minLength: 1, maxLength })
    .chain((names) =>
      fc.record(
        Object.fromEntries(names.map((name) => [name, declarationArbitraries[name]])) as Record<
          string,
          fc.Arbitrary<unknown>
        >,
      ),
    )
    .map((declared) => JSON.parse(JSON.stringify(declared)) as Json);
}

const startingPool = fc.record({
  /** A production-like pool, or one made in the shape of a real DescribeUserPool output (test/support/realShapes.ts). */
  shape: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: POOL_SHAPES.length - 1 })),
  sms: fc.boolean(),
  template: fc.constantFrom('both variants, code', 'both variants, link', 'none'),
  email: fc.constantFrom('DEVELOPER', 'COGNITO_DEFAULT with SourceArn'),
  tags: fc.integer({ min: 0, max: 47 }),
  mfa: fc.constantFrom('OFF', 'OPTIONAL', 'ON'),
  tier: fc.constantFrom('LITE', 'ESSENTIALS', 'PLUS'),
  grandfathered: fc.boolean(),
  threatProtection: fc.constantFrom('OFF', 'AUDIT', 'ENFORCED'),
  risk: fc.boolean(),
  logs: fc.constantFrom('none', 'notifications', 'both'),
});

const cases = fc.record({ pool: startingPool, create: declaration, update: declaration });
/** Starting pools for the security baseline: mostly on Plus with threat protection on, as the baseline's pools are. */
const securityPool = fc
  .tuple(
    startingPool,
    fc.oneof({ arbitrary: fc.constant('PLUS'), weight: 4 }, fc.constantFrom('LITE', 'ESSENTIALS')),
    fc.oneof({ arbitrary: fc.constantFrom('AUDIT', 'ENFORCED'), weight: 4 }, fc.constant('OFF')),
  )
  .map(([pool, tier, threatProtection]) => ({ ...pool, tier, threatProtection }));
const securityCases = fc.record({ pool: securityPool, create: securityDeclaration, update: securityDeclaration });

/** CreateUserPool input that reproduces a real output's settings, legacy members included. */
function requestInShapeOf(described: Json, name: string): CreateUserPoolCommandInput {
  const members = [
    'Policies',
    'LambdaConfig',
    'AutoVerifiedAttributes',
    'VerificationMessageTemplate',
    'EmailVerificationMessage',
    'EmailVerificationSubject',
    'SmsVerificationMessage',
    'SmsAuthenticationMessage',
    'DeviceConfiguration',
    'EmailConfiguration',
    'SmsConfiguration',
    'AdminCreateUserConfig',
    'UserPoolAddOns',
    'AccountRecoverySetting',
    'UsernameAttributes',
    'UsernameConfiguration',
    'UserPoolTags',
  ];
  const request = Object.fromEntries(
    members.filter((member) => described[member] !== undefined).map((member) => [member, described[member]]),
  );
  return JSON.parse(JSON.stringify({ ...request, PoolName: name })) as CreateUserPoolCommandInput;
}

async function createStartingPool(shape: Json, name: string): Promise<string> {
  if (shape.shape >= 0) {
    const poolId = await cognito.createPool(requestInShapeOf(POOL_SHAPES[shape.shape].described, name));
    cognito.proxy.setTier(poolId, shape.tier);
    return poolId;
  }
  const request: CreateUserPoolCommandInput = { ...productionPoolRequest(name), PoolName: name };
  if (!shape.sms) delete request.SmsConfiguration;
  if (shape.template === 'none') delete request.VerificationMessageTemplate;
  else {
    request.VerificationMessageTemplate = {
      DefaultEmailOption: shape.template.endsWith('link') ? 'CONFIRM_WITH_LINK' : 'CONFIRM_WITH_CODE',
      EmailMessage: 'Code {####}',
      EmailSubject: 'Your code',
      EmailMessageByLink: 'Open {##Verify##}',
      EmailSubjectByLink: 'Your link',
      SmsMessage: 'Code {####}',
    };
  }
  if (shape.email !== 'DEVELOPER') {
    request.EmailConfiguration = {
      ReplyToEmailAddress: 'help@example.com',
      SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/help@example.com',
    };
  }
  request.UserPoolTags = Object.fromEntries(Array.from({ length: shape.tags }, (_, i) => [`own-${i}`, 'v']));
  const poolId = await cognito.createPool(request);
  if (shape.mfa !== 'OFF') {
    await cognito.proxy.setMfaAsAnotherWriter({
      UserPoolId: poolId,
      MfaConfiguration: shape.mfa,
      SoftwareTokenMfaConfiguration: { Enabled: true },
      // Cognito keeps SMS MFA on while the pool has an SMS configuration.
      ...(shape.sms ? { SmsMfaConfiguration: {} } : {}),
    });
  }
  cognito.proxy.setTier(poolId, shape.tier);
  if (shape.grandfathered) cognito.proxy.grandfather(poolId);
  await configureSecurity(poolId, shape);
  return poolId;
}

/** Threat protection, its risk configuration and log delivery as another writer left them, where Cognito lets it. */
async function configureSecurity(poolId: string, shape: Json): Promise<void> {
  if (shape.threatProtection !== 'OFF') {
    const pool = await cognito.proxy.describe(poolId);
    const {
      Id: _id,
      Name: _name,
      Arn: _arn,
      CreationDate: _c,
      LastModifiedDate: _m,
      SchemaAttributes: _s,
      ...rest
    } = pool;
    await cognito.proxy
      .sendAsAnotherWriter('UpdateUserPool', {
        ...rest,
        UserPoolId: poolId,
        UserPoolAddOns: { AdvancedSecurityMode: shape.threatProtection },
      })
      .catch(() => undefined);
  }
  const send = (operation: string, request: Json) =>
    cognito.proxy.sendAsAnotherWriter(operation, { UserPoolId: poolId, ...request }).catch(() => undefined);
  if (shape.risk) await send('SetRiskConfiguration', OTHER_WRITERS_RISK);
  if (shape.logs === 'both')
    await send('SetLogDeliveryConfiguration', { LogConfigurations: [NOTIFICATION_LOGS, ACTIVITY_LOGS] });
  if (shape.logs === 'notifications' || (await cognito.proxy.describeLogs(poolId)).length === 0) {
    if (shape.logs !== 'none') await send('SetLogDeliveryConfiguration', { LogConfigurations: [NOTIFICATION_LOGS] });
  }
}

/** The pool as Cognito's describe calls answer it: the pool, its MFA state, its risk configuration and logs. */
async function stateOf(poolId: string): Promise<Json> {
  const { UserPoolId: _id, ...risk } = await cognito.proxy.describeRisk(poolId);
  return {
    ...(await cognito.proxy.describe(poolId)),
    mfa: await cognito.proxy.describeMfa(poolId),
    RiskConfiguration: risk,
    LogDeliveryConfiguration: logsByEventSource(await cognito.proxy.describeLogs(poolId)),
  };
}

/** A declaration in the model's form: log entries keyed by their EventSource. */
function inModelForm(declared: Json): Json {
  if (!declared.LogDeliveryConfiguration) return declared;
  return {
    ...declared,
    LogDeliveryConfiguration: logsByEventSource(declared.LogDeliveryConfiguration.LogConfigurations),
  };
}

/**
 * Cognito's refusals that are not the type's mistakes: the feature plan, which the type
 * leaves to Cognito by design, and the tag limit when the other writer's tag, added after
 * the type's read, pushes the pool over it (the type then undoes what it wrote).
 */
const SECURITY_WRITERS = ['SetRiskConfiguration', 'SetLogDeliveryConfiguration'];

const EXPECTED_REFUSAL = /feature plan|Turn off email MFA|at most 50 tags/;

/** One CREATE or UPDATE with another writer tagging between read and write; its violations. */
async function checkOperation(
  action: 'CREATE' | 'UPDATE',
  poolId: string,
  declared: Json,
  label: string,
): Promise<{ violations: string[]; status: string; outcomes: string[] }> {
  const other = { 'other-writer': label.replace(/[^a-z0-9]/gi, '').slice(0, 20) || 'x' };
  const before = await stateOf(poolId);
  const poolName = declared.PoolName === 'keep' ? before.Name : declared.PoolName;
  const properties = { ...declared, ...(declared.PoolName ? { PoolName: poolName } : {}), UserPoolId: poolId };
  cognito.proxy.refusals.length = 0;
  cognito.proxy.resetCounts();
  // Another writer tags the pool right after the type's read; at the tag limit Cognito refuses it.
  let tagged = false;
  cognito.proxy.afterNext('DescribeUserPool', async (id) => {
    tagged = true;
    await cognito.proxy.tagAsAnotherWriter(id, other).catch(() => undefined);
  });
  const event = await cognito.handle(action, properties);
  // A declaration the schema refuses is refused before any read: the other writer never ran.
  cognito.proxy.clearAfterHooks();
  const after = await stateOf(poolId);
  const violations: string[] = [];
  if (after.MfaConfiguration !== after.mfa.MfaConfiguration) {
    violations.push(
      `DescribeUserPool says MFA ${after.MfaConfiguration}, GetUserPoolMfaConfig ${after.mfa.MfaConfiguration}`,
    );
  }
  if (
    tagged &&
    after.UserPoolTags?.['other-writer'] !== other['other-writer'] &&
    (before.UserPoolTags ? Object.keys(before.UserPoolTags).length : 0) < 50
  ) {
    violations.push(`another writer's tag was lost (${JSON.stringify(after.UserPoolTags?.['other-writer'])})`);
  }
  const cognitoRefused = cognito.proxy.refusals.filter((refusal) => !EXPECTED_REFUSAL.test(refusal));
  violations.push(...cognitoRefused.map((refusal) => `sent a request Cognito refuses: ${refusal}`));
  if (event.status === 'SUCCESS') {
    const withOtherTag = tagged ? { ...before, UserPoolTags: { ...before.UserPoolTags, ...other } } : before;
    violations.push(
      ...checkDeclaredApplied(withOtherTag, after, inModelForm({ ...properties, PoolName: undefined })).violations,
    );
  } else {
    if (!['InvalidRequest', 'NotUpdatable'].includes(event.errorCode ?? '')) {
      violations.push(`${action} ended ${event.errorCode}: ${event.message}`);
    }
    violations.push(...checkUnchanged(before, after, other).violations);
  }
  const status = event.status === 'SUCCESS' ? 'SUCCESS' : (event.errorCode ?? 'FAILED');
  // Which writers a successful operation kept: evidence that each is in play.
  const kept =
    event.status === 'SUCCESS' ? SECURITY_WRITERS.filter((writer) => cognito.proxy.calls.includes(writer)) : [];
  return {
    violations: violations.map((violation) => `${action}: ${violation}`),
    status,
    outcomes: [`${action} ${status}`, ...kept.map((writer) => `${action} ${writer}`)],
  };
}

/**
 * A second settings resource on the same pool (another team's), owning members no
 * declaration above can name: the first resource's writes must never change them.
 */
const secondResource = (poolId: string) => ({
  UserPoolId: poolId,
  SettingsName: 'second-team',
  UserPoolTags: { 'second-resource': 'kept' },
  Policies: { PasswordPolicy: { RequireNumbers: true } },
  LambdaConfig: { PostConfirmation: lambda('second-team-post-confirmation') },
});

async function secondShare(poolId: string): Promise<Json | undefined> {
  const read = await cognito.handle('READ', { UserPoolId: poolId, SettingsName: 'second-team' });
  return read.status === 'SUCCESS' ? read.resourceModel : undefined;
}

/** A case: a second resource, then CREATE and UPDATE of the first on a fresh starting pool, each checked. */
async function checkCase(sample: { pool: Json; create: Json; update: Json }, index: number) {
  const label = `case ${index}`;
  const poolId = await createStartingPool(sample.pool, `property-${index}`);
  const second = await cognito.run({
    action: 'CREATE',
    properties: secondResource(poolId),
    stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/second-team/1',
    logicalResourceId: 'SecondTeam',
  });
  const secondBefore = second.status === 'SUCCESS' ? await secondShare(poolId) : undefined;
  const secondKept = async (action: string): Promise<string[]> => {
    if (!secondBefore) return [];
    const now = await secondShare(poolId);
    return JSON.stringify(now) === JSON.stringify(secondBefore)
      ? []
      : [`${action}: the second resource's members changed: ${JSON.stringify(secondBefore)} → ${JSON.stringify(now)}`];
  };
  const created = await checkOperation('CREATE', poolId, sample.create, label);
  const afterCreate = await secondKept('CREATE');
  // A refused CREATE leaves the pool unclaimed: claim it with nothing declared to go on.
  if (created.status !== 'SUCCESS') await cognito.handle('CREATE', { UserPoolId: poolId });
  const updated = await checkOperation('UPDATE', poolId, sample.update, label);
  return {
    violations: [...created.violations, ...afterCreate, ...updated.violations, ...(await secondKept('UPDATE'))],
    outcomes: [`second resource ${second.status}`, ...created.outcomes, ...updated.outcomes],
  };
}

describe('property: one state, many writers, every declarable property', () => {
  it('declared settings hold, nothing else changes, refusals write nothing, another writer keeps its tag', async () => {
    await checkProperty('pool type', cases, 12, checkCase);
  }, 900_000);

  it('the same with the security baseline in every case: risk configuration and log delivery merged, never clobbered', async () => {
    await checkProperty('pool type, security baseline', securityCases, 8, checkCase);
  }, 900_000);
});
