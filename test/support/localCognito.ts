import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  type CreateUserPoolClientCommandInput,
  type CreateUserPoolCommandInput,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { entrypoint as clientEntrypoint } from '../../client-settings/src/handlers';
import { entrypoint } from '../../src/handlers';
import { CLIENT_TYPE_NAME } from '../../cli/typeNames';
import { PLACEHOLDER_CREDENTIALS, type CfnRequestOptions, type HandlerAction } from './cfnRequest';
import { startCognitoLocal, type CognitoLocal } from './cognitoLocal';
import { CognitoProxy } from './cognitoProxy';
import { runToCompletion, type ProgressEvent } from './handlerRunner';
import { productionPoolRequest } from './productionPool';
import { quietLib } from './quietLib';
import { pointHandlersAt } from './emulatorEndpoints';
import { unlistedCalls } from './handlerPermissions';

const ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER';

export interface LocalCognito {
  proxy: CognitoProxy;
  /** Creates a production-like pool (or the given one) and returns its id. */
  createPool(request?: CreateUserPoolCommandInput): Promise<string>;
  describe(poolId: string): Promise<UserPoolType>;
  /** Runs one handler action through the production entrypoint, as CloudFormation would. */
  handle(
    action: HandlerAction,
    properties: Record<string, unknown>,
    previousProperties?: Record<string, unknown>,
  ): Promise<ProgressEvent>;
  /** The same, with every request option (provider logging, credentials, region). */
  run(request: CfnRequestOptions): Promise<ProgressEvent>;
  /**
   * Creates an app client as Amplify or the console would, through the proxy, so it has
   * the settings real Cognito gives a new client; returns its id.
   */
  createClient(poolId: string, request?: Partial<CreateUserPoolClientCommandInput>): Promise<string>;
  /** An app client as DescribeUserPoolClient answers it (secret included). */
  describeClient(poolId: string, clientId: string): Promise<Record<string, unknown>>;
  /** Runs one Org::Cognito::UserPoolClientSettings action through its production entrypoint. */
  handleClient(
    action: HandlerAction,
    properties: Record<string, unknown>,
    previousProperties?: Record<string, unknown>,
  ): Promise<ProgressEvent>;
  /** The same, with every request option (provider logging, credentials, region). */
  runClient(request: CfnRequestOptions): Promise<ProgressEvent>;
}

/**
 * Starts cognito-local on a free port with a fresh data folder for the test file,
 * behind a counting proxy the handler is pointed at through the SDK's own endpoint
 * variable, and stops both afterwards.
 */
export function useLocalCognito(): LocalCognito {
  let local: CognitoLocal;
  let client: CognitoIdentityProviderClient;
  const proxy = new CognitoProxy('http://placeholder');
  let poolCount = 0;
  let restoreEndpoints: (() => void) | undefined;

  beforeAll(async () => {
    quietLib();
    local = await startCognitoLocal();
    proxy.target = local.endpoint;
    restoreEndpoints = pointHandlersAt(await proxy.start());
    // Setup and inspection go straight to cognito-local, so the proxy counts only the handler.
    client = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      credentials: PLACEHOLDER_CREDENTIALS,
      endpoint: local.endpoint,
    });
  });

  afterAll(async () => {
    client?.destroy();
    await proxy.stop();
    await local?.stop();
    restoreEndpoints?.();
    // Every call a handler made is one its schema lists: what an execution role scoped to
    // each handler's permissions allows.
    const unlisted = unlistedCalls(proxy.callsByAction);
    if (unlisted.length > 0) {
      throw new Error(`Calls the schemas' handler permissions do not list:\n${unlisted.join('\n')}`);
    }
  });

  return {
    proxy,
    createPool: async (request) => {
      poolCount += 1;
      const created = await client.send(
        new CreateUserPoolCommand(request ?? productionPoolRequest(`integration-${poolCount}`)),
      );
      return created.UserPool?.Id ?? '';
    },
    describe: async (poolId) => (await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool ?? {},
    handle: async (action, properties, previousProperties) => run({ action, properties, previousProperties }),
    run,
    createClient: async (poolId, request) => {
      const viaProxy = new CognitoIdentityProviderClient({
        region: 'us-east-1',
        credentials: PLACEHOLDER_CREDENTIALS,
        endpoint: process.env[ENDPOINT_VARIABLE],
      });
      try {
        const created = await viaProxy.send(
          new CreateUserPoolClientCommand({ ClientName: 'app', ...request, UserPoolId: poolId }),
        );
        proxy.resetCounts();
        return created.UserPoolClient?.ClientId ?? '';
      } finally {
        viaProxy.destroy();
      }
    },
    describeClient: (poolId, clientId) => proxy.describeClient(poolId, clientId),
    handleClient: async (action, properties, previousProperties) =>
      runClient({ action, properties, previousProperties }),
    runClient,
  };
}

async function runClient(request: CfnRequestOptions): Promise<ProgressEvent> {
  const options = { ...request, resourceType: CLIENT_TYPE_NAME };
  return (await runToCompletion(clientEntrypoint as never, options, { wait: async () => undefined })).event;
}

async function run(request: CfnRequestOptions): Promise<ProgressEvent> {
  return (await runToCompletion(entrypoint as never, request, { wait: async () => undefined })).event;
}
