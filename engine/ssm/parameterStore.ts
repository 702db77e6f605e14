import {
  DeleteParameterCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { callerClientOptions, type CallerCredentials } from '../cognito/client';
import { toHandlerError, type ResourceRef } from '../cognito/errors';
import type { ParameterAccess } from '../ownershipRecords';

/**
 * The one place that talks to AWS Systems Manager Parameter Store: SDK shapes in and out,
 * errors mapped to handler exceptions. The endpoint comes only from the SDK's own settings
 * (AWS_ENDPOINT_URL_SSM), as Cognito's does.
 */
export class ParameterStore implements ParameterAccess {
  private client?: SSMClient;

  constructor(
    /** Builds the client on first use: an invocation refused before any record pays nothing for it. */
    private readonly connectClient: () => SSMClient,
    /** The resource a missing parameter or a refusal is reported for. */
    private readonly resource: ResourceRef,
  ) {}

  static forCaller(
    credentials: CallerCredentials,
    region: string,
    resource: ResourceRef,
    action?: string,
  ): ParameterStore {
    return new ParameterStore(
      () => new SSMClient(callerClientOptions(credentials, region, resource.typeName, action)),
      resource,
    );
  }

  private send<T>(command: object): Promise<T> {
    this.client ??= this.connectClient();
    return this.client.send(command as never) as Promise<T>;
  }

  /** The parameter's value, or undefined when there is no such parameter. */
  async get(name: string): Promise<string | undefined> {
    try {
      const answer = await this.send<{ Parameter?: { Value?: string } }>(new GetParameterCommand({ Name: name }));
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
      await this.putParameter(name, value, description, false);
      return true;
    } catch (error) {
      if ((error as { name?: string })?.name === 'ParameterAlreadyExists') return false;
      throw toHandlerError(error, 'PutParameter', this.resource);
    }
  }

  /** Writes the parameter, overwriting it. */
  async put(name: string, value: string, description: string): Promise<void> {
    try {
      await this.putParameter(name, value, description, true);
    } catch (error) {
      throw toHandlerError(error, 'PutParameter', this.resource);
    }
  }

  /**
   * Intelligent-Tiering: Parameter Store keeps a value of up to 4 KB in the free Standard
   * tier and moves a larger one (up to 8 KB) to Advanced, so the rare large undo record
   * (message templates) fits without every record paying for Advanced.
   */
  private putParameter(name: string, value: string, description: string, overwrite: boolean): Promise<unknown> {
    return this.send(
      new PutParameterCommand({
        Name: name,
        Value: value,
        Type: 'String',
        Tier: 'Intelligent-Tiering',
        Overwrite: overwrite,
        Description: description,
      }),
    );
  }

  /** Deletes the parameter; false when there was none. */
  async delete(name: string): Promise<boolean> {
    try {
      await this.send(new DeleteParameterCommand({ Name: name }));
      return true;
    } catch (error) {
      if ((error as { name?: string })?.name === 'ParameterNotFound') return false;
      throw toHandlerError(error, 'DeleteParameter', this.resource);
    }
  }

  /** One page (at most 10, Parameter Store's limit) of the parameter names under a path. */
  async listPage(
    path: string,
    nextToken?: string,
    recursive = false,
  ): Promise<{ names: string[]; nextToken?: string }> {
    const page = await this.byPath(path, nextToken, recursive);
    return {
      names: (page.Parameters ?? []).flatMap((parameter) => (parameter.Name ? [parameter.Name] : [])),
      nextToken: page.NextToken,
    };
  }

  /** Every child of a path with its value, page after page (a pool holds few resources). */
  async children(path: string): Promise<{ name: string; value: string }[]> {
    const found: { name: string; value: string }[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.byPath(path, nextToken, false);
      for (const { Name, Value } of page.Parameters ?? [])
        if (Name && Value !== undefined) found.push({ name: Name, value: Value });
      nextToken = page.NextToken;
    } while (nextToken);
    return found;
  }

  private async byPath(
    path: string,
    nextToken: string | undefined,
    recursive: boolean,
  ): Promise<{ Parameters?: { Name?: string; Value?: string }[]; NextToken?: string }> {
    try {
      return await this.send<{ Parameters?: { Name?: string; Value?: string }[]; NextToken?: string }>(
        new GetParametersByPathCommand({ Path: path, Recursive: recursive, MaxResults: 10, NextToken: nextToken }),
      );
    } catch (error) {
      throw toHandlerError(error, 'GetParametersByPath', this.resource);
    }
  }
}
