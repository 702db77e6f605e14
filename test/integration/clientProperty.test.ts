import fc from 'fast-check';
import { flatten } from '../../tools/poolDiff';
import { useLocalCognito } from './harness';

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

async function checkApplied(ids: { UserPoolId: string; ClientId: string }, declared: object, before: object) {
  const after = configurationLeaves(await cognito.describeClient(ids.UserPoolId, ids.ClientId));
  const declaredLeaves = flatten(declared);
  for (const [path, value] of declaredLeaves) expect({ path, value: after.get(path) }).toEqual({ path, value });
  for (const [path, value] of configurationLeaves(before)) {
    if (!isUnder(path, declaredLeaves.keys())) expect({ path, value: after.get(path) }).toEqual({ path, value });
  }
}

describe('property: declared client settings applied, every other client setting untouched', () => {
  it('holds for random app clients and random declarations, through CREATE and then UPDATE', async () => {
    const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
    const poolId = await cognito.createPool();
    try {
      await fc.assert(
        fc.asyncProperty(settings, settings, settings, async (clientSettings, createDeclared, updateDeclared) => {
          // A new client's units are whole: what a template leaves out of them is the client's own.
          const units = { ...OAUTH_CLIENT.TokenValidityUnits, ...clientSettings.TokenValidityUnits };
          const clientId = await cognito.createClient(poolId, {
            ...OAUTH_CLIENT,
            ...clientSettings,
            TokenValidityUnits: units,
          } as never);
          const ids = { UserPoolId: poolId, ClientId: clientId };
          const before = await cognito.describeClient(poolId, clientId);
          const created = await cognito.handleClient('CREATE', { ...ids, ...createDeclared });
          expect({ status: created.status, message: created.message }).toEqual({ status: 'SUCCESS', message: '' });
          await checkApplied(ids, createDeclared, before);

          const beforeUpdate = await cognito.describeClient(poolId, clientId);
          const updated = await cognito.handleClient('UPDATE', { ...ids, ...updateDeclared }, ids);
          expect(updated.status).toBe('SUCCESS');
          await checkApplied(ids, updateDeclared, beforeUpdate);
        }),
        { numRuns: 40, seed, endOnFailure: true },
      );
    } catch (error) {
      throw new Error(`property failed; rerun with PROPERTY_SEED=${seed}\n${(error as Error).message}`);
    }
  }, 120_000);
});
