import {
  DeleteParameterCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { callerClientOptions, type CallerCredentials } from '../cognito/client';
import { toHandlerError, type ResourceRef } from '../cognito/errors';

/**
 * The one place that talks to AWS Systems Manager Parameter Store: SDK shapes in and out,
 * errors mapped to handler exceptions. The endpoint comes only from the SDK's own settings
 * (AWS_ENDPOINT_URL_SSM), as Cognito's does.
 */
export class ParameterStore {
  constructor(
    private readonly client: SSMClient,
    /** The resource a missing parameter or a refusal is reported for. */
    private readonly resource: ResourceRef,
  ) {}

  static forCaller(credentials: CallerCredentials, region: string, resource: ResourceRef): ParameterStore {
    return new ParameterStore(new SSMClient(callerClientOptions(credentials, region, resource.typeName)), resource);
  }

  /** The parameter's value, or undefined when there is no such parameter. */
  async get(name: string): Promise<string | undefined> {
    try {
      const answer = await this.client.send(new GetParameterCommand({ Name: name }));
      return answer.Parameter?.Value;
    } catch (error) {
      if ((error as { name?: string })?.name === 'ParameterNotFound') return undefined;
      throw toHandlerError(error, 'GetParameter', this.resource);
    }
  }

  /**
   * Creates the parameter, atomically: without overwrite, so of two writers exactly one
   * wins. False when it already exists.
   */
  async create(name: string, value: string, description: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutParameterCommand({
          Name: name,
          Value: value,
          Type: 'String',
          Tier: 'Standard',
          Overwrite: false,
          Description: description,
        }),
      );
      return true;
    } catch (error) {
      if ((error as { name?: string })?.name === 'ParameterAlreadyExists') return false;
      throw toHandlerError(error, 'PutParameter', this.resource);
    }
  }

  /** Deletes the parameter; false when there was none. */
  async delete(name: string): Promise<boolean> {
    try {
      await this.client.send(new DeleteParameterCommand({ Name: name }));
      return true;
    } catch (error) {
      if ((error as { name?: string })?.name === 'ParameterNotFound') return false;
      throw toHandlerError(error, 'DeleteParameter', this.resource);
    }
  }

  /** One page (at most 10, Parameter Store's limit) of the parameter names under a path. */
  async listPage(path: string, nextToken?: string): Promise<{ names: string[]; nextToken?: string }> {
    try {
      const answer = await this.client.send(
        new GetParametersByPathCommand({ Path: path, Recursive: false, MaxResults: 10, NextToken: nextToken }),
      );
      return {
        names: (answer.Parameters ?? []).flatMap((parameter) => (parameter.Name ? [parameter.Name] : [])),
        nextToken: answer.NextToken,
      };
    } catch (error) {
      throw toHandlerError(error, 'GetParametersByPath', this.resource);
    }
  }
}
