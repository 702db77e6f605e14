import { checkProperty } from '../support/propertyRun';
import fc from 'fast-check';
import { flatten } from '../../engine/leafChanges';
import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();

const urls = (path: string) => [1, 2, 3, 4].map((index) => `https://app${index}.example.com/${path}`);

// App client settings with values valid together for Cognito: lifetimes in minutes and
// days, an OAuth code-flow client. Any subset of them is a valid declaration.
const settingArbitraries = {
  ClientName: fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/),
  AccessTokenValidity: fc.integer({ min: 5, max: 1440 }),
  IdTokenValidity: fc.integer({ min: 5, max: 1440 }),
  RefreshTokenValidity: fc.integer({ min: 1, max: 3650 }),
  TokenValidityUnits: fc.record(
    { AccessToken: fc.constant('minutes'), IdToken: fc.constant('minutes'), RefreshToken: fc.constant('days') },
    { requiredKeys: [] },
  ),
  ReadAttributes: fc.subarray(['email', 'email_verified', 'name', 'family_name'], { minLength: 1 }),
  WriteAttributes: fc.subarray(['email', 'name', 'family_name'], { minLength: 1 }),
  // Without refresh token rotation Cognito requires ALLOW_REFRESH_TOKEN_AUTH (aws/aws-cdk#7625).
  ExplicitAuthFlows: fc
    .subarray(['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH'])
    .map((flows) => ['ALLOW_REFRESH_TOKEN_AUTH', ...flows]),
  CallbackURLs: fc.subarray(urls('callback'), { minLength: 1 }),
  LogoutURLs: fc.subarray(urls('signed-out'), { minLength: 1 }),
  AllowedOAuthScopes: fc.subarray(['openid', 'email', 'profile', 'phone'], { minLength: 1 }),
  PreventUserExistenceErrors: fc.constantFrom('LEGACY', 'ENABLED'),
  EnableTokenRevocation: fc.boolean(),
  AuthSessionValidity: fc.integer({ min: 3, max: 15 }),
};

const settings = fc.record(settingArbitraries, { requiredKeys: [] });

/**
 * The client's own risk configuration, valid on the Plus pool below (whose configuration has
 * a sender, so a notifying action is valid): merged into what the client has or inherits.
 */
const riskConfiguration = fc.record(
  {
    CompromisedCredentialsRiskConfiguration: fc.record(
      {
        EventFilter: fc.subarray(['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'], { minLength: 1 }),
        Actions: fc.record({ EventAction: fc.constantFrom('BLOCK', 'NO_ACTION') }),
      },
      { requiredKeys: ['Actions'] },
    ),
    AccountTakeoverRiskConfiguration: fc.record({
      Actions: fc.record(
        {
          LowAction: fc.record({
            Notify: fc.boolean(),
            EventAction: fc.constantFrom('NO_ACTION', 'MFA_IF_CONFIGURED'),
          }),
          HighAction: fc.record({ Notify: fc.boolean(), EventAction: fc.constantFrom('BLOCK', 'MFA_REQUIRED') }),
        },
        { requiredKeys: [] },
      ),
    }),
    RiskExceptionConfiguration: fc.record(
      { BlockedIPRangeList: fc.constantFrom(['192.0.2.0/24'], ['203.0.113.0/24', '2001:db8::/32']) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);
const declaration = fc
  .tuple(settings, fc.option(riskConfiguration, { freq: 3 }))
  .map(([declared, risk]) => (risk === null ? declared : { ...declared, RiskConfiguration: risk }));

/** The pool's own risk configuration, as another writer set it: the clients inherit it. */
const POOL_RISK = {
  AccountTakeoverRiskConfiguration: {
    NotifyConfiguration: { SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/security@example.com' },
    Actions: { MediumAction: { Notify: true, EventAction: 'MFA_IF_CONFIGURED' } },
  },
  RiskExceptionConfiguration: { SkippedIPRangeList: ['198.51.100.7/32'] },
};
const OAUTH_CLIENT = {
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid'],
  CallbackURLs: urls('callback').slice(0, 1),
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  AccessTokenValidity: 60,
  IdTokenValidity: 60,
};

/** Leaves of a client that describe its configuration; the date that changes on every write aside. */
function configurationLeaves(client: object): Map<string, unknown> {
  const leaves = flatten(client);
  leaves.delete('LastModifiedDate');
  return leaves;
}

function isUnder(path: string, declaredPaths: Iterable<string>): boolean {
  for (const declared of declaredPaths) if (path === declared || path.startsWith(`${declared}.`)) return true;
  return false;
}

/** The client as Cognito describes it, with the risk configuration that applies to it (its own, or the pool's). */
async function clientState(poolId: string, clientId: string): Promise<object> {
  const { UserPoolId: _pool, ClientId: _own, ...risk } = await cognito.proxy.describeRisk(poolId, clientId);
  return { ...(await cognito.describeClient(poolId, clientId)), RiskConfiguration: risk };
}

/** Where the client differs from what the declaration means: declared leaves hold, nothing else changed. */
async function violationsAfter(ids: { UserPoolId: string; ClientId: string }, declared: object, before: object) {
  const violations: string[] = [];
  const plain = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
  const after = configurationLeaves(await clientState(ids.UserPoolId, ids.ClientId));
  const declaredLeaves = flatten(declared);
  for (const [path, value] of declaredLeaves) {
    if (plain(after.get(path)) !== plain(value))
      violations.push(`declared ${path} = ${plain(value)}, client has ${plain(after.get(path))}`);
  }
  for (const [path, value] of configurationLeaves(before)) {
    if (!isUnder(path, declaredLeaves.keys()) && plain(after.get(path)) !== plain(value)) {
      violations.push(`undeclared ${path} changed: ${plain(value)} → ${plain(after.get(path))}`);
    }
  }
  return violations;
}

/**
 * CI runs a few cases; `PROPERTY_CASES=1000 npx jest test/integration/clientProperty.test.ts`
 * runs more and prints cases, violations, seed and time.
 */
describe('property: declared client settings applied, every other client setting untouched', () => {
  it('holds for random app clients and random declarations, through CREATE and then UPDATE', async () => {
    let poolId = '';
    const cases = fc.tuple(settings, declaration, declaration);
    await checkProperty(
      'app client type',
      cases,
      25,
      async ([clientSettings, createDeclared, updateDeclared], index) => {
        // A fresh pool every 40 clients keeps each pool's list of clients short.
        if (index % 40 === 0) {
          poolId = await cognito.createPool({
            PoolName: `client-property-${index}`,
            UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
          });
          cognito.proxy.setTier(poolId, 'PLUS');
          await cognito.proxy.sendAsAnotherWriter('SetRiskConfiguration', { UserPoolId: poolId, ...POOL_RISK });
        }
        // A new client's units are whole: what a template leaves out of them is the client's own.
        const units = { ...OAUTH_CLIENT.TokenValidityUnits, ...clientSettings.TokenValidityUnits };
        const clientId = await cognito.createClient(poolId, {
          ...OAUTH_CLIENT,
          ...clientSettings,
          TokenValidityUnits: units,
        } as never);
        const ids = { UserPoolId: poolId, ClientId: clientId };
        const violations: string[] = [];
        for (const [action, declared] of [
          ['CREATE', createDeclared],
          ['UPDATE', updateDeclared],
        ] as const) {
          const before = await clientState(poolId, clientId);
          const other = { 'other-writer': `case${index}${action}` };
          cognito.proxy.refusals.length = 0;
          // Another writer tags the pool right after the type read it.
          cognito.proxy.afterNext('DescribeUserPool', (id) =>
            cognito.proxy.tagAsAnotherWriter(id, other).catch(() => undefined),
          );
          const event = await cognito.handleClient(
            action,
            { ...ids, ...declared },
            action === 'UPDATE' ? ids : undefined,
          );
          if (event.status !== 'SUCCESS') violations.push(`${action} ended ${event.errorCode}: ${event.message}`);
          else
            violations.push(
              ...(await violationsAfter(ids, declared, before)).map((violation) => `${action}: ${violation}`),
            );
          violations.push(
            ...cognito.proxy.refusals.map((refusal) => `${action}: sent a request Cognito refuses: ${refusal}`),
          );
          const tags = (await cognito.proxy.describe(poolId)).UserPoolTags ?? {};
          if (tags['other-writer'] !== other['other-writer'])
            violations.push(`${action}: another writer's pool tag was lost`);
          const { UserPoolId: _id, ...poolRisk } = await cognito.proxy.describeRisk(poolId);
          if (JSON.stringify(poolRisk) !== JSON.stringify(POOL_RISK))
            violations.push(`${action}: the pool's own risk configuration changed: ${JSON.stringify(poolRisk)}`);
        }
        return { violations };
      },
    );
  }, 900_000);
});
