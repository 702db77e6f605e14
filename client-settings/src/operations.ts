import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { clientIdentifier, unlessNotFound, type CognitoGateway } from '../../engine/cognito/gateway';
import { clientMarkerTagKey, clientsMarkedOn, hasClientMarkerTag } from '../../engine/markerTags';
import { applySettings } from '../../engine/lifecycle';
import { runOrderedWrites, type Write } from '../../engine/orderedWrites';
import { decodeListToken, encodeListToken } from '../../engine/listToken';
import { explainRefusal } from '../../engine/refusalSubject';
import { changedMembers, type OperationLog, type Ownership } from '../../engine/writePlan';
import { CLIENT_TYPE_NAME } from '../../engine/typeInfo';
import { planClientSettings, type ClientPlan, type DescribedClient } from './plan';
import { currentClientSettings } from './currentSettings';
import type { DeclaredClientSettings } from './fields';
import { clientParameterName, type ClaimKind, type ClientOwnership } from './ownership';
import { findClientSchemaProblems } from './validation';

export interface ClientPreview {
  pool: UserPoolType;
  plan: ClientPlan;
  reads: string[];
  ownership: Ownership;
  /** How the client was claimed when it was read. */
  claim: ClaimKind;
}

/**
 * What each handler does to an app client, in terms of Cognito and Parameter Store calls
 * and the pure plan. A client is managed when its ownership parameter exists (or, for
 * clients claimed by earlier versions, its pool carries the marker tag keyed by its id).
 */
export class ClientSettingsOperations {
  constructor(
    private readonly cognito: CognitoGateway,
    private readonly ownership: ClientOwnership,
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
    const { described } = await this.readAll(userPoolId, clientId, 'keep');
    return currentClientSettings(described);
  }

  /**
   * DELETE: stops managing the client by removing its parameter (or an earlier version's
   * pool tag); every setting stays, whether or not the client still exists. A second
   * DELETE answers NotFound.
   */
  async delete(userPoolId: string, clientId: string): Promise<void> {
    this.logger.log(`DeleteParameter ${clientParameterName(userPoolId, clientId)}`);
    if (await this.ownership.release(userPoolId, clientId)) return;
    const pool = await this.cognito.describePool(userPoolId);
    if (!hasClientMarkerTag(pool, clientId)) {
      throw new exceptions.NotFound(CLIENT_TYPE_NAME, clientIdentifier(userPoolId, clientId));
    }
    this.logger.log(`UntagResource ${userPoolId}: ${clientMarkerTagKey(clientId)}`);
    await this.ownership.releaseLegacyTag(pool, clientId);
  }

  /**
   * LIST of one pool's managed clients (CloudFormation passes the UserPoolId): one page of
   * the pool's ownership parameters (at most 10) per invocation, each client checked to
   * still exist; the first page also lists clients an earlier version claimed with a pool tag.
   */
  async list(userPoolId: string, nextToken?: string): Promise<{ clientIds: string[]; nextToken?: string }> {
    const parameterToken = decodeListToken('GetParametersByPath', nextToken);
    const page = await this.ownership.claimedPage(userPoolId, parameterToken);
    const candidates = [...page.clientIds];
    if (!parameterToken) {
      const tagged = clientsMarkedOn(await this.cognito.describePool(userPoolId));
      candidates.push(...tagged.filter((clientId) => !candidates.includes(clientId)));
    }
    const existing = await Promise.all(candidates.map((clientId) => this.clientExists(userPoolId, clientId)));
    return {
      clientIds: candidates.filter((_, index) => existing[index]),
      nextToken: encodeListToken('GetParametersByPath', page.nextToken),
    };
  }

  /**
   * The reads and the plan of a CREATE (`claim`) or UPDATE (`keep`), without any write.
   * Without an ownership, the claim decides: CREATE when the client is not managed yet.
   */
  async preview(
    userPoolId: string,
    clientId: string,
    declared: DeclaredClientSettings,
    requested?: Ownership,
  ): Promise<ClientPreview> {
    const { pool, described, claim } = await this.readAll(userPoolId, clientId, requested);
    const ownership = requested ?? (claim ? 'keep' : 'claim');
    const plan = planClientSettings({ userPoolId, clientId, described, pool, declared, ownership });
    return {
      pool,
      plan,
      reads: ['DescribeUserPool', 'DescribeUserPoolClient', 'GetParameter'],
      ownership,
      claim,
    };
  }

  private apply(
    userPoolId: string,
    clientId: string,
    declared: DeclaredClientSettings,
    ownership: Ownership,
  ): Promise<DeclaredClientSettings> {
    return applySettings(findClientSchemaProblems({ UserPoolId: userPoolId, ClientId: clientId, ...declared }), {
      plan: () => this.preview(userPoolId, clientId, declared, ownership),
      refusals: ({ plan }) => plan.refusals,
      write: ({ pool, plan, claim }) => this.execute(userPoolId, clientId, plan, pool, claim),
      // Only UpdateUserPoolClient carries the client's settings; a claim refusal names none.
      explain: (failure) => explainRefusal(failure.cause, failure.request, declared, 'app client'),
      report: ({ plan }) => currentClientSettings(plan.resultingClient),
    });
  }

  private async execute(
    userPoolId: string,
    clientId: string,
    plan: ClientPlan,
    pool: UserPoolType,
    claim: ClaimKind,
  ): Promise<void> {
    const writes: Write[] = [];
    if (plan.updateRequest) {
      const update = plan.updateRequest;
      writes.push({
        log: `UpdateUserPoolClient ${userPoolId}/${clientId}: ${changedMembers(update, plan.restoreRequest).join(', ')}`,
        request: update,
        run: () => this.cognito.updateClient(update),
        undo: () => this.cognito.updateClient(plan.restoreRequest),
      });
    }
    if (plan.claims || claim === 'legacy-tag') {
      writes.push({
        log: `PutParameter ${clientParameterName(userPoolId, clientId)}`,
        request: {},
        run: () => this.ownership.claim(userPoolId, clientId),
        undo: () => this.ownership.release(userPoolId, clientId),
      });
    }
    if (claim === 'legacy-tag') {
      writes.push({
        log: `UntagResource ${userPoolId}: ${clientMarkerTagKey(clientId)} (the claim moved to the parameter)`,
        request: {},
        run: () => this.ownership.releaseLegacyTag(pool, clientId),
      });
    }
    await runOrderedWrites(writes, `${userPoolId}/${clientId}`, this.logger);
  }

  /**
   * The pool, the client and the claim, read in parallel; refuses a CREATE of a managed
   * client (AlreadyExists, naming who manages it) and anything else of an unmanaged one
   * (NotFound).
   */
  private async readAll(
    userPoolId: string,
    clientId: string,
    ownership: Ownership | undefined,
  ): Promise<{ pool: UserPoolType; described: DescribedClient; claim: ClaimKind }> {
    const [pool, described, parameter] = await Promise.all([
      this.cognito.describePool(userPoolId),
      this.cognito.describeClient(userPoolId, clientId),
      this.ownership.parameterOf(userPoolId, clientId),
    ]);
    const claim = this.ownership.claimOf(parameter, pool, clientId);
    if (ownership === 'claim' && claim) throw this.ownership.alreadyManaged(userPoolId, clientId, parameter);
    if (ownership === 'keep' && !claim) {
      throw new exceptions.NotFound(CLIENT_TYPE_NAME, clientIdentifier(userPoolId, clientId));
    }
    return { pool, described, claim };
  }

  private async clientExists(userPoolId: string, clientId: string): Promise<boolean> {
    return (await unlessNotFound(this.cognito.describeClient(userPoolId, clientId))) !== undefined;
  }
}
