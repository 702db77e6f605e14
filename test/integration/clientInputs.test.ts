import path from 'node:path';
import { projectRoot } from '../../cli/projectRoot';
import { driftBetween, inputSets } from '../support/contractRules';
import { useLocalCognito } from '../support/localCognito';

const cognito = useLocalCognito();
const sets = inputSets(path.join(projectRoot(), 'client-settings'), {
  OrgCognitoUserPoolSettingsContractTestPoolId: 'POOL_ID',
  OrgCognitoUserPoolSettingsContractTestClientId: 'CLIENT_ID',
});

// Like ContractTestClient in examples/contract-test-pool.yaml.
/** The settings name an input declares, as READ's identifiers. */
const named = (input: Record<string, unknown>) =>
  input.SettingsName === undefined ? {} : { SettingsName: input.SettingsName };

const CONTRACT_TEST_CLIENT = {
  ClientName: 'contract-test-client',
  GenerateSecret: false,
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH' as const, 'ALLOW_REFRESH_TOKEN_AUTH' as const],
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: ['code' as const],
  AllowedOAuthScopes: ['openid', 'email'],
  CallbackURLs: ['https://app.example.com/callback'],
  SupportedIdentityProviders: ['COGNITO'],
};

async function contractTestClient() {
  const poolId = await cognito.createPool();
  const clientId = await cognito.createClient(poolId, CONTRACT_TEST_CLIENT);
  const fill = (properties: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(properties).split('POOL_ID').join(poolId).split('CLIENT_ID').join(clientId)) as Record<
      string,
      unknown
    >;
  return { poolId, clientId, ids: { UserPoolId: poolId, ClientId: clientId }, fill };
}

describe.each(sets.map((set) => [set.name, set] as const))(
  'cfn test input set %s of Org::Cognito::UserPoolClientSettings on cognito-local',
  (_name, set) => {
    it('CREATE returns the input; READ with only the identifiers shows no drift and equals it', async () => {
      const { ids, fill } = await contractTestClient();
      const input = fill(set.create);
      const created = await cognito.handleClient('CREATE', input);
      expect({ status: created.status, message: created.message }).toEqual({ status: 'SUCCESS', message: '' });
      expect(driftBetween(input, created.resourceModel)).toEqual([]);
      const read = await cognito.handleClient('READ', { ...ids, ...named(set.create) });
      expect(driftBetween(input, read.resourceModel)).toEqual([]);
      expect(read.resourceModel).toEqual(created.resourceModel);
    });

    it('UPDATE (the create model overlaid with the update input) shows no drift on READ', async () => {
      const { ids, fill } = await contractTestClient();
      const createInput = fill(set.create);
      expect((await cognito.handleClient('CREATE', createInput)).status).toBe('SUCCESS');
      const updateInput = { ...createInput, ...fill(set.update) };
      const updated = await cognito.handleClient('UPDATE', updateInput, createInput);
      expect(updated.status).toBe('SUCCESS');
      expect(driftBetween(updateInput, updated.resourceModel)).toEqual([]);
      const read = await cognito.handleClient('READ', { ...ids, ...named(set.create) });
      expect(read.resourceModel).toEqual(updated.resourceModel);
    });

    it('the invalid input fails with InvalidRequest and leaves the client exactly as it was', async () => {
      const { poolId, clientId, fill } = await contractTestClient();
      const before = await cognito.describeClient(poolId, clientId);
      const event = await cognito.handleClient('CREATE', fill(set.invalid));
      expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
      expect(await cognito.describeClient(poolId, clientId)).toEqual(before);
    });
  },
);
