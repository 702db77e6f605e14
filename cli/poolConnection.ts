import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { CognitoGateway } from '../engine/cognito/gateway';
import type { ReferenceClients } from './referencedResources';
import { ParameterStore } from '../engine/ssm/parameterStore';
import { pointHandlersAt } from '../test/support/emulatorEndpoints';
import { CLIENT_TYPE_NAME, TYPE_NAME } from './typeNames';
import { PLACEHOLDER_CREDENTIALS } from '../test/support/cfnRequest';
import { startCognitoLocal, type CognitoLocal } from '../test/support/cognitoLocal';
import { CognitoProxy } from '../test/support/cognitoProxy';
import { accountCredentials, regionForPool } from './localRun';
import { amplifyLikeClient } from '../test/support/productionClient';
import { productionPoolRequest } from '../test/support/productionPool';

export interface PoolConnection {
  gateway: CognitoGateway;
  /** The same connection, answering for Org::Cognito::UserPoolClientSettings. */
  clientGateway: CognitoGateway;
  /** The pool to work on: the one named, or a production-like pool made on the embedded emulator. */
  poolId: string;
  /** The app client to work on, when asked for: the one named, or one set up as Amplify does on the emulator. */
  clientId?: string;
  /** Where it runs, for the output. */
  where: string;
  /** Parameter Store, where the app client type keeps who manages each client. */
  parameters?: ParameterStore;
  /** On a real account: read-only clients to check what the pool's settings name (SES, IAM, Lambda). */
  referenceClients?: ReferenceClients;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /** What the emulator's production-like pool must differ in for the template at hand. */
  poolChanges?: Partial<CreateUserPoolCommandInput>;
  poolId?: string;
  clientId?: string;
  withClient?: boolean;
  real?: boolean;
  endpoint?: string;
}

/**
 * A read-write connection to Cognito for the command-line tools: an AWS account (`real`,
 * default credential chain), an endpoint, or the embedded cognito-local behind the
 * proxy that makes it answer like Cognito, with a production-like pool when none is named.
 */
export async function connect(options: ConnectionOptions): Promise<PoolConnection> {
  if (options.real || options.endpoint) {
    if (!options.poolId) throw new Error('--pool <id> is required with --real or --endpoint');
    if (options.withClient && !options.clientId) {
      throw new Error('--client <id> is required with --real or --endpoint for an app client template');
    }
    // The pool id names its Region; the account's default would answer NotFound elsewhere.
    const poolRegion = regionForPool(options.poolId);
    const { credentials, region } = options.real
      ? await accountCredentials(poolRegion ?? 'us-east-1').then((found) => ({
          ...found,
          region: poolRegion ?? found.region,
        }))
      : { credentials: PLACEHOLDER_CREDENTIALS, region: poolRegion ?? 'us-east-1' };
    const client = new CognitoIdentityProviderClient({ region, credentials, endpoint: options.endpoint });
    // With --endpoint, Parameter Store is answered there too.
    if (options.endpoint) pointHandlersAt(options.endpoint);
    const referenceClients: ReferenceClients | undefined = options.real
      ? {
          ses: (sesRegion) => new SESv2Client({ region: sesRegion, credentials }),
          iam: new IAMClient({ region, credentials }),
          lambda: (lambdaRegion) => new LambdaClient({ region: lambdaRegion, credentials }),
        }
      : undefined;
    const parameters = ParameterStore.forCaller(credentials, region, { typeName: CLIENT_TYPE_NAME, identifier: '' });
    return {
      referenceClients,
      parameters,
      gateway: new CognitoGateway(client, TYPE_NAME),
      clientGateway: new CognitoGateway(client, CLIENT_TYPE_NAME),
      poolId: options.poolId,
      clientId: options.clientId,
      where: options.real ? `account, ${region}` : options.endpoint!,
      close: async () => client.destroy(),
    };
  }
  const local: CognitoLocal = await startCognitoLocal();
  const proxy = new CognitoProxy(local.endpoint);
  const proxyEndpoint = await proxy.start();
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: PLACEHOLDER_CREDENTIALS,
    endpoint: proxyEndpoint,
  });
  // Parameter Store (the app client type's ownership) through the same proxy.
  const restoreEndpoints = pointHandlersAt(proxyEndpoint);
  const parameters = ParameterStore.forCaller(PLACEHOLDER_CREDENTIALS, 'us-east-1', {
    typeName: CLIENT_TYPE_NAME,
    identifier: '',
  });
  const close = async () => {
    restoreEndpoints();
    client.destroy();
    await proxy.stop();
    await local.stop();
  };
  try {
    if (options.poolId)
      throw new Error(`the embedded emulator starts empty: it has no pool ${options.poolId}; use --real or --endpoint`);
    // A named app client cannot exist on an emulator that starts empty: one set up as
    // Amplify does stands in for it, as the production-like pool does for the pool.
    const withClient = options.withClient || options.clientId !== undefined;
    const created = await client.send(
      new CreateUserPoolCommand({ ...productionPoolRequest('production-like'), ...options.poolChanges }),
    );
    const poolId = created.UserPool?.Id ?? '';
    const clientId = withClient
      ? (await client.send(new CreateUserPoolClientCommand({ ...amplifyLikeClient(), UserPoolId: poolId })))
          .UserPoolClient?.ClientId
      : undefined;
    return {
      gateway: new CognitoGateway(client, TYPE_NAME),
      clientGateway: new CognitoGateway(client, CLIENT_TYPE_NAME),
      parameters,
      poolId,
      clientId,
      where: withClient
        ? `the embedded emulator, an app client set up as Amplify does${options.clientId ? ` (standing in for ${options.clientId})` : ''}`
        : 'the embedded emulator, a production-like pool',
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
