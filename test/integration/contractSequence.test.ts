import path from 'node:path';
import { projectRoot } from '../../cli/projectRoot';
import { driftBetween, inputSets, type InputSet } from '../support/contractRules';
import { productionPoolRequest } from '../support/productionPool';
import { useLocalCognito, type LocalCognito } from '../support/localCognito';
import type { ProgressEvent } from '../support/handlerRunner';
import type { CfnRequestOptions } from '../support/cfnRequest';

/**
 * The contract sequence as `cfn test` runs it, through each type's entrypoint, on the
 * project's own `inputs/`: create, read, update, read, list, a second create (another
 * stack) answering AlreadyExists, delete, read answering NotFound. Each input set runs as
 * it is (no SettingsName: `default`) and with a SettingsName, as a second resource on a
 * pool another one already manages.
 */
const cognito = useLocalCognito();
const TRIGGER = 'arn:aws:lambda:us-east-1:123456789012:function:contract-test-trigger';
const OTHER_STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/another/9';

interface TypeUnderTest {
  name: string;
  sets: InputSet[];
  /** A pool (and app client) as examples/contract-test-pool.yaml makes them; the input with their ids. */
  prepare: () => Promise<{ fill: (properties: Record<string, unknown>) => Record<string, unknown> }>;
  run: LocalCognito['run'];
  identifiers: string[];
  listWithin: string[];
}

const pool: TypeUnderTest = {
  name: 'Org::Cognito::UserPoolSettings',
  sets: inputSets(projectRoot(), {
    OrgCognitoUserPoolSettingsContractTestPoolId: 'POOL_ID',
    OrgCognitoUserPoolSettingsContractTestTriggerArn: TRIGGER,
  }),
  prepare: async () => {
    const { SmsConfiguration: _sms, ...request } = productionPoolRequest(`sequence-${Date.now()}`);
    const poolId = await cognito.createPool(request);
    return { fill: (properties) => JSON.parse(JSON.stringify(properties).split('POOL_ID').join(poolId)) };
  },
  run: (request) => cognito.run(request),
  identifiers: ['UserPoolId', 'SettingsName'],
  listWithin: [],
};

const client: TypeUnderTest = {
  name: 'Org::Cognito::UserPoolClientSettings',
  sets: inputSets(path.join(projectRoot(), 'client-settings'), {
    OrgCognitoUserPoolSettingsContractTestPoolId: 'POOL_ID',
    OrgCognitoUserPoolSettingsContractTestClientId: 'CLIENT_ID',
  }),
  prepare: async () => {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(poolId, {
      ClientName: 'contract-test-client',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email'],
      CallbackURLs: ['https://app.example.com/callback'],
      SupportedIdentityProviders: ['COGNITO'],
    });
    return {
      fill: (properties) =>
        JSON.parse(JSON.stringify(properties).split('POOL_ID').join(poolId).split('CLIENT_ID').join(clientId)),
    };
  },
  run: (request) => cognito.runClient(request),
  identifiers: ['UserPoolId', 'ClientId', 'SettingsName'],
  listWithin: ['UserPoolId'],
};

/** Whether the input names its resource: then another resource manages the pool (or client) first. */
const declaresSettingsName = (input: Record<string, unknown>) => input.SettingsName !== undefined;

const pick = (model: Record<string, unknown>, names: string[]) =>
  Object.fromEntries(names.filter((name) => model[name] !== undefined).map((name) => [name, model[name]]));

const cases = [pool, client].flatMap((type) =>
  type.sets.flatMap((set) =>
    set.create.SettingsName !== undefined
      ? [[`${type.name} ${set.name} (its own SettingsName)`, type, set, undefined] as const]
      : [
          [`${type.name} ${set.name}`, type, set, undefined] as const,
          [`${type.name} ${set.name} with SettingsName`, type, set, 'contract-named'] as const,
        ],
  ),
);

describe.each(cases)('the cfn test sequence: %s', (_label, type, set, settingsName) => {
  it('create, read, update, read, list, a second create (AlreadyExists), delete, read (NotFound)', async () => {
    const { fill } = await type.prepare();
    const named = (properties: Record<string, unknown>) =>
      settingsName ? { ...fill(properties), SettingsName: settingsName } : fill(properties);
    const createInput = named(set.create);
    const step = async (request: CfnRequestOptions): Promise<ProgressEvent> => type.run(request);
    if (declaresSettingsName(createInput)) {
      // Another resource already manages the pool (or client), declaring nothing it shares.
      const first = await step({ action: 'CREATE', properties: pick(createInput, type.identifiers.slice(0, -1)) });
      expect(first.status).toBe('SUCCESS');
    }

    const created = await step({ action: 'CREATE', properties: createInput });
    expect({ status: created.status, message: created.message }).toEqual({ status: 'SUCCESS', message: '' });
    expect(driftBetween(createInput, created.resourceModel)).toEqual([]);
    const ids = pick(created.resourceModel ?? {}, type.identifiers);
    expect(ids.SettingsName).toBe(settingsName ?? createInput.SettingsName ?? 'default');
    const read = await step({ action: 'READ', properties: ids });
    expect(read.resourceModel).toEqual(created.resourceModel);

    const updateInput = { ...createInput, ...named(set.update) };
    const updated = await step({ action: 'UPDATE', properties: updateInput, previousProperties: createInput });
    expect(updated.status).toBe('SUCCESS');
    expect(driftBetween(updateInput, updated.resourceModel)).toEqual([]);
    expect((await step({ action: 'READ', properties: ids })).resourceModel).toEqual(updated.resourceModel);

    const listed = await step({ action: 'LIST', properties: pick(ids, type.listWithin) });
    expect(listed.resourceModels).toContainEqual(ids);

    const again = await step({ action: 'CREATE', properties: createInput, stackId: OTHER_STACK });
    expect(again).toMatchObject({ status: 'FAILED', errorCode: 'AlreadyExists' });

    expect((await step({ action: 'DELETE', properties: ids })).status).toBe('SUCCESS');
    expect(await step({ action: 'READ', properties: ids })).toMatchObject({ status: 'FAILED', errorCode: 'NotFound' });
  });
});
