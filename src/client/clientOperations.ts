import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { clientIdentifier, type CognitoGateway } from '../cognito/gateway';
import { clientOwnershipTagKey, isClientManaged } from '../pool/ownership';
import { undoDespiteThrottling, withConflictRetry } from '../retry';
import { decodeListToken, encodeListToken } from '../shared/listToken';
import { explainRefusal } from '../shared/refusalSubject';
import { changedMembers, refuseIfNeeded, type OperationLog, type Ownership } from '../shared/writePlan';
import { CLIENT_TYPE_NAME } from '../typeInfo';
import { planClientSettings, type ClientPlan, type DescribedClient } from './clientPlan';
import { currentClientSettings } from './currentClientSettings';
import type { DeclaredClientSettings } from './fields';
import { findClientSchemaProblems } from './validation';

export interface ClientPreview {
  pool: UserPoolType;
  plan: ClientPlan;
  reads: string[];
  ownership: Ownership;
}

/**
 * What each handler does to an app client, in terms of Cognito calls and the pure plan.
 * A client is managed when its pool carries the marker tag keyed by its id: app
 * clients take no tags of their own.
 */
export class ClientSettingsOperations {
  constructor(
    private readonly cognito: CognitoGateway,
    private readonly logger: OperationLog,
  ) {}

  /** CREATE: claims an unmanaged client and applies the declared settings. */
  create(userPoolId: string, clientId: string, declared: DeclaredClientSettings): Promise<DeclaredClientSettings> {
    return this.apply(userPoolId, clientId, declared, 'claim');
  }

  /** UPDATE: applies the declared settings to a managed client. */
  update(userPoolId: string, clientId: string, declared: DeclaredClientSettings): Promise<DeclaredClientSettings> {
    return this.apply(userPoolId, clientId, declared, 'keep');
  }

  /** READ: the current settings of a managed client, from its identifiers alone. */
  async read(userPoolId: string, clientId: string): Promise<DeclaredClientSettings> {
    const { described } = await this.describeManaged(userPoolId, clientId);
    return currentClientSettings(described);
  }

  /**
   * DELETE: stops managing the client by removing its marker; every setting stays. The
   * marker is on the pool, so the pool is the one read: a client deleted out of band still
   * has its marker cleaned up, and a second DELETE answers NotFound.
   */
  async delete(userPoolId: string, clientId: string): Promise<void> {
    const pool = await this.cognito.describePool(userPoolId);
    if (!isClientManaged(pool, clientId)) {
      throw new exceptions.NotFound(CLIENT_TYPE_NAME, clientIdentifier(userPoolId, clientId));
    }
    const markerKey = clientOwnershipTagKey(clientId);
    this.logger.log(`UntagResource ${userPoolId}: ${markerKey}`);
    await this.cognito.untagPool(pool, [markerKey]);
  }

  /**
   * LIST of one pool's managed clients (CloudFormation passes the UserPoolId), one
   * ListUserPoolClients page (at most 60 clients) per invocation, beside the one
   * DescribeUserPool whose tags say which are managed.
   */
  async list(userPoolId: string, nextToken?: string): Promise<{ clientIds: string[]; nextToken?: string }> {
    const cognitoToken = decodeListToken('ListUserPoolClients', nextToken);
    const [pool, page] = await Promise.all([
      this.cognito.describePool(userPoolId),
      this.cognito.listClientPage(userPoolId, cognitoToken),
    ]);
    return {
      clientIds: page.ids.filter((clientId) => isClientManaged(pool, clientId)),
      nextToken: encodeListToken('ListUserPoolClients', page.nextToken),
    };
  }

  /**
   * The reads and the plan of a CREATE (`claim`) or UPDATE (`keep`), without any write.
   * Without an ownership, the marker decides: CREATE when the client is not managed yet.
   */
  async preview(
    userPoolId: string,
    clientId: string,
    declared: DeclaredClientSettings,
    requested?: Ownership,
  ): Promise<ClientPreview> {
    const { pool, described } = await this.describeBoth(userPoolId, clientId);
    const managed = isClientManaged(pool, clientId);
    const ownership = requested ?? (managed ? 'keep' : 'claim');
    const identifier = clientIdentifier(userPoolId, clientId);
    if (ownership === 'claim' && managed) throw new exceptions.AlreadyExists(CLIENT_TYPE_NAME, identifier);
    if (ownership === 'keep' && !managed) throw new exceptions.NotFound(CLIENT_TYPE_NAME, identifier);
    const plan = planClientSettings({ userPoolId, clientId, described, pool, declared, ownership });
    return { pool, plan, reads: ['DescribeUserPool', 'DescribeUserPoolClient'], ownership };
  }

  private async apply(
    userPoolId: string,
    clientId: string,
    declared: DeclaredClientSettings,
    ownership: Ownership,
  ): Promise<DeclaredClientSettings> {
    const problems = findClientSchemaProblems({ UserPoolId: userPoolId, ClientId: clientId, ...declared });
    if (problems.length > 0) throw new exceptions.InvalidRequest(`Invalid properties: ${problems.join('; ')}`);
    return withConflictRetry(async () => {
      const { pool, plan } = await this.preview(userPoolId, clientId, declared, ownership);
      refuseIfNeeded(plan.refusals);
      try {
        await this.execute(userPoolId, clientId, plan, pool);
      } catch (error) {
        // Only UpdateUserPoolClient carries the client's settings; a tag refusal names none.
        throw explainRefusal(error, plan.updateRequest ?? {}, declared, 'app client');
      }
      return currentClientSettings(plan.resultingClient);
    });
  }

  /**
   * UpdateUserPoolClient first, then the marker; if the marker cannot be written, the
   * client is put back as described, so a failed CREATE leaves it as it was.
   */
  private async execute(userPoolId: string, clientId: string, plan: ClientPlan, pool: UserPoolType): Promise<void> {
    const updated = plan.updateRequest !== undefined;
    if (plan.updateRequest) {
      this.logger.log(
        `UpdateUserPoolClient ${userPoolId}/${clientId}: ${changedMembers(plan.updateRequest, plan.restoreRequest).join(', ')}`,
      );
      await this.cognito.updateClient(plan.updateRequest);
    }
    if (!plan.ownershipTags) {
      if (!updated) this.logger.log(`${userPoolId}/${clientId}: nothing to change, no write`);
      return;
    }
    try {
      this.logger.log(`TagResource ${userPoolId}: ${Object.keys(plan.ownershipTags).join(', ')}`);
      await this.cognito.tagPool(pool, plan.ownershipTags);
    } catch (error) {
      if (updated) {
        try {
          await undoDespiteThrottling(() => this.cognito.updateClient(plan.restoreRequest));
        } catch (rollbackError) {
          this.logger.log(`Rollback of ${userPoolId}/${clientId} failed: ${(rollbackError as Error).message}`);
        }
      }
      throw error;
    }
  }

  private async describeBoth(
    userPoolId: string,
    clientId: string,
  ): Promise<{ pool: UserPoolType; described: DescribedClient }> {
    // Independent reads: in parallel, so READ costs one round trip.
    const [pool, described] = await Promise.all([
      this.cognito.describePool(userPoolId),
      this.cognito.describeClient(userPoolId, clientId),
    ]);
    return { pool, described };
  }

  private async describeManaged(
    userPoolId: string,
    clientId: string,
  ): Promise<{ pool: UserPoolType; described: DescribedClient }> {
    const both = await this.describeBoth(userPoolId, clientId);
    if (!isClientManaged(both.pool, clientId)) {
      throw new exceptions.NotFound(CLIENT_TYPE_NAME, clientIdentifier(userPoolId, clientId));
    }
    return both;
  }
}
