import {
  AddCustomAttributesCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateUserPoolCommand,
  type SchemaAttributeType,
  type SetUserPoolMfaConfigCommandInput,
  type UpdateUserPoolCommandInput,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { mfaStateFromDescribed } from '../pool/mfa';
import type { MfaSettings } from '../pool/settings';
import { toHandlerError } from './errors';

/**
 * The one place that talks to Cognito. Every call maps its errors to handler
 * exceptions; callers count calls through `callCount` (reported by the benchmark).
 */
export class CognitoGateway {
  callCount = 0;

  constructor(private readonly client: CognitoIdentityProviderClient) {}

  async describePool(userPoolId: string): Promise<UserPoolType> {
    const output = await this.call('DescribeUserPool', userPoolId, () =>
      this.client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId })),
    );
    if (!output.UserPool) throw toHandlerError({ name: 'ResourceNotFoundException' }, 'DescribeUserPool', userPoolId);
    return output.UserPool;
  }

  async describeMfa(userPoolId: string): Promise<MfaSettings> {
    const output = await this.call('GetUserPoolMfaConfig', userPoolId, () =>
      this.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId })),
    );
    return mfaStateFromDescribed(output);
  }

  async updatePool(request: UpdateUserPoolCommandInput): Promise<void> {
    await this.call('UpdateUserPool', request.UserPoolId ?? '', () =>
      this.client.send(new UpdateUserPoolCommand(request)),
    );
  }

  async setMfa(request: SetUserPoolMfaConfigCommandInput): Promise<void> {
    await this.call('SetUserPoolMfaConfig', request.UserPoolId ?? '', () =>
      this.client.send(new SetUserPoolMfaConfigCommand(request)),
    );
  }

  async addCustomAttributes(userPoolId: string, attributes: SchemaAttributeType[]): Promise<void> {
    await this.call('AddCustomAttributes', userPoolId, () =>
      this.client.send(new AddCustomAttributesCommand({ UserPoolId: userPoolId, CustomAttributes: attributes })),
    );
  }

  /** Adds tags without touching any setting: no UpdateUserPool, no describe→update trap. */
  async tagPool(userPoolId: string, poolArn: string, tags: Record<string, string>): Promise<void> {
    await this.call('TagResource', userPoolId, () =>
      this.client.send(new TagResourceCommand({ ResourceArn: poolArn, Tags: tags })),
    );
  }

  /** Removes tags without touching any setting. */
  async untagPool(userPoolId: string, poolArn: string, tagKeys: string[]): Promise<void> {
    await this.call('UntagResource', userPoolId, () =>
      this.client.send(new UntagResourceCommand({ ResourceArn: poolArn, TagKeys: tagKeys })),
    );
  }

  /** Every pool id in the account and region, following NextToken to the end. */
  async listPoolIds(): Promise<string[]> {
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      const output = await this.call('ListUserPools', '', () =>
        this.client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken })),
      );
      for (const pool of output.UserPools ?? []) if (pool.Id) ids.push(pool.Id);
      nextToken = output.NextToken;
    } while (nextToken);
    return ids;
  }

  private async call<T>(operation: string, userPoolId: string, send: () => Promise<T>): Promise<T> {
    this.callCount += 1;
    try {
      return await send();
    } catch (error) {
      throw toHandlerError(error, operation, userPoolId);
    }
  }
}
