import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoGateway } from '../src/cognito/gateway';
import { PLACEHOLDER_CREDENTIALS } from './cfnRequest';
import { startCognitoLocal, type CognitoLocal } from './cognitoLocal';
import { CognitoProxy } from './cognitoProxy';
import { accountCredentials } from './localRun';
import { productionPoolRequest } from './productionPool';

export interface PoolConnection {
  gateway: CognitoGateway;
  /** The pool to work on: the one named, or a production-like pool made on the embedded emulator. */
  poolId: string;
  /** Where it runs, for the output. */
  where: string;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  poolId?: string;
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
    const { credentials, region } = options.real
      ? await accountCredentials('us-east-1')
      : { credentials: PLACEHOLDER_CREDENTIALS, region: 'us-east-1' };
    const client = new CognitoIdentityProviderClient({ region, credentials, endpoint: options.endpoint });
    return {
      gateway: new CognitoGateway(client),
      poolId: options.poolId,
      where: options.real ? `account, ${region}` : options.endpoint!,
      close: async () => client.destroy(),
    };
  }
  const local: CognitoLocal = await startCognitoLocal();
  const proxy = new CognitoProxy(local.endpoint);
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: PLACEHOLDER_CREDENTIALS,
    endpoint: await proxy.start(),
  });
  const close = async () => {
    client.destroy();
    await proxy.stop();
    await local.stop();
  };
  try {
    if (options.poolId)
      throw new Error(`the embedded emulator starts empty: it has no pool ${options.poolId}; use --real or --endpoint`);
    const created = await client.send(new CreateUserPoolCommand(productionPoolRequest('production-like')));
    return {
      gateway: new CognitoGateway(client),
      poolId: created.UserPool?.Id ?? '',
      where: 'the embedded emulator, a production-like pool',
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
