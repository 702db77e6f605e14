import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import {
  AddCustomAttributesCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeRiskConfigurationCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  GetUserPoolMfaConfigCommand,
  ListUserPoolsCommand,
  SetLogDeliveryConfigurationCommand,
  SetRiskConfigurationCommand,
  SetUserPoolMfaConfigCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  type LogConfigurationType,
  type RiskConfigurationType,
  type SchemaAttributeType,
  type SetRiskConfigurationCommandInput,
  type SetUserPoolMfaConfigCommandInput,
  type UpdateUserPoolClientCommandInput,
  type UpdateUserPoolCommandInput,
  type UserPoolType,
  type GetUserPoolMfaConfigCommandOutput,
  type UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import { rawErrorName, toHandlerError, type ResourceRef } from './errors';

/** An app client as DescribeUserPoolClient reports it, with its secret already dropped. */
export interface DescribedClient {
  client: Omit<UserPoolClientType, 'ClientSecret'>;
  /** Whether the client has a secret; the secret itself is never kept. */
  hasSecret: boolean;
}

/**
 * The one place that talks to Cognito: SDK shapes in and out, no type's domain code.
 * Every call maps its errors to handler exceptions.
 */
export class CognitoGateway {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    /** The resource type whose NotFound a missing pool or client answers. */
    private readonly typeName: string,
    /** Where the caller runs, to name a pool whose describe has no Arn (older outputs lack it). */
    private readonly account?: AccountContext,
  ) {}

  /** The pool, with its Arn derived from the account when Cognito's answer has none. */
  async describeUserPool(userPoolId: string): Promise<UserPoolType> {
    const output = await this.call('DescribeUserPool', userPoolId, () =>
      this.client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId })),
    );
    if (!output.UserPool)
      throw toHandlerError({ name: 'ResourceNotFoundException' }, 'DescribeUserPool', this.ref(userPoolId));
    const pool = output.UserPool;
    if (pool.Arn || !this.account) return pool;
    return { ...pool, Arn: userPoolArn(pool.Id ?? userPoolId, this.account) };
  }

  /** GetUserPoolMfaConfig's answer, as the SDK gives it. */
  async getUserPoolMfaConfig(userPoolId: string): Promise<GetUserPoolMfaConfigCommandOutput> {
    return this.call('GetUserPoolMfaConfig', userPoolId, () =>
      this.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId })),
    );
  }

  async updateUserPool(request: UpdateUserPoolCommandInput): Promise<void> {
    await this.call('UpdateUserPool', request.UserPoolId ?? '', () =>
      this.client.send(new UpdateUserPoolCommand(request)),
    );
  }

  async setUserPoolMfaConfig(request: SetUserPoolMfaConfigCommandInput): Promise<void> {
    await this.call('SetUserPoolMfaConfig', request.UserPoolId ?? '', () =>
      this.client.send(new SetUserPoolMfaConfigCommand(request)),
    );
  }

  /**
   * The risk configuration that applies to the pool, or to one app client (the pool's when
   * the client has none of its own). A pool where threat protection was never enabled may
   * answer UserPoolAddOnNotEnabledException (DescribeRiskConfiguration API reference): it
   * has no configuration, which is undefined here.
   */
  async describeRiskConfiguration(userPoolId: string, clientId?: string): Promise<RiskConfigurationType | undefined> {
    const identifier = clientId ? clientIdentifier(userPoolId, clientId) : userPoolId;
    try {
      const output = await this.client.send(
        new DescribeRiskConfigurationCommand({ UserPoolId: userPoolId, ...(clientId ? { ClientId: clientId } : {}) }),
      );
      return output.RiskConfiguration;
    } catch (error) {
      if (rawErrorName(error) === 'UserPoolAddOnNotEnabledException') return undefined;
      throw toHandlerError(error, 'DescribeRiskConfiguration', this.ref(identifier));
    }
  }

  async setRiskConfiguration(request: SetRiskConfigurationCommandInput): Promise<void> {
    const identifier = request.ClientId
      ? clientIdentifier(request.UserPoolId ?? '', request.ClientId)
      : (request.UserPoolId ?? '');
    await this.call('SetRiskConfiguration', identifier, () =>
      this.client.send(new SetRiskConfigurationCommand(request)),
    );
  }

  /** The pool's log delivery configurations; none for a pool that never had one. */
  async getLogDeliveryConfiguration(userPoolId: string): Promise<LogConfigurationType[]> {
    const output = await this.call('GetLogDeliveryConfiguration', userPoolId, () =>
      this.client.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: userPoolId })),
    );
    return output.LogDeliveryConfiguration?.LogConfigurations ?? [];
  }

  /** Replaces the pool's whole log delivery configuration. */
  async setLogDeliveryConfiguration(userPoolId: string, logConfigurations: LogConfigurationType[]): Promise<void> {
    await this.call('SetLogDeliveryConfiguration', userPoolId, () =>
      this.client.send(
        new SetLogDeliveryConfigurationCommand({ UserPoolId: userPoolId, LogConfigurations: logConfigurations }),
      ),
    );
  }

  async addCustomAttributes(userPoolId: string, attributes: SchemaAttributeType[]): Promise<void> {
    await this.call('AddCustomAttributes', userPoolId, () =>
      this.client.send(new AddCustomAttributesCommand({ UserPoolId: userPoolId, CustomAttributes: attributes })),
    );
  }

  /** Adds tags to a described pool without touching any setting: no UpdateUserPool, no describe→update trap. */
  async tagResource(pool: UserPoolType, tags: Record<string, string>): Promise<void> {
    await this.call('TagResource', pool.Id ?? '', () =>
      this.client.send(new TagResourceCommand({ ResourceArn: arnOf(pool), Tags: tags })),
    );
  }

  /** Removes tags from a described pool without touching any setting. */
  async untagResource(pool: UserPoolType, tagKeys: string[]): Promise<void> {
    await this.call('UntagResource', pool.Id ?? '', () =>
      this.client.send(new UntagResourceCommand({ ResourceArn: arnOf(pool), TagKeys: tagKeys })),
    );
  }

  /**
   * An app client, with its secret dropped here, as soon as Cognito returns it: only
   * whether it has one travels further.
   */
  async describeUserPoolClient(userPoolId: string, clientId: string): Promise<DescribedClient> {
    const output = await this.call('DescribeUserPoolClient', clientIdentifier(userPoolId, clientId), () =>
      this.client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId })),
    );
    if (!output.UserPoolClient) {
      throw toHandlerError(
        { name: 'ResourceNotFoundException' },
        'DescribeUserPoolClient',
        this.ref(clientIdentifier(userPoolId, clientId)),
      );
    }
    const { ClientSecret: secret, ...client } = output.UserPoolClient;
    return { client, hasSecret: typeof secret === 'string' && secret.length > 0 };
  }

  async updateUserPoolClient(request: UpdateUserPoolClientCommandInput): Promise<void> {
    const identifier = clientIdentifier(request.UserPoolId ?? '', request.ClientId ?? '');
    // The response repeats the client, secret included: it is discarded unread.
    await this.call('UpdateUserPoolClient', identifier, async () => {
      await this.client.send(new UpdateUserPoolClientCommand(request));
    });
  }

  /** One page of the pool ids in the account and region (at most 60), and Cognito's token for the next. */
  async listUserPools(nextToken?: string): Promise<{ ids: string[]; nextToken?: string }> {
    const output = await this.call('ListUserPools', '', () =>
      this.client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken })),
    );
    const ids = (output.UserPools ?? []).flatMap((pool) => (pool.Id ? [pool.Id] : []));
    return { ids, nextToken: output.NextToken };
  }

  private ref(identifier: string): ResourceRef {
    return { typeName: this.typeName, identifier };
  }

  private async call<T>(operation: string, identifier: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw toHandlerError(error, operation, this.ref(identifier));
    }
  }
}

/** The account and partition a handler request names (`awsAccountId`, `awsPartition`). */
export interface AccountContext {
  accountId: string;
  partition?: string;
}

/**
 * A user pool's ARN, `arn:<partition>:cognito-idp:<region>:<account>:userpool/<id>`: the
 * region is the pool id's prefix (`us-east-1_AbC`), the partition follows from it when
 * the request does not name one.
 */
export function userPoolArn(userPoolId: string, account: AccountContext): string {
  const region = userPoolId.split('_')[0];
  const partition =
    account.partition ?? (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
  return `arn:${partition}:cognito-idp:${region}:${account.accountId}:userpool/${userPoolId}`;
}

function arnOf(pool: UserPoolType): string {
  if (!pool.Arn) throw new exceptions.InternalFailure(`DescribeUserPool returned no Arn for ${pool.Id}`);
  return pool.Arn;
}

/** What a read answers, or undefined when the pool or client is gone (NotFound). */
export async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof exceptions.NotFound) return undefined;
    throw error;
  }
}

/** An app client's primary identifier as CloudFormation shows it: `<UserPoolId>|<ClientId>`. */
export function clientIdentifier(userPoolId: string, clientId: string): string {
  return `${userPoolId}|${clientId}`;
}
